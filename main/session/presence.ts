import type { Screen } from '../../common/snapshot';

/*
 * Inactivity per step. Each visit step says, on entry, which step it is (`PRESENCE.STEP`): the
 * presence region then counts that step's timeout afresh, since reaching a step is the person acting.
 * A busy step (a call, a print job: the person waits, and is there) holds the count: its entry raises
 * `PRESENCE.HOLD` and its exit `PRESENCE.RESUME`, with the machine's `holdPresence` and
 * `resumePresence` actions, and it carries the `busy` tag so views and tests can tell. Nobody is then
 * asked "are you still there?", and no timer ends the visit, until the step ends. A video call's site
 * is one (main/session/machine.ts, `site.call`; tests/unit/main/session/presence.test.ts).
 */

/** Raised by the session machine itself; never from a renderer (the bridge contract excludes them). */
export type PresenceEvent =
  | { type: 'PRESENCE.STEP'; step: Screen }
  | { type: 'PRESENCE.HOLD' }
  | { type: 'PRESENCE.RESUME' };

/** The profile's inactivity timeouts: one for every step, and longer or shorter ones for some. */
export interface IdleTimeouts {
  idleTimeoutSeconds: number;
  idleTimeoutSecondsByScreen: Partial<Record<Screen, number>>;
}

/** Milliseconds without activity on `step` before the warning shows. */
export function idleTimeoutMs(settings: IdleTimeouts, step: Screen): number {
  return (settings.idleTimeoutSecondsByScreen[step] ?? settings.idleTimeoutSeconds) * 1000;
}

