import type { Procedure } from '../../../../common/procedure-catalog';

const texts = (title: string, language: string) => ({
  title: `${title} (${language})`,
  summary: [`${title}: summary (${language})`],
  steps: [`${title}: first step (${language})`, `${title}: second step (${language})`],
  documents: [],
  keywords: [`${title.toLowerCase()}-${language}`],
});

/** A procedure on a loopback site of its own, with texts in French and English. */
export function procedure(id: string, group: Procedure['group'], origin = `http://localhost:${id.length + 8000}`): Procedure {
  return {
    id,
    group,
    minutes: 10,
    start: `${origin}/${id}/start`,
    allow: [{ origin, pathPrefix: `/${id}` }, { origin: 'http://localhost:7999', pathPrefix: '/' }],
    demo: false,
    texts: { fr: texts(id, 'fr'), en: texts(id, 'en') },
  };
}

/** Three procedures, out of group order on purpose: taxes, identity, identity. */
export const PROCEDURES: Procedure[] = [procedure('income-tax', 'taxes'), procedure('passport', 'identity'), procedure('id-card', 'identity')];
