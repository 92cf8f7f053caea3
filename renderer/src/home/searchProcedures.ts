import type { HomeCatalog, ProcedureEntry } from '../../../common/visit-views';

/**
 * The home screen's search by word. People type as they speak: "carte identite", "CAF", "démenagement".
 * A procedure matches when every word typed is found in its title or keywords, whatever the case and
 * accents; the texts are already in the visit's language (the host picks them).
 */

/** Lowercase, without accents or punctuation: "Carte d'Identité" → "carte d identite". */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

export function searchProcedures(catalog: HomeCatalog, query: string): ProcedureEntry[] {
  const words = foldForSearch(query).split(' ').filter(Boolean);
  if (words.length === 0) return [];
  return catalog.groups.flatMap((group) => group.procedures).filter((procedure) => {
    const searchable = foldForSearch([procedure.title, ...procedure.keywords].join(' '));
    return words.every((word) => searchable.includes(word));
  });
}
