import type { Actor } from 'xstate';
import { DURATION_STEP_SECONDS, type UsageEvent } from '../../common/usage-events';
import type { Logger } from '../log';
import type { sessionMachine } from '../session/machine';
import type { SessionState } from '../session/snapshot';
import { visitMoments, type VisitMoment } from './visit-usage';

/** Where usage events go (the store); it throws when it cannot take one. */
export interface UsageSink {
  append(event: UsageEvent): void;
  /** Called once a visit has ended, when a few milliseconds on disk keep nobody waiting. */
  checkpoint?(): void;
}

export interface UsageRecorderOptions {
  log: Logger;
  /** The session's clock, for visit durations: the simulated one in tests. */
  now?: () => number;
  /** Called once, after the sink failed and recording stopped: the host closes the store. */
  onFailure?: () => void;
}

/**
 * Watches the session machine's transitions and writes the usage events they hold to `sink`. A usage
 * count never costs a visit: the first failure (the sink's or the recorder's own) is logged once,
 * recording stops, and the kiosk serves on without usage events. Returns the function that stops it.
 */
export function recordUsage(session: Actor<typeof sessionMachine>, sink: UsageSink, options: UsageRecorderOptions): () => void {
  const now = options.now ?? Date.now;
  let before: SessionState = session.getSnapshot();
  let visitStartedAt = 0;
  let stopped = false;
  function stop() {
    stopped = true;
    inspection.unsubscribe();
  }

  const complete = (moment: VisitMoment): UsageEvent => {
    if (moment.type === 'visit-started') visitStartedAt = now();
    if (moment.type !== 'visit-ended') return moment;
    const seconds = Math.max(0, (now() - visitStartedAt) / 1000);
    visitStartedAt = 0; // the visit's time of day is kept no longer than the visit
    return { ...moment, durationSeconds: Math.round(seconds / DURATION_STEP_SECONDS) * DURATION_STEP_SECONDS };
  };

  // The inspection stream, not subscribe(): it names the event behind each snapshot, which says how a visit ended.
  const inspection = session.system.inspect((inspected) => {
    if (stopped || inspected.type !== '@xstate.snapshot' || inspected.actorRef !== session) return;
    const after = inspected.snapshot as SessionState;
    try {
      for (const moment of visitMoments(before, inspected.event, after)) {
        sink.append(complete(moment));
        if (moment.type === 'visit-ended') sink.checkpoint?.();
      }
    } catch (error) {
      stop();
      options.log.error({ err: error }, 'usage events are off: they could not be recorded; the kiosk serves on without them');
      options.onFailure?.();
    } finally {
      before = after;
    }
  });
  return stop;
}
