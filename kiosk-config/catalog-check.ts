import { LIFE_EVENT_GROUPS, type ProcedureCatalog } from '../common/procedure-catalog';
import { LanguageSchema } from '../common/language';
import { describeCatalogProblem, loadCatalog } from './catalog-load';

export const CATALOG_USAGE = 'usage: npm run catalog -- check [--dir <catalog folder>] [--languages fr,en]';

/** What `npm run catalog` prints and exits with: 0 valid, 1 invalid catalog, 2 wrong command line. */
export interface CheckOutcome {
  readonly exitCode: 0 | 1 | 2;
  readonly output: string;
}

/**
 * The technician's check: `check` validates the catalog folder and prints a summary (procedures per
 * group and per language) or every problem, one line each. `--languages` names the languages a
 * profile offers, so a missing folder is caught before the kiosk starts.
 */
export async function checkCatalog(args: readonly string[], defaultDir: string): Promise<CheckOutcome> {
  const [command, ...rest] = args;
  if (command !== 'check') return { exitCode: 2, output: CATALOG_USAGE };
  let dir = defaultDir;
  let languages: string[] = [];
  for (let i = 0; i < rest.length; i += 2) {
    const value = rest[i + 1];
    if (value === undefined || value.startsWith('--')) return { exitCode: 2, output: `${rest[i]} needs a value\n${CATALOG_USAGE}` };
    if (rest[i] === '--dir') dir = value;
    else if (rest[i] === '--languages') languages = value.split(',');
    else return { exitCode: 2, output: `unknown option ${rest[i]}\n${CATALOG_USAGE}` };
  }
  const unknown = languages.filter((language) => !LanguageSchema.safeParse(language).success);
  if (unknown.length) return { exitCode: 2, output: `--languages: ${unknown.join(', ')} is not a language the kiosk speaks (${LanguageSchema.options.join(', ')})` };

  const loaded = await loadCatalog(dir, { languages: languages.map((language) => LanguageSchema.parse(language)) });
  if (!loaded.ok) {
    const lines = loaded.error.map(describeCatalogProblem);
    return { exitCode: 1, output: [`${dir}: ${lines.length} problem${lines.length === 1 ? '' : 's'} to fix:`, ...lines].join('\n') };
  }
  return { exitCode: 0, output: catalogSummary(dir, loaded.value) };
}

/** Counts a technician checks at a glance: procedures per life-event group and per language. */
function catalogSummary(dir: string, catalog: ProcedureCatalog): string {
  const { procedures, languages } = catalog;
  const demo = procedures.filter((procedure) => procedure.demo).length;
  const lines = [`${dir}: valid, ${procedures.length} procedures in ${languages.join(', ')}`];
  if (demo) lines.push(`${demo} marked demo: their addresses are examples, check them against the live sites before public use`);
  lines.push('per group:');
  for (const group of LIFE_EVENT_GROUPS) {
    const count = procedures.filter((procedure) => procedure.group === group).length;
    if (count) lines.push(`  ${group.padEnd(12)} ${count}`);
  }
  lines.push('per language:');
  for (const language of languages) {
    lines.push(`  ${language.padEnd(12)} ${procedures.filter((procedure) => procedure.texts[language]).length}`);
  }
  return lines.join('\n');
}
