import path from 'node:path';
import type { Procedure } from '../common/procedure-catalog';
import { fail, ok, type Result } from '../common/result';
import { describeCatalogProblem, loadCatalog } from './catalog-load';
import type { Profile } from './schema';

/** The procedures a kiosk offers, from the catalog its profile names. */
export interface OfferedCatalog {
  /** The catalog's folder, resolved. */
  dir: string;
  /** In the catalog's order; the profile's choice, or every procedure. */
  procedures: Procedure[];
}

/**
 * Loads the catalog a profile names (`catalog.dir`, relative to the profile's folder, or `shippedDir`)
 * with the texts of every language the profile offers, then picks the procedures the profile offers
 * and checks its `cards` lead to one of them. Never throws: a failure is one line per problem, each
 * naming the file, the procedure, the field and the reason.
 */
export async function loadOfferedCatalog(profile: Profile, profileFile: string, shippedDir: string): Promise<Result<OfferedCatalog>> {
  const dir = profile.catalog.dir === undefined ? shippedDir : path.resolve(path.dirname(profileFile), profile.catalog.dir);
  const loaded = await loadCatalog(dir, { languages: profile.languages.offered });
  if (!loaded.ok) return fail(loaded.error.map(describeCatalogProblem).join('\n'));
  const all = loaded.value.procedures;
  const chosen = profile.catalog.procedures;
  const problems: string[] = [];
  chosen?.forEach((id, index) => {
    if (!all.some((procedure) => procedure.id === id)) {
      problems.push(`${profileFile}: catalog.procedures.${index}: there is no procedure "${id}" in the catalog ${dir}: check the id, or add the procedure`);
    }
  });
  const procedures = chosen ? all.filter((procedure) => chosen.includes(procedure.id)) : all;
  for (const [card, id] of Object.entries(profile.cards)) {
    if (!procedures.some((procedure) => procedure.id === id)) {
      problems.push(`${profileFile}: cards.${card}: the procedure "${id}" is not offered by this kiosk: add it to catalog.procedures, or map the card to an offered one`);
    }
  }
  return problems.length > 0 ? fail(problems.join('\n')) : ok({ dir, procedures });
}
