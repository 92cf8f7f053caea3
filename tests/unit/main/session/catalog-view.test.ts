import { describe, expect, it } from 'vitest';
import { HomeCatalogSchema, ProcedureViewSchema } from '../../../../common/visit-views';
import { homeCatalog, procedureView } from '../../../../main/session/catalog-view';
import { procedure, PROCEDURES } from './procedures';

describe('the home catalog', () => {
  it('groups the offered procedures by life event, in the groups\' order, in the visit\'s language', () => {
    const catalog = homeCatalog(PROCEDURES, 'en');
    expect(HomeCatalogSchema.parse(catalog)).toEqual(catalog);
    expect(catalog).toEqual({
      groups: [
        {
          group: 'identity',
          procedures: [
            { id: 'passport', title: 'passport (en)', minutes: 10, keywords: ['passport-en'] },
            { id: 'id-card', title: 'id-card (en)', minutes: 10, keywords: ['id-card-en'] },
          ],
        },
        { group: 'taxes', procedures: [{ id: 'income-tax', title: 'income-tax (en)', minutes: 10, keywords: ['income-tax-en'] }] },
      ],
    });
    expect(homeCatalog(PROCEDURES, 'fr').groups[0]!.procedures[0]!.title).toBe('passport (fr)');
  });

  it('leaves out empty groups: nothing offered, no group', () => {
    expect(homeCatalog([], 'fr')).toEqual({ groups: [] });
  });
});

describe('a procedure\'s guide', () => {
  it('holds its texts in the visit\'s language and the origins its site reaches, each once', () => {
    const passport = procedure('passport', 'identity', 'http://localhost:8100');
    const withTwoPaths = { ...passport, allow: [...passport.allow, { origin: 'http://localhost:8100', pathPrefix: '/rdv' }] };
    const view = procedureView(withTwoPaths, 'fr');
    expect(ProcedureViewSchema.parse(view)).toEqual(view);
    expect(view).toEqual({
      id: 'passport',
      group: 'identity',
      title: 'passport (fr)',
      minutes: 10,
      summary: ['passport: summary (fr)'],
      steps: ['passport: first step (fr)', 'passport: second step (fr)'],
      documents: [],
      origins: ['http://localhost:8100', 'http://localhost:7999'],
    });
  });

  it('falls back to another language\'s texts rather than fail, should a language have none', () => {
    const frenchOnly = { ...PROCEDURES[0]!, texts: { fr: PROCEDURES[0]!.texts.fr! } };
    expect(procedureView(frenchOnly, 'en').title).toBe('income-tax (fr)');
  });
});
