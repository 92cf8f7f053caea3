import path from 'node:path';
import type { Actor } from 'xstate';
import type { Profile } from '../../kiosk-config/schema';
import type { Logger } from '../log';
import type { sessionMachine } from '../session/machine';
import { recordUsage } from './usage-recorder';
import { UsageStore } from './usage-store';

/** The store's file in the kiosk's state folder (main/app-paths.ts). */
export const usageFile = (stateDir: string) => path.join(stateDir, 'usage.sqlite');

export interface RunningUsage {
  /** The store the fleet agent drains, or null when usage events are off (by the profile, or after a failure). */
  readonly store: UsageStore | null;
  /** Stops recording and closes the store. Safe to call twice. */
  stop(): void;
}

const USAGE_OFF: RunningUsage = { store: null, stop: () => {} };

/**
 * The host's one call: opens the usage store in the state folder and records the session's usage
 * into it. A store that cannot be opened (a corrupt or unwritable file) or fails later is logged
 * once, and the kiosk serves on without usage events.
 */
export function startUsage(session: Actor<typeof sessionMachine>, settings: Profile['usage'], stateDir: string, log: Logger): RunningUsage {
  if (!settings.enabled) {
    log.info('usage events are off, as the profile asks');
    return USAGE_OFF;
  }
  const file = usageFile(stateDir);
  let store: UsageStore | null;
  try {
    store = UsageStore.open(file, { maxRows: settings.maxRows, maxAgeDays: settings.maxAgeDays });
  } catch (error) {
    log.error({ err: error, file }, 'usage events are off: the usage store could not be opened; the kiosk serves on without them');
    return USAGE_OFF;
  }
  const close = () => {
    try {
      store?.close();
    } catch { /* already unusable: nothing more to release */ }
    store = null;
  };
  const stopRecording = recordUsage(session, store, { log, onFailure: close });
  return {
    get store() { return store; },
    stop: () => { stopRecording(); close(); },
  };
}
