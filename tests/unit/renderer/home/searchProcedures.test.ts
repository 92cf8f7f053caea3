import { describe, expect, it } from 'vitest';
import type { HomeCatalog } from '../../../../common/visit-views';
import { foldForSearch, searchProcedures } from '../../../../renderer/src/home/searchProcedures';
import { shippedHomeCatalog } from '../../../support/renderer-preview/shippedCatalog';

const catalog: HomeCatalog = {
  groups: [
    { group: 'identity', procedures: [
      { id: 'id-card', title: "Demander une carte d'identité", minutes: 20, keywords: ['CNI', 'pièce d’identité'] },
      { id: 'passport', title: 'Demander un passeport', minutes: 20, keywords: ['voyage', 'timbre fiscal'] },
    ] },
    { group: 'housing', procedures: [
      { id: 'change-of-address', title: 'Signaler un déménagement', minutes: 10, keywords: ['adresse', 'nouveau logement'] },
    ] },
  ],
};
const ids = (query: string, within = catalog) => searchProcedures(within, query).map((procedure) => procedure.id);

describe('searching procedures by word', () => {
  it('folds case, accents and punctuation away', () => {
    expect(foldForSearch("  Carte d'IDENTITÉ ! ")).toBe('carte d identite');
    expect(foldForSearch('Déménagement')).toBe('demenagement');
  });

  it('finds a title whatever the case and accents typed', () => {
    expect(ids('IDENTITE')).toEqual(['id-card']);
    expect(ids('déménagement')).toEqual(['change-of-address']);
    expect(ids('demenagement')).toEqual(['change-of-address']);
  });

  it('finds a procedure by one of its keywords, not only its title', () => {
    expect(ids('voyage')).toEqual(['passport']);
    expect(ids('cni')).toEqual(['id-card']);
    expect(ids('Adresse')).toEqual(['change-of-address']);
  });

  it('matches the beginning of a word, so results come while the person types', () => {
    expect(ids('pass')).toEqual(['passport']);
    expect(ids('dem')).toEqual(['id-card', 'passport', 'change-of-address']);
  });

  it('needs every word typed, in any order', () => {
    expect(ids('fiscal timbre')).toEqual(['passport']);
    expect(ids('passeport logement')).toEqual([]);
  });

  it('finds nothing for an empty query or a word nowhere in the catalog', () => {
    expect(ids('')).toEqual([]);
    expect(ids('   ')).toEqual([]);
    expect(ids('xylophone')).toEqual([]);
  });

  it('searches the shipped catalog in the language of the visit', () => {
    expect(ids('passeport', shippedHomeCatalog('fr'))).toContain('passport');
    expect(ids('passport', shippedHomeCatalog('en'))).toContain('passport');
    expect(ids('impots', shippedHomeCatalog('fr'))).toContain('income-tax');
  });
});
