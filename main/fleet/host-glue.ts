import { spawn } from 'node:child_process';
import type { Actor } from 'xstate';
import { fail, ok, type Result } from '../../common/result';
import type { DeviceManager } from '../../devices/manager';
import type { Administration } from '../admin/administration';
import type { Logger } from '../log';
import type { sessionMachine } from '../session/machine';
import type { SessionState } from '../session/snapshot';
import type { KioskShell } from '../shells/shell';
import type { WatchdogEvent } from '../watchdog/watchdog';
import type { FleetHostControls, KioskFacts, VisitState } from './host-controls';

export interface HostParts {
  session: Actor<typeof sessionMachine>;
  devices: DeviceManager;
  admin: Administration;
  shell: KioskShell;
  /** Maintenance on or off as the host's own command does it (journaled as from the fleet). */
  setMaintenance(on: boolean): void;
  /** Stops the host and starts it again in this process (runHost's loop), taking the fleet profile if there is one. */
  restart(): void;
  log: Logger;
  /** The machine's reboot, as a command line; BORNE_REBOOT_COMMAND, else `systemctl reboot`. */
  rebootCommand?: readonly string[];
}

const HOUR_MS = 3_600_000;
const WIPE_DEADLINE_MS = 60_000;

/** The visit state the fleet sees: where the machine is, never what the visitor does. */
export function visitStateOf(state: SessionState): VisitState {
  if (state.matches('attract')) return 'attract';
  if (state.matches('wipe')) return 'wiping';
  if (state.matches('outOfService')) return 'blocked';
  if (state.matches('maintenance')) return 'maintenance';
  if (state.matches('admin')) return 'admin';
  return 'visit';
}

const noVisitOn = (state: SessionState) => visitStateOf(state) !== 'visit' && visitStateOf(state) !== 'wiping';

/**
 * The host's FleetHostControls: thin glue onto the session, the devices, the administration and the
 * shell. What may disturb a visit (a restart, a reboot, a new profile) waits until none is on.
 */
export function hostControls(parts: HostParts): FleetHostControls & { watchdogSaid(event: WatchdogEvent): void; betweenVisits(what: string, act: () => Promise<Result<void>>): Promise<Result<void>> } {
  const { session, devices, admin, shell, log } = parts;
  const pageFailures: number[] = [];
  let lastError: KioskFacts['lastError'] = null;
  const noted = (message: string) => (lastError = { message, at: new Date().toISOString() });
  let wipeFailure: string | null = null;
  session.subscribe((state) => {
    if (state.context.wipeFailure && state.context.wipeFailure !== wipeFailure) noted(`the end-of-visit wipe failed: ${state.context.wipeFailure}`);
    wipeFailure = state.context.wipeFailure;
  });

  /** Runs `act` now when no visit is on and answers how it went, else runs it once the visit is over and answers ok. */
  const betweenVisits = async (what: string, act: () => Promise<Result<void>>): Promise<Result<void>> => {
    if (noVisitOn(session.getSnapshot())) return act();
    log.info({ what }, 'fleet: waiting for the visit under way to end');
    const watch = session.subscribe((state) => {
      if (!noVisitOn(state)) return;
      watch.unsubscribe();
      void act().then((done) => { if (!done.ok) log.error({ what, reason: done.error }, 'fleet: could not do it after the visit'); });
    });
    return ok(undefined);
  };
  // Deferred a turn, so the command's result is in the outbox before the host stops.
  const restart = async () => {
    setImmediate(parts.restart);
    return ok(undefined);
  };

  return {
    betweenVisits,
    watchdogSaid(event) {
      pageFailures.push(Date.now());
      noted(event.type === 'WATCHDOG.GAVE_UP' ? 'the kiosk page keeps failing: out of service' : 'the kiosk page failed and was reloaded');
    },
    facts() {
      const state = session.getSnapshot();
      const hourAgo = Date.now() - HOUR_MS;
      while (pageFailures.length > 0 && pageFailures[0]! < hourAgo) pageFailures.shift();
      return { visit: visitStateOf(state), devices: devices.health(), wipeFailed: state.context.wipeFailure !== null, restartsLastHour: pageFailures.length, lastError };
    },
    onChange(listener) {
      let last = '';
      const subscription = session.subscribe((state) => {
        const key = JSON.stringify([visitStateOf(state), state.context.wipeFailure, state.context.deviceHealth]);
        if (key !== last) listener();
        last = key;
      });
      return () => subscription.unsubscribe();
    },
    restartApp: () => betweenVisits('restart', restart),
    applyProfile: () => betweenVisits('new configuration', restart),
    reboot: () => betweenVisits('reboot', () => reboot(parts.rebootCommand ?? rebootCommandFromEnv(), log)),
    async maintenance(on) {
      parts.setMaintenance(on);
      return ok(undefined);
    },
    wipeNow: () => wipeNow(session),
    async screenshot() {
      if (!noVisitOn(session.getSnapshot())) return fail('a visit is on: its screen is the citizen\'s; try again between visits');
      if (!shell.capture) return fail(`the ${shell.name} shell cannot take a screenshot`);
      return ok(await shell.capture());
    },
    async collectLogs() {
      // Only what is already non-personal: the host's facts and the administrator journal (acts, never PINs).
      const audit = admin.journal.since(0).slice(-200).map((entry) => ({ at: entry.at, event: entry.event }));
      return ok(Buffer.from(JSON.stringify({ facts: this.facts(), adminAudit: audit }, null, 2)));
    },
  };
}

function wipeNow(session: Actor<typeof sessionMachine>): Promise<Result<void>> {
  const now = session.getSnapshot();
  if (now.matches('maintenance')) return Promise.resolve(ok(undefined)); // entered through a wipe; nothing since
  if (!now.can({ type: 'FLEET.WIPE' })) return Promise.resolve(fail(`not now: the kiosk is in ${visitStateOf(now)}`));
  return new Promise((resolve) => {
    const deadline = setTimeout(() => done(fail('the wipe did not finish within a minute')), WIPE_DEADLINE_MS);
    let seenWipe = false;
    const done = (result: Result<void>) => {
      clearTimeout(deadline);
      watch.unsubscribe();
      resolve(result);
    };
    const watch = session.subscribe((state) => {
      if (state.matches('wipe')) seenWipe = true;
      else if (seenWipe && state.matches('outOfService')) done(fail(`the wipe failed: ${state.context.wipeFailure ?? 'no reason given'}`));
      else if (seenWipe) done(ok(undefined));
    });
    session.send({ type: 'FLEET.WIPE' });
  });
}

function rebootCommandFromEnv(): string[] {
  const configured = process.env.BORNE_REBOOT_COMMAND?.trim();
  return configured ? configured.split(/\s+/) : ['systemctl', 'reboot'];
}

/** Runs the reboot command; answers once it has exited (systemctl returns once the reboot is queued). */
function reboot(command: readonly string[], log: Logger): Promise<Result<void>> {
  log.warn({ command: command.join(' ') }, 'rebooting the machine, as the fleet asked');
  return new Promise((resolve) => {
    const child = spawn(command[0]!, command.slice(1), { stdio: 'ignore' });
    child.on('error', (error) => resolve(fail(`the reboot command could not run: ${error.message}`)));
    child.on('exit', (code, signal) => resolve(code === 0 ? ok(undefined) : fail(`the reboot command failed (${signal ?? `exit code ${code}`})`)));
  });
}
