import { mkdirSync, truncateSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  describeCatalogProblem, loadCatalog, PROCEDURE_FILE_MAX_BYTES, type CatalogProblem,
} from '../../../kiosk-config/catalog-load';
import { catalogFolder, sampleFacts } from '../../support/catalog-folder';

let catalog: ReturnType<typeof catalogFolder>;
beforeEach(() => { catalog = catalogFolder(); });
afterEach(() => catalog.remove());

/** The problems of a catalog that must fail to load. */
async function problemsOf(options = {}): Promise<CatalogProblem[]> {
  const loaded = await loadCatalog(catalog.dir, options);
  if (loaded.ok) throw new Error('expected the catalog to be refused');
  return loaded.error;
}

describe('loadCatalog', () => {
  it('joins each procedure\'s facts with its texts in every language folder', async () => {
    catalog.addProcedure('passport');
    catalog.addProcedure('id-card');
    catalog.write('README.md', 'Loose files beside the folders are not procedures.');
    const loaded = await loadCatalog(catalog.dir);
    if (!loaded.ok) throw new Error(loaded.error.map(describeCatalogProblem).join('\n'));
    expect(loaded.value.languages).toEqual(['fr', 'en']);
    expect(loaded.value.procedures.map((p) => p.id)).toEqual(['id-card', 'passport']);
    expect(loaded.value.procedures[1]).toMatchObject({
      id: 'passport', group: 'identity', minutes: 20, demo: false,
      texts: { fr: { title: 'passport (fr)' }, en: { title: 'passport (en)' } },
    });
  });

  it('picks up a procedure added as files, without code', async () => {
    catalog.addProcedure('passport');
    const before = await loadCatalog(catalog.dir);
    catalog.addProcedure('energy-cheque', ['fr', 'en'], { ...sampleFacts, group: 'energy' });
    const after = await loadCatalog(catalog.dir);
    expect(before.ok && before.value.procedures.length).toBe(1);
    expect(after.ok && after.value.procedures.find((p) => p.id === 'energy-cheque')?.group).toBe('energy');
  });

  it('names the file, the procedure, the field and the reason of an invalid field', async () => {
    catalog.addProcedure('passport');
    const file = catalog.write('fr/passport.json', { title: 'Passeport', summary: ['Une phrase.'], steps: ['Ouvrez\tle site.'], documents: [], keywords: ['passeport'] });
    expect(await problemsOf()).toEqual([
      { file, procedure: 'passport', field: 'steps.0', reason: 'write step on one line, without tabs or control characters' },
    ]);
    expect(describeCatalogProblem((await problemsOf())[0]!))
      .toBe(`${file} (procedure passport): steps.0: write step on one line, without tabs or control characters`);
  });

  it('names the text file a procedure lacks in a language the catalog offers', async () => {
    catalog.addProcedure('passport');
    catalog.addProcedure('id-card', ['fr']);
    expect(await problemsOf()).toEqual([{
      file: path.join(catalog.dir, 'en', 'id-card.json'), procedure: 'id-card', reason: 'missing: write the en texts of this procedure in this file',
    }]);
  });

  it('refuses a text file for a procedure that does not exist, such as a misspelt name', async () => {
    catalog.addProcedure('passport');
    const file = catalog.write('en/pasport.json', {});
    expect(await problemsOf()).toContainEqual({ file, procedure: 'pasport', reason: 'there is no procedure "pasport": add procedures/pasport.json, or check this file\'s name' });
  });

  it('refuses a folder that is neither the facts folder nor a language the kiosk speaks', async () => {
    catalog.addProcedure('passport', ['fr', 'en', 'xx']);
    expect(await problemsOf()).toEqual([{
      file: path.join(catalog.dir, 'xx'), reason: 'this folder is neither "procedures" nor a language the kiosk speaks (fr, en, ar): rename or remove it',
    }]);
  });

  it('asks for the folder of a language the kiosk offers when it is missing', async () => {
    catalog.addProcedure('passport', ['fr']);
    expect(await loadCatalog(catalog.dir)).toMatchObject({ ok: true, value: { languages: ['fr'] } });
    expect(await problemsOf({ languages: ['fr', 'en'] })).toEqual([{
      file: path.join(catalog.dir, 'en'), reason: 'missing: the kiosk offers en, so create this folder with the en texts of every procedure',
    }]);
  });

  it('refuses a file name that is not a procedure id and a file that is not JSON', async () => {
    catalog.addProcedure('passport');
    const badName = catalog.write('procedures/Passport Copy.json', sampleFacts);
    const notJson = catalog.write('procedures/passport.json.bak', sampleFacts);
    const broken = catalog.write('fr/passport.json', '{ "title": ');
    const problems = await problemsOf();
    expect(problems).toContainEqual(expect.objectContaining({ file: badName, field: '(file name)', reason: expect.stringMatching(/^name the file after the procedure id/) }));
    expect(problems).toContainEqual({ file: notJson, reason: 'only <id>.json files belong in this folder: rename or remove this one' });
    expect(problems).toContainEqual(expect.objectContaining({ file: broken, procedure: 'passport', reason: expect.stringMatching(/^not valid JSON: /) }));
    // The broken French file is reported once: not also as a missing text.
    expect(problems.filter((p) => p.file === broken)).toHaveLength(1);
  });

  it('refuses a file larger than a procedure file can be, before reading it', async () => {
    catalog.addProcedure('passport');
    const file = path.join(catalog.dir, 'en', 'passport.json');
    truncateSync(file, PROCEDURE_FILE_MAX_BYTES + 1);
    expect(await problemsOf()).toEqual([{
      file, procedure: 'passport', reason: expect.stringMatching(/^the procedure file is 64\.0 KiB .*more than the limit/),
    }]);
  });

  it('reports every problem of every file at once', async () => {
    catalog.addProcedure('passport', ['fr', 'en'], { ...sampleFacts, group: 'leisure', minutes: -1 });
    catalog.addProcedure('id-card', ['fr', 'en'], { ...sampleFacts, start: 'http://example.gouv.fr/' });
    const problems = await problemsOf();
    expect(problems.map((p) => `${p.procedure}: ${p.field}`)).toEqual(['id-card: start', 'id-card: start', 'passport: group', 'passport: minutes']);
  });

  it('says what is missing when the folder, the facts folder or every language folder is absent', async () => {
    expect(await loadCatalog(path.join(catalog.dir, 'nope'))).toEqual({
      ok: false, error: [{ file: path.join(catalog.dir, 'nope'), reason: 'cannot read the catalog: no such folder' }],
    });
    mkdirSync(path.join(catalog.dir, 'fr'));
    expect(await problemsOf()).toEqual([{ file: path.join(catalog.dir, 'procedures'), reason: 'missing: create this folder with one <id>.json file per procedure' }]);
    catalog.remove();
    catalog = catalogFolder();
    catalog.write('procedures/passport.json', sampleFacts);
    expect(await problemsOf()).toEqual([{ file: catalog.dir, reason: 'no language folder: add one per language (fr, en, ar) with the texts of every procedure' }]);
  });
});
