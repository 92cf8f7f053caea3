import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CATALOG_DIR } from '../../../kiosk-config/catalog-load';
import { loadOfferedCatalog } from '../../../kiosk-config/offered-catalog';
import { ProfileSchema } from '../../../kiosk-config/schema';
import { catalogFolder } from '../../support/catalog-folder';

let catalog: ReturnType<typeof catalogFolder>;
beforeEach(() => {
  catalog = catalogFolder();
  catalog.addProcedure('passport');
  catalog.addProcedure('id-card');
});
afterEach(() => catalog.remove());

const profileWith = (rest: Record<string, unknown>, offered = ['fr', 'en']) =>
  ProfileSchema.parse({ kiosk: { id: 'mairie', name: 'Mairie' }, languages: { offered, default: 'fr' }, ...rest });

describe('the catalog a profile offers', () => {
  it('is the shipped catalog, every procedure, when the profile says nothing', async () => {
    const offered = await loadOfferedCatalog(profileWith({}), '/etc/borne/mairie.json', CATALOG_DIR);
    if (!offered.ok) throw new Error(offered.error);
    expect(offered.value.dir).toBe(CATALOG_DIR);
    expect(offered.value.procedures.length).toBeGreaterThanOrEqual(19);
  });

  it('finds a relative folder beside the profile, and offers the procedures listed, in the catalog\'s order', async () => {
    const profileFile = path.join(path.dirname(catalog.dir), 'profile.json');
    const profile = profileWith({ catalog: { dir: path.basename(catalog.dir), procedures: ['passport', 'id-card'] } });
    const offered = await loadOfferedCatalog(profile, profileFile, CATALOG_DIR);
    if (!offered.ok) throw new Error(offered.error);
    expect(offered.value).toMatchObject({ dir: catalog.dir });
    expect(offered.value.procedures.map((procedure) => procedure.id)).toEqual(['id-card', 'passport']);
  });

  it('names a listed procedure the catalog does not have, and a card leading to a procedure not offered', async () => {
    const profile = profileWith({ catalog: { dir: catalog.dir, procedures: ['passport', 'pasport'] }, cards: { identity: 'id-card' } });
    const offered = await loadOfferedCatalog(profile, '/p.json', CATALOG_DIR);
    expect(offered).toEqual({ ok: false, error: [
      `/p.json: catalog.procedures.1: there is no procedure "pasport" in the catalog ${catalog.dir}: check the id, or add the procedure`,
      '/p.json: cards.identity: the procedure "id-card" is not offered by this kiosk: add it to catalog.procedures, or map the card to an offered one',
    ].join('\n') });
  });

  it('needs the texts of every language the profile offers, and says which file is missing', async () => {
    catalog.write('procedures/voter-registration.json', {
      group: 'citizenship', minutes: 5, start: 'https://www.example.gouv.fr/vote', allow: [{ origin: 'https://www.example.gouv.fr' }],
    });
    catalog.write('fr/voter-registration.json', { title: 'Voter', summary: ['x'], steps: ['x'], documents: [], keywords: ['x'] });
    const offered = await loadOfferedCatalog(profileWith({ catalog: { dir: catalog.dir } }), '/p.json', CATALOG_DIR);
    expect(offered).toEqual({ ok: false, error: `${catalog.dir}/en/voter-registration.json (procedure voter-registration): missing: write the en texts of this procedure in this file` });
  });

  it('names a field a procedure file gets wrong', async () => {
    catalog.write('procedures/id-card.json', { group: 'identity', minutes: 0, start: 'https://a.example/x', allow: [{ origin: 'https://a.example' }] });
    const offered = await loadOfferedCatalog(profileWith({ catalog: { dir: catalog.dir } }), '/p.json', CATALOG_DIR);
    expect(offered.ok).toBe(false);
    expect(!offered.ok && offered.error).toMatch(new RegExp(`^${catalog.dir}/procedures/id-card\\.json \\(procedure id-card\\): minutes: `));
  });
});
