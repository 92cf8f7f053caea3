import { ESLint } from 'eslint';

// Lints a source text with the real eslint.config.js, as if it were the file at `filePath`.
const eslint = new ESLint({ cwd: process.cwd() });
const IMPORT_RULES = new Set(['borne/layers', 'no-restricted-imports']);

/** The import-boundary errors for `source` placed at `filePath`; a parse error counts too, so a typo cannot pass. */
export async function importErrors(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.fatal === true || (m.ruleId !== null && IMPORT_RULES.has(m.ruleId)))
    .map((m) => m.message);
}
