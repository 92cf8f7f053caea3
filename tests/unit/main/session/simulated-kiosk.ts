import { createActor, SimulatedClock } from 'xstate';
import type { DeviceCommand, DeviceKind } from '../../../../common/devices';
import { DEFAULT_READING_TIMEOUT_SECONDS } from '../../../../common/device-config';
import type { Measurement } from '../../../../common/measurements';
import { fail, ok, type Result } from '../../../../common/result';
import { measurementFlowThrough } from '../../../../main/session/device-commands';
import { sessionMachine, type SessionSettings } from '../../../../main/session/machine';
import { toSessionSnapshot, type SessionState } from '../../../../main/session/snapshot';
import { wipeSessionThrough, type WipeStep } from '../../../../main/session/wipe';
import type { BrowsingWipeReport, KioskShell } from '../../../../main/shells/shell';
import { captureLog } from '../../../support/capture-log';

/** French by default, English offered; timers short enough to count by hand. */
export const settings: SessionSettings = {
  offeredLanguages: ['fr', 'en'],
  defaultLanguage: 'fr',
  idleTimeoutSeconds: 60,
  idleTimeoutSecondsByScreen: {},
  idleWarningSeconds: 10,
  endScreenSeconds: 5,
  wipeRetrySeconds: 30,
  siteTiles: [],
  procedures: [],
  cards: {},
  testAutomation: false,
  admin: { panelIdleSeconds: 60, allowExitToDesktop: false },
  readingTimeoutSeconds: { ...DEFAULT_READING_TIMEOUT_SECONDS },
};

/** Stands in for the device manager: records every command and answers it, or fails arming with `armFailure`. */
export function fakeDevices(armFailure: string | null = null) {
  const commands: Array<[DeviceKind, DeviceCommand]> = [];
  return {
    commands,
    command: async (kind: DeviceKind, command: DeviceCommand): Promise<Result<void>> => {
      commands.push([kind, command]);
      return command === 'arm' && armFailure !== null ? fail(armFailure) : ok(undefined);
    },
  };
}

/** Runs a session machine (with its implementations provided) on a simulated clock, its devices answering as `devices` does. */
export function startSimulatedKiosk(machine: typeof sessionMachine, overrides: Partial<SessionSettings> = {}, devices = fakeDevices()) {
  const clock = new SimulatedClock();
  const withDevices = machine.provide({
    actors: { measurementFlow: measurementFlowThrough(devices) },
    actions: { cancelDevice: (_, kind) => void devices.command(kind, 'cancel') },
  });
  const actor = createActor(withDevices, { input: { settings: { ...settings, ...overrides } }, clock }).start();
  const view = () => toSessionSnapshot(actor.getSnapshot());
  // Lets the wipe actor's promise settle.
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  // One second at a time, as real time passes: timers set while the clock jumps start at the jump's end.
  const seconds = (n: number) => { for (let i = 0; i < n; i++) clock.increment(1000); };
  return { actor, view, seconds, settle, devices, clock };
}

/** From home: a ready device of `measurement.kind`, a measurement step, the reading, back home with it. */
export async function measure(kiosk: ReturnType<typeof startSimulatedKiosk>, measurement: Measurement): Promise<void> {
  kiosk.actor.send({ type: 'DEVICE.STATUS_CHANGED', kind: measurement.kind, status: { state: 'ready' } });
  kiosk.actor.send({ type: 'MEASURE.START', kind: measurement.kind });
  await kiosk.settle(); // the device is armed
  kiosk.actor.send({ type: 'DEVICE.MEASURED', measurement });
  kiosk.actor.send({ type: 'MEASURE.DONE' });
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
 * snapshot the views were last sent. `shell` may be a real one, whose wipe then really runs.
 */
export function startWipingKiosk({ browsing = nothingLeft, shell = shellReporting(browsing), machine = sessionMachine, steps = [] as WipeStep[] } = {}) {
  const { log, lines } = captureLog();
  let published: SessionState | undefined;
  const wiping = machine.provide({ actors: { wipeSession: wipeSessionThrough(shell, log, () => published, steps) } });
  const kiosk = startSimulatedKiosk(wiping);
  kiosk.actor.subscribe((state) => { published = state; });
  return { ...kiosk, lines, failure: () => kiosk.actor.getSnapshot().context.wipeFailure };
}
