import type { Language } from '../../common/language';
import { LIFE_EVENT_GROUPS, type Procedure, type ProcedureTexts } from '../../common/procedure-catalog';
import type { HomeCatalog, ProcedureView } from '../../common/visit-views';

/*
 * What the guided visit's screens are sent, picked from the procedures the kiosk offers in the visit's
 * language. The host loaded the catalog with every offered language's texts (kiosk-config/catalog-load.ts),
 * so the fallback below only guards a language added to the profile and not checked.
 */

/** The procedure's texts in `language`, else in the first language it has. */
function textsIn(procedure: Procedure, language: Language): ProcedureTexts {
  const texts = procedure.texts[language] ?? Object.values(procedure.texts).find((found) => found !== undefined);
  if (!texts) throw new Error(`the procedure ${procedure.id} has no texts`);
  return texts;
}

/** The home screen's procedures, by life event in LIFE_EVENT_GROUPS order, each group in the catalog's order; empty groups left out. */
export function homeCatalog(procedures: readonly Procedure[], language: Language): HomeCatalog {
  return {
    groups: LIFE_EVENT_GROUPS.flatMap((group) => {
      const inGroup = procedures.filter((procedure) => procedure.group === group).map((procedure) => {
        const { title, keywords } = textsIn(procedure, language);
        return { id: procedure.id, title, minutes: procedure.minutes, keywords };
      });
      return inGroup.length > 0 ? [{ group, procedures: inGroup }] : [];
    }),
  };
}

/** A procedure's guide: its texts in `language`, and the origins its site will reach, each once. */
export function procedureView(procedure: Procedure, language: Language): ProcedureView {
  const { title, summary, steps, documents } = textsIn(procedure, language);
  return {
    id: procedure.id,
    group: procedure.group,
    title,
    minutes: procedure.minutes,
    summary,
    steps,
    documents,
    origins: [...new Set(procedure.allow.map((site) => site.origin))],
  };
}
