import { createActor, SimulatedClock } from 'xstate';
import { sessionMachine, type SessionSettings } from '../../../../main/session/machine';
import { toSessionSnapshot, type SessionState } from '../../../../main/session/snapshot';
import { wipeSessionThrough } from '../../../../main/session/wipe';
import type { BrowsingWipeReport, KioskShell } from '../../../../main/shells/shell';
import { captureLog } from '../../../support/capture-log';

/** French by default, English offered; timers short enough to count by hand. */
export const settings: SessionSettings = {
  offeredLanguages: ['fr', 'en'],
  defaultLanguage: 'fr',
  idleTimeoutSeconds: 60,
  idleWarningSeconds: 10,
  endScreenSeconds: 5,
  wipeRetrySeconds: 30,
  testAutomation: false,
};

/** Runs a session machine (with its implementations provided) on a simulated clock. */
export function startSimulatedKiosk(machine: typeof sessionMachine, overrides: Partial<SessionSettings> = {}) {
  const clock = new SimulatedClock();
  const actor = createActor(machine, { input: { settings: { ...settings, ...overrides } }, clock }).start();
  const view = () => toSessionSnapshot(actor.getSnapshot());
  // Lets the wipe actor's promise settle.
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  // One second at a time, as real time passes: timers set while the clock jumps start at the jump's end.
  const seconds = (n: number) => { for (let i = 0; i < n; i++) clock.increment(1000); };
  return { actor, view, seconds, settle };
}

const shellReporting = (report: BrowsingWipeReport): KioskShell => ({
  name: 'chromium',
  start: async () => {},
  stop: async () => {},
  wipeBrowsingData: async () => report,
});
export const nothingLeft: BrowsingWipeReport = { cleared: ['cookies'], leftovers: [] };

/**
 * A kiosk whose wipe is the host's own, wired as the host wires it: the proof reads the state whose
 * snapshot the views were last sent.
 */
export function startWipingKiosk({ browsing = nothingLeft, machine = sessionMachine } = {}) {
  const { log, lines } = captureLog();
  let published: SessionState | undefined;
  const wiping = machine.provide({ actors: { wipeSession: wipeSessionThrough(shellReporting(browsing), log, () => published) } });
  const kiosk = startSimulatedKiosk(wiping);
  kiosk.actor.subscribe((state) => { published = state; });
  return { ...kiosk, lines, failure: () => kiosk.actor.getSnapshot().context.wipeFailure };
}
