import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { LANGUAGES, LanguageSchema, type Language } from '../common/language';
import {
  PROCEDURE_ID_PATTERN, ProcedureCatalogSchema, ProcedureFactsSchema, ProcedureTextsSchema,
  type Procedure, type ProcedureCatalog, type ProcedureTexts,
} from '../common/procedure-catalog';
import { fail, ok, type Result } from '../common/result';
import { clip, readJsonFile } from './json-file';

/*
 * Reads the procedure catalog from its folder (docs/catalog.md):
 *   procedures/<id>.json   facts that hold in every language (group, official sites, minutes)
 *   <language>/<id>.json   the texts in that language, for each language folder present
 * Adding a procedure or a language is adding files: nothing here lists them.
 */

/** The shipped catalog, found from the sources; the bundled host finds it with main/app-paths.ts instead. */
export const CATALOG_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'catalog');
const FACTS_FOLDER = 'procedures';

/** A procedure file is a few kilobytes; anything near this is the wrong file. */
export const PROCEDURE_FILE_MAX_BYTES = 64 * 1024;
const PROCEDURE_FILE = { noun: 'the procedure file', maxBytes: PROCEDURE_FILE_MAX_BYTES, sizeHint: 'a procedure file is a few kilobytes of JSON' };

/** One thing to fix: where (file, and the procedure when known), which field, and why. */
export interface CatalogProblem {
  readonly file: string;
  readonly procedure?: string;
  /** Dotted path inside the file, such as `steps.2`; absent when the problem is the file itself. */
  readonly field?: string;
  readonly reason: string;
}

/** `file (procedure passport): steps.2: reason`, one line a technician can act on. */
export function describeCatalogProblem(problem: CatalogProblem): string {
  const where = problem.procedure ? `${problem.file} (procedure ${problem.procedure})` : problem.file;
  return [where, problem.field, clip(problem.reason)].filter(Boolean).join(': ');
}

export interface LoadCatalogOptions {
  /** Languages the kiosk offers: the catalog must have a folder for each (a profile's `languages.offered`). */
  readonly languages?: readonly Language[];
}

/** Reads and validates every file of the catalog. Never throws; reports every problem at once. */
export async function loadCatalog(dir = CATALOG_DIR, options: LoadCatalogOptions = {}): Promise<Result<ProcedureCatalog, CatalogProblem[]>> {
  const problems: CatalogProblem[] = [];
  const folders = await listFolders(dir, problems);
  if (!folders) return fail(problems);

  const languages = LANGUAGES.filter((language) => folders.includes(language));
  for (const name of folders) {
    if (name !== FACTS_FOLDER && !LanguageSchema.safeParse(name).success) {
      problems.push({ file: path.join(dir, name), reason: `this folder is neither "${FACTS_FOLDER}" nor a language the kiosk speaks (${LANGUAGES.join(', ')}): rename or remove it` });
    }
  }
  if (!folders.includes(FACTS_FOLDER)) problems.push({ file: path.join(dir, FACTS_FOLDER), reason: 'missing: create this folder with one <id>.json file per procedure' });
  for (const language of options.languages ?? []) {
    if (!languages.includes(language)) problems.push({ file: path.join(dir, language), reason: `missing: the kiosk offers ${language}, so create this folder with the ${language} texts of every procedure` });
  }
  if (languages.length === 0) problems.push({ file: dir, reason: `no language folder: add one per language (${LANGUAGES.join(', ')}) with the texts of every procedure` });

  const facts = await readFolder(path.join(dir, FACTS_FOLDER), ProcedureFactsSchema, problems);
  const texts = new Map<Language, Folder<ProcedureTexts>>();
  for (const language of languages) texts.set(language, await readFolder(path.join(dir, language), ProcedureTextsSchema, problems));

  // Matched by file presence: a file that exists but is invalid has already said why.
  for (const [language, folder] of texts) {
    for (const id of folder.present) {
      if (!facts.present.has(id)) problems.push({ file: path.join(dir, language, `${id}.json`), procedure: id, reason: `there is no procedure "${id}": add ${FACTS_FOLDER}/${id}.json, or check this file's name` });
    }
    for (const id of facts.present) {
      if (!folder.present.has(id)) problems.push({ file: path.join(dir, language, `${id}.json`), procedure: id, reason: `missing: write the ${language} texts of this procedure in this file` });
    }
  }
  if (problems.length) return fail(problems);

  const procedures: Procedure[] = [...facts.valid].map(([id, procedureFacts]) => ({
    id,
    ...procedureFacts,
    texts: Object.fromEntries(languages.map((language) => [language, texts.get(language)?.valid.get(id)])),
  }));
  // The assembled catalog passes the schema the fleet and the renderer use; a failure here is a loader bug.
  const catalog = ProcedureCatalogSchema.safeParse({ languages, procedures });
  if (!catalog.success) return fail(catalog.error.issues.map((issue) => ({ file: dir, field: issue.path.join('.'), reason: issue.message })));
  return ok(catalog.data);
}

async function listFolders(dir: string, problems: CatalogProblem[]): Promise<string[] | undefined> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    // Loose files beside the folders (a README) are not the catalog's concern.
    return entries.filter((entry) => entry.isDirectory() && !entry.name.startsWith('.')).map((entry) => entry.name).sort();
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such folder' : (error as Error).message;
    problems.push({ file: dir, reason: `cannot read the catalog: ${reason}` });
    return undefined;
  }
}

/** A folder's `<id>.json` files: the ids present (valid or not) and the valid contents. */
interface Folder<T> {
  readonly present: Set<string>;
  readonly valid: Map<string, T>;
}

/** Reads and validates every `<id>.json` of a folder; what fails is added to `problems` and left out. */
async function readFolder<T>(folder: string, schema: z.ZodType<T>, problems: CatalogProblem[]): Promise<Folder<T>> {
  const found: Folder<T> = { present: new Set(), valid: new Map() };
  let names: string[];
  try {
    names = (await readdir(folder)).filter((name) => !name.startsWith('.')).sort();
  } catch {
    return found; // A missing folder is reported by the caller, which knows what it is for.
  }
  for (const name of names) {
    const file = path.join(folder, name);
    const id = name.replace(/\.json$/, '');
    if (!name.endsWith('.json')) {
      problems.push({ file, reason: 'only <id>.json files belong in this folder: rename or remove this one' });
      continue;
    }
    if (!PROCEDURE_ID_PATTERN.test(id)) {
      problems.push({ file, procedure: id, field: '(file name)', reason: 'name the file after the procedure id: lowercase letters, digits and dashes (2 to 63), as in passport.json' });
      continue;
    }
    found.present.add(id);
    const json = await readJsonFile(file, PROCEDURE_FILE);
    if (!json.ok) {
      problems.push({ file, procedure: id, reason: json.error });
      continue;
    }
    const parsed = schema.safeParse(json.value);
    if (parsed.success) found.valid.set(id, parsed.data);
    else problems.push(...parsed.error.issues.map((issue) => ({ file, procedure: id, field: issue.path.join('.') || '(whole file)', reason: issue.message })));
  }
  return found;
}
