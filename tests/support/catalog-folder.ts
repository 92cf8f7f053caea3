import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A valid procedure's facts and texts, for tests to copy and spoil one field at a time. */
export const sampleFacts = {
  group: 'identity',
  minutes: 20,
  start: 'https://passeport.example.gouv.fr/demande',
  allow: [{ origin: 'https://passeport.example.gouv.fr', pathPrefix: '/' }],
};
export const sampleTexts = (title: string) => ({
  title,
  summary: ['You fill in a form online.', 'Then you go to the town hall.'],
  steps: ['Open the website.', 'Fill in the form.'],
  documents: ['An ID photo'],
  keywords: ['passport'],
});

/** A catalog folder in the system's temporary folder; `remove()` deletes it with everything written. */
export function catalogFolder() {
  const dir = mkdtempSync(path.join(tmpdir(), 'borne-catalog-'));
  const write = (relative: string, content: unknown): string => {
    const file = path.join(dir, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
    return file;
  };
  return {
    dir,
    write,
    /** One procedure in every listed language: its facts file and one text file per language. */
    addProcedure(id: string, languages: readonly string[] = ['fr', 'en'], facts: unknown = sampleFacts) {
      write(`procedures/${id}.json`, facts);
      for (const language of languages) write(`${language}/${id}.json`, sampleTexts(`${id} (${language})`));
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * A catalog whose one procedure, `stand-in`, opens the allowed stand-in site (tests/support/stand-in-sites.ts)
 * under its own allowlist: a profile offering it need not list that site itself. The foreign stand-in
 * stays on no list. `remove()` deletes the folder.
 */
export function standInCatalog(allowedOrigin: string, languages: readonly string[] = ['fr', 'en']) {
  const catalog = catalogFolder();
  catalog.addProcedure('stand-in', languages, {
    group: 'identity',
    minutes: 5,
    start: `${allowedOrigin}/`,
    allow: [{ origin: allowedOrigin, pathPrefix: '/' }],
  });
  return catalog;
}
