import type { UsageEvent, VisitOutcome } from '../../common/usage-events';
import type { SessionState } from '../session/snapshot';

/** What one transition tells about the visit; the recorder adds the visit's duration to its end. */
export type VisitMoment = Exclude<UsageEvent, { type: 'visit-ended' }> | { type: 'visit-ended'; outcome: VisitOutcome };

const IN_VISIT = 'visit';
const CHOOSING_LANGUAGE = { visit: { step: 'language' } } as const;
const ON_SITE = { visit: { step: 'site' } } as const;
const MEASURED = { visit: { step: { measure: 'result' } } } as const;

/**
 * The usage events in one transition of the session machine, from the states on either side and the
 * event between them. Only what docs/usage.md lists leaves here: a language code, a device kind, a
 * site's origin, an outcome; never a value, a page address or anything a visitor typed.
 */
export function visitMoments(before: SessionState, event: { type: string }, after: SessionState): VisitMoment[] {
  const moments: VisitMoment[] = [];
  if (!before.matches(IN_VISIT) && after.matches(IN_VISIT)) moments.push({ type: 'visit-started' });
  if (before.matches(CHOOSING_LANGUAGE) && after.matches(IN_VISIT) && !after.matches(CHOOSING_LANGUAGE)) {
    moments.push({ type: 'language-chosen', language: after.context.language });
  }
  // Chosen on the home screen, or by a card: counted once, not again on the way back from its site.
  const { procedure } = after.context;
  if (procedure !== null && procedure !== before.context.procedure) moments.push({ type: 'procedure-chosen', procedure });
  // The step's result is entered once per reading, and only with one: a kind measured again counts again.
  if (!before.matches(MEASURED) && after.matches(MEASURED) && after.context.measuring) {
    moments.push({ type: 'measurement-taken', kind: after.context.measuring.kind });
  }
  if (!before.matches(ON_SITE) && after.matches(ON_SITE) && after.context.site) {
    moments.push({ type: 'site-opened', origin: after.context.site.origin, ...(procedure !== null && { procedure }) });
  }
  if (before.matches(IN_VISIT) && !after.matches(IN_VISIT)) moments.push({ type: 'visit-ended', outcome: outcomeOf(event) });
  // On the end screen, after the visit's end: the answer is one tap, given once.
  const { satisfaction } = after.context;
  if (satisfaction !== null && before.context.satisfaction === null) moments.push({ type: 'satisfaction', rating: satisfaction });
  return moments;
}

/** Why the visit ended, from the event that ended it; the countdown's own timer is the only one left. */
function outcomeOf(event: { type: string }): VisitOutcome {
  switch (event.type) {
    case 'VISIT.FINISH': return 'finished';
    case 'WATCHDOG.RECOVERED':
    case 'WATCHDOG.GAVE_UP': return 'watchdog';
    case 'ADMIN.OPEN': return 'admin';
    case 'CONSENT.DECLINE': return 'declined';
    default: return 'timed-out';
  }
}
