import type { PushableEvent } from '../../common/assist';
import type { SessionSnapshot } from '../../common/snapshot';

/**
 * Every step an agent could push from what the kiosk shows: a language, a procedure of the home
 * screen, a site tile, the guide's and the site's ways on, finishing. The desk keeps those the machine
 * would take now (`can`); the agent page draws them as buttons, so it never offers a dead one.
 */
export function pushCandidates(snapshot: SessionSnapshot): PushableEvent[] {
  return [
    ...snapshot.offeredLanguages.map((language) => ({ type: 'LANGUAGE.CHOOSE', language }) as const),
    ...(snapshot.catalog?.groups ?? []).flatMap((group) => group.procedures.map(({ id }) => ({ type: 'PROCEDURE.OPEN', id }) as const)),
    ...snapshot.siteTiles.map(({ url }) => ({ type: 'SITE.OPEN', url }) as const),
    { type: 'PROCEDURE.START' },
    { type: 'PROCEDURE.CLOSE' },
    { type: 'SITE.CLOSE' },
    { type: 'MEASURE.DONE' },
    { type: 'MEASURE.CANCEL' },
    { type: 'VISIT.FINISH' },
  ];
}
