import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Language } from '../../../common/language';
import {
  LIFE_EVENT_GROUPS, ProcedureFactsSchema, ProcedureTextsSchema, type ProcedureFacts, type ProcedureTexts,
} from '../../../common/procedure-catalog';
import type { HomeCatalog, ProcedureView } from '../../../common/visit-views';

/*
 * The shipped catalog (kiosk-config/catalog) as the home and guide screens receive it, read synchronously
 * so fixtures can be plain constants: previews and component tests show the real procedures, not a sample.
 * The host builds the same views from the loaded catalog; this reads the files directly, with the same schemas.
 */
const CATALOG = resolve(import.meta.dirname, '../../../kiosk-config/catalog');

const readJson = (...path: string[]): unknown => JSON.parse(readFileSync(join(CATALOG, ...path), 'utf8'));
const ids = readdirSync(join(CATALOG, 'procedures')).filter((name) => name.endsWith('.json')).map((name) => name.slice(0, -5)).sort();
const facts = new Map<string, ProcedureFacts>(ids.map((id) => [id, ProcedureFactsSchema.parse(readJson('procedures', `${id}.json`))]));
const textsIn = (language: Language, id: string): ProcedureTexts => ProcedureTextsSchema.parse(readJson(language, `${id}.json`));

export const shippedProcedureIds: readonly string[] = ids;

/** Every shipped procedure, grouped by life event in the catalog's group order. */
export function shippedHomeCatalog(language: Language): HomeCatalog {
  return {
    groups: LIFE_EVENT_GROUPS.map((group) => ({
      group,
      procedures: ids.filter((id) => facts.get(id)!.group === group).map((id) => {
        const { title, keywords } = textsIn(language, id);
        return { id, title, minutes: facts.get(id)!.minutes, keywords };
      }),
    })).filter((entry) => entry.procedures.length > 0),
  };
}

/** One shipped procedure's guide. */
export function shippedProcedureView(id: string, language: Language): ProcedureView {
  const procedureFacts = facts.get(id);
  if (!procedureFacts) throw new Error(`no shipped procedure "${id}"`);
  const { title, summary, steps, documents } = textsIn(language, id);
  return {
    id, group: procedureFacts.group, title, minutes: procedureFacts.minutes, summary, steps, documents,
    origins: [...new Set(procedureFacts.allow.map((site) => site.origin))],
  };
}
