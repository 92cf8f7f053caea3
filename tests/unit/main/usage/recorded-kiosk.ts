import { fromPromise } from 'xstate';
import type { UsageEvent } from '../../../../common/usage-events';
import { sessionMachine, type SessionSettings } from '../../../../main/session/machine';
import { recordUsage, type UsageSink } from '../../../../main/usage/usage-recorder';
import { captureLog } from '../../../support/capture-log';
import { startSimulatedKiosk } from '../session/simulated-kiosk';

export const temperature = { kind: 'thermometer' as const, celsius: 37.6, site: 'finger' as const, takenAt: null };
export const oximetry = { kind: 'pulseOximeter' as const, spo2Percent: 97, pulsePerMinute: 72 };

/** The real session machine on a simulated clock, its usage recorded into `sink` (an array unless given). */
export function startRecordedKiosk(sink?: UsageSink, overrides: Partial<SessionSettings> = {}) {
  const kiosk = startSimulatedKiosk(sessionMachine.provide({ actors: { wipeSession: fromPromise<void>(async () => {}) } }), overrides);
  const recorded: UsageEvent[] = [];
  const { log, lines } = captureLog();
  const stop = recordUsage(kiosk.actor, sink ?? { append: (event) => recorded.push(event) }, { log, now: () => kiosk.clock.now() });
  const visit = (language: 'fr' | 'en' = 'fr') => {
    kiosk.actor.send({ type: 'SESSION.START' });
    kiosk.actor.send({ type: 'LANGUAGE.CHOOSE', language });
    kiosk.actor.send({ type: 'CONSENT.ACCEPT' });
  };
  return { ...kiosk, recorded, lines, stop, visit };
}
