import { badgeToHand } from './assist/badge-hand';
import { sendCardsToSession } from './session/card-reading';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createActor } from 'xstate';
import { loadProfile, resolveProfilePath } from '../kiosk-config/load';
import { loadOfferedCatalog, type OfferedCatalog } from '../kiosk-config/offered-catalog';
import type { Profile } from '../kiosk-config/schema';
import { DeviceManager } from '../devices/manager';
import { openDeviceControl } from './device-control';
import { DisposableStore } from '../common/disposables';
import { fail, ok, type Result } from '../common/result';
import { chromiumLockdown } from './lockdown/chromium-lockdown';
import { siteStart } from '../common/lockdown-config';
import { checkInstalledPolicies, policyDir } from './lockdown/installed-policies';
import { appPaths } from './app-paths';
import { BridgeHub } from './bridge/hub';
import { parseHostOptions, type HostOptions } from './host-options';
import { createLogger, flushLogSummaries, type Logger } from './log';
import { sessionMachine, type SessionSettings } from './session/machine';
import { siteOpeningRule, siteSignalsTo } from './session/site-wiring';
import { toSessionSnapshot, type SessionState } from './session/snapshot';
import { decideTestAutomation, TEST_AUTOMATION_WARNING } from './test-automation';
import { measurementFlowThrough, printMemoThrough } from './session/device-commands';
import { wipeSessionThrough } from './session/wipe';
import { printQueueWipeStep } from './session/print-queue-wipe';
import type { KioskShell } from './shells/shell';
import type { SiteBarState } from './shells/site-bar/bar-script';
import type { RendererEvent } from '../common/bridge';
import { Watchdog } from './watchdog/watchdog';
import { Administration } from './admin/administration';
import { routeViewEvents } from './bridge/view-events';
import { HostCommandSchema } from '../common/host-commands';
import { issueLines } from '../common/issues';
import { startUsage } from './usage/start-usage';
import { errorMessage } from '../common/error-message';
import { espeakSpeaker } from './speech/espeak-speaker';
import { speechRoute } from './speech/speech-route';
import { startAssistedMode, type AssistedMode } from './assist/assisted-mode';
import { readingTimeoutsOf } from '../common/device-config';
import { hostControls } from './fleet/host-glue';
import { profileToRun } from './fleet/fleet-profile';
import { startFleet } from './fleet/start-fleet';

/** Why a running host asks to be stopped: an administrator chose to restart it, or to leave to the desktop. */
export type HostEnd = 'restart' | 'exit';

export interface RunningHost {
  hub: BridgeHub;
  /**
   * Commands from the host's own side (the fleet agent, later): parsed with HostCommandSchema, answered
   * with a result, never thrown. `{ type: 'maintenance', on }` turns maintenance mode on or off.
   */
  command(command: unknown): Result<void>;
  /** Resolves when an administrator asks, from the panel, to restart the kiosk or to exit to the desktop. */
  ended: Promise<HostEnd>;
  /** Stops the shell, the devices and the session, in that order. Safe to call twice. */
  stop(): Promise<void>;
}

const settingsFrom = (profile: Profile, catalog: OfferedCatalog, testAutomation: boolean): SessionSettings => ({
  offeredLanguages: profile.languages.offered,
  defaultLanguage: profile.languages.default,
  ...profile.session,
  siteTiles: profile.lockdown.allow.flatMap((rule) => (rule.label ? [{ label: rule.label, url: siteStart(rule), call: rule.call ?? null }] : [])),
  procedures: catalog.procedures,
  cards: profile.cards,
  testAutomation,
  admin: profile.admin ? { panelIdleSeconds: profile.admin.panelIdleSeconds, allowExitToDesktop: profile.admin.allowExitToDesktop } : null,
  assisted: profile.assist !== undefined,
  readingTimeoutSeconds: readingTimeoutsOf(profile.devices),
});

/**
 * The composition root: loads the profile, builds the session machine, the device manager and the
 * bridge, then opens the given shell. Everything is wired here and nowhere else. Throws an error
 * whose message says what a technician should fix when it cannot start.
 */
export async function startHost(options: HostOptions, shell: KioskShell, log: Logger): Promise<RunningHost> {
  const paths = appPaths();
  const profileFile = await profileToRun(resolveProfilePath(options.profile, paths.profilesDir), paths.stateDir, paths.catalogDir, log.child({ layer: 'fleet' }));
  const loaded = await loadProfile(profileFile);
  if (!loaded.ok) throw new Error(`the profile is invalid:\n${loaded.error}`);
  const profile = loaded.value;
  const testAutomation = decideTestAutomation(options.testCdpPort, profile, profileFile);
  if (!testAutomation.ok) throw new Error(testAutomation.error);
  const catalog = await loadOfferedCatalog(profile, profileFile, paths.catalogDir);
  if (!catalog.ok) throw new Error(`the procedure catalog is invalid:\n${catalog.error}`);
  const lockdown = await checkLockdown(profile, catalog.value, profileFile, shell);
  if (!lockdown.ok) throw new Error(lockdown.error);
  if (!existsSync(path.join(paths.rendererDir, 'index.html'))) {
    throw new Error(`the renderer is not built (${paths.rendererDir}): run npm run build`);
  }
  log.info({ profile: profileFile, kiosk: profile.kiosk.id, purpose: profile.kiosk.purpose }, 'profile loaded');
  log.info({ catalog: catalog.value.dir, procedures: catalog.value.procedures.length }, 'procedure catalog loaded');
  if (testAutomation.value) log.warn({ testCdpPort: options.testCdpPort, purpose: profile.kiosk.purpose }, TEST_AUTOMATION_WARNING);

  // The wipe proves the visit is gone from the very state whose snapshot the views were last sent.
  let published: SessionState | undefined;
  const admin = await Administration.open(profile.admin, paths.stateDir, log.child({ layer: 'admin' }));
  let endHost: (end: HostEnd) => void = () => {};
  const ended = new Promise<HostEnd>((resolve) => (endHost = resolve));
  const devices = new DeviceManager(profile.devices, log.child({ layer: 'devices' }));
  const session = createActor(
    sessionMachine.provide({
      actors: {
        wipeSession: wipeSessionThrough(shell, log, () => published, [printQueueWipeStep(devices)]),
        measurementFlow: measurementFlowThrough(devices),
        printMemo: printMemoThrough(devices),
        ...admin.actors(),
      },
      actions: {
        cancelDevice: (_, kind) => void devices.command(kind, 'cancel'),
        adminAction: (_, action) => {
          admin.record(action, 'panel');
          if (action === 'restart') endHost('restart');
          if (action === 'exit-to-desktop') endHost('exit');
        },
        showSite: (_, site) => void shell.showSite?.(site).catch((error: unknown) => {
          log.error({ err: error }, 'could not show the site');
          session.send({ type: 'SITE.UNREACHABLE' });
        }),
        leaveSite: () => void shell.leaveSite?.().catch((error: unknown) => log.error({ err: error }, 'could not bring the kiosk page back from the site')),
      },
    }),
    { input: { settings: settingsFrom(profile, catalog.value, testAutomation.value) } },
  );
  const speaker = espeakSpeaker();
  const siteMayOpen = siteOpeningRule(profile.lockdown, shell);
  let assist: AssistedMode | null = null;
  /** While an agent has the hand, the citizen's touches do not drive the visit (main/assist/hand.ts). */
  const citizenMay = (event: RendererEvent): boolean => {
    if (!assist || assist.citizenMaySend(event)) return true;
    log.debug({ event: event.type }, 'dropped: an agent has the hand');
    return false;
  };
  const hub = new BridgeHub(routeViewEvents({
    beat: () => watchdog.beat(),
    send: (event) => {
      if (citizenMay(event)) session.send(event);
    },
    siteMayOpen,
    admitAdmin: (event) => admin.admit(event, (e) => session.getSnapshot().can(e)),
    speech: speechRoute(speaker, () => session.getSnapshot().context.language, log.child({ layer: 'speech' })),
    log,
  }), log);
  const { hangTimeoutSeconds, maxFailures, failureWindowSeconds } = profile.watchdog;
  const watchdog = new Watchdog({
    settings: { hangTimeoutMs: hangTimeoutSeconds * 1000, maxFailures, failureWindowMs: failureWindowSeconds * 1000 },
    log: log.child({ layer: 'watchdog' }),
    // On an official site the kiosk page is away: the shell's look at the site stands in for its heartbeat.
    viewAttached: () => hub.viewCount > 0 || (shell.showingSite?.() ?? false),
    reloadHungView: shell.reloadHungView && (() => shell.reloadHungView!()),
    send: (event) => {
      fleetControls.watchdogSaid(event);
      session.send(event);
    },
  });
  /** Maintenance from the host's own side (the fleet): journaled, then the machine decides when. */
  const setMaintenance = (on: boolean) => {
    admin.record(on ? 'maintenance-on' : 'maintenance-off', 'fleet');
    session.send({ type: on ? 'MAINTENANCE.ENTER' : 'MAINTENANCE.LEAVE' });
  };
  const fleetControls = hostControls({ session, devices, admin, shell, setMaintenance, restart: () => endHost('restart'), log: log.child({ layer: 'fleet' }) });
  let lastScreen = '';
  let lastSiteBar = '';
  session.subscribe((state) => {
    const snapshot = toSessionSnapshot(state);
    // On a site the kiosk page is away: the shell draws the inactivity countdown and the hand in Borne's bar.
    const siteBar: SiteBarState = snapshot.site
      ? { secondsLeft: snapshot.idleWarning?.secondsLeft ?? null, hand: snapshot.assist }
      : { secondsLeft: null, hand: null };
    if (JSON.stringify(siteBar) !== lastSiteBar) {
      lastSiteBar = JSON.stringify(siteBar);
      shell.updateSiteBar?.(siteBar);
    }
    if (snapshot.screen !== lastScreen) log.info({ screen: (lastScreen = snapshot.screen) }, 'screen');
    // Nothing of the visit is still being said once it is being wiped.
    if (snapshot.screen === 'wipe') speaker.stop();
    published = state;
    hub.publish(snapshot);
  });
  session.start();
  if (admin.maintenanceWasOn) {
    log.warn('maintenance mode is on, as an administrator left it before the restart');
    session.send({ type: 'MAINTENANCE.ENTER' });
  }
  // Undone newest first: the shell, then the devices, then the session.
  const running = new DisposableStore();
  running.add(() => void session.stop());
  running.add(() => speaker.stop());
  const usage = startUsage(session, profile.usage, paths.stateDir, log.child({ layer: 'usage' }));
  running.add(() => usage.stop());
  if (profile.assist) {
    const started = await startAssistedMode({ config: profile.assist, session, siteMayOpen, rendererDir: paths.rendererDir,
      stateDir: paths.stateDir, log: log.child({ layer: 'assist' }) }).catch((error: unknown) => {
      // The citizen is served all the same; only the agent page is missing (a port taken, most likely).
      log.error({ err: error }, 'assisted mode could not start; the kiosk serves without an agent page');
      return null;
    });
    if (started) running.add(() => started.stop());
    assist = started;
  }

  devices.on('status', (kind, status) => session.send({ type: 'DEVICE.STATUS_CHANGED', kind, status }));
  devices.on('health', (health) => session.send({ type: 'DEVICE.HEALTH_CHANGED', health }));
  devices.on('measurement', (measurement) => session.send({ type: 'DEVICE.MEASURED', measurement }));
  running.add(sendCardsToSession(devices, (event) => session.send(event)));
  devices.on('badge', (scan) => void badgeToHand(assist, scan.id, log));
  running.add(() => devices.stop());
  await devices.start();
  running.add(await openDeviceControl(devices, () => session.getSnapshot().matches('visit'), log.child({ layer: 'device-control' })));

  running.add(() => shell.stop());
  try {
    await shell.start({ hub, rendererDir: paths.rendererDir, log: log.child({ shell: shell.name }),
      testCdpPort: options.testCdpPort, lockdown: profile.lockdown, onViewCrashed: () => watchdog.viewFailed('crashed'),
      onSiteSignal: siteSignalsTo((event) => session.send(event), citizenMay), onSitePainted: () => watchdog.beat() });
  } catch (error) {
    await running.dispose();
    throw error;
  }
  watchdog.start();
  running.add(() => watchdog.stop());
  running.add(startFleet({
    fleet: options.fleet, enrol: options.enrol, name: profile.kiosk.id, appRoot: paths.root, stateDir: paths.stateDir,
    catalogDir: paths.catalogDir, controls: fleetControls, sources: { usage: () => usage.store, audit: admin.journal },
    outboxMaxRows: profile.usage.maxRows + OUTBOX_ROOM_BEYOND_USAGE, log: log.child({ layer: 'fleet' }),
    onApproved: async (enrolment) => shell.watchSoftwareUpdates?.(
      { url: `${enrolment.fleetUrl.replace(/\/$/, '')}/api/kiosk/updates/`, credential: enrolment.credential },
      (install) => void fleetControls.betweenVisits('software update', async () => { install(); return ok(undefined); }),
      log.child({ layer: 'updates' }),
    ),
  }));
  log.info({ shell: shell.name }, 'kiosk ready');

  let stopping: Promise<void> | undefined;
  return {
    hub,
    ended,
    command: (raw) => {
      const parsed = HostCommandSchema.safeParse(raw);
      if (!parsed.success) return fail(`invalid host command: ${issueLines(parsed.error.issues).join('; ')}`);
      setMaintenance(parsed.data.on);
      return ok(undefined);
    },
    stop: () => (stopping ??= (async () => {
      for (const error of await running.dispose()) log.error({ err: error }, 'a part of the kiosk did not stop cleanly');
      flushLogSummaries(log); // the pending "repeated N more times" lines, before the process exits
      log.info('kiosk stopped');
    })()),
  };
}

/**
 * A kiosk in public service runs Chromium only under its managed policies: without them a visitor can
 * open the file chooser (Ctrl+O) or a bare browser. Demo and test kiosks run without, as a developer's.
 */
async function checkLockdown(profile: Profile, catalog: OfferedCatalog, profileFile: string, shell: KioskShell): Promise<Result<void>> {
  if (shell.name !== 'chromium' || profile.kiosk.purpose !== 'production') return ok(undefined);
  const installed = await checkInstalledPolicies(chromiumLockdown(profile, catalog.procedures).managed, policyDir());
  if (installed.ok) return installed;
  return fail(`Chromium's managed policies for this profile are not in place (${installed.error}): `
    + `run sudo npm run install-policies -- --profile ${profileFile}`);
}

/** Audit lines and command results the fleet outbox keeps besides as many usage records as the usage store. */
const OUTBOX_ROOM_BEYOND_USAGE = 10_000;

/** systemd waits 90 s before SIGKILL by default; a kiosk has no reason to take more than a few. */
const SHUTDOWN_DEADLINE_MS = 6_000;

/**
 * Runs the kiosk until SIGTERM, SIGINT or an administrator's "exit to the desktop", then shuts
 * everything down (exit code 0); an administrator's "restart" stops and starts it again in this process.
 * Start-up problems end the process with a readable message and exit code 1; bad options with exit code 2.
 */
export async function runHost(options: { argv: readonly string[]; newShell: () => KioskShell; log?: Logger }): Promise<void> {
  const log = options.log ?? createLogger();
  const parsed = parseHostOptions(options.argv);
  if (!parsed.ok) {
    process.stderr.write(`${parsed.error}\n`);
    process.exitCode = 2;
    return;
  }
  const first = await startOrReport(parsed.value, options.newShell, log);
  if (!first) return;
  let host: RunningHost = first;
  const shutDown = (signal: NodeJS.Signals | 'exit-to-desktop') => {
    log.info({ signal }, 'shutting down');
    // Whatever the load or a hung browser, the kiosk stops when asked: its supervisor restarts it, and
    // a browser left behind exits on its own when its DevTools pipe closes with this process.
    setTimeout(() => {
      log.fatal({ deadlineMs: SHUTDOWN_DEADLINE_MS }, 'shutdown took too long; exiting anyway');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    host.stop().then(
      () => process.exit(0),
      (error: unknown) => { log.error({ err: error }, 'shutdown failed'); process.exit(1); },
    );
  };
  process.once('SIGTERM', shutDown);
  process.once('SIGINT', shutDown);
  // The administrator's restart runs here, in the same process, so it works under `npm start` as under
  // systemd: the host stops (shell, devices, session), then starts afresh from the profile.
  for (;;) {
    const end = await host.ended;
    if (end === 'exit') return shutDown('exit-to-desktop');
    log.info('restarting the kiosk, as an administrator asked');
    await host.stop();
    const next = await startOrReport(parsed.value, options.newShell, log);
    if (!next) return process.exit(1);
    host = next;
  }
}

/** Starts the host on a fresh shell, or says why it cannot (exit code 1) and resolves with null. */
async function startOrReport(options: HostOptions, newShell: () => KioskShell, log: Logger): Promise<RunningHost | null> {
  const shell = newShell();
  try {
    return await startHost(options, shell, log);
  } catch (error) {
    // The sentence for the person at the console; the stack goes to the log.
    const message = errorMessage(error);
    flushLogSummaries(log);
    log.fatal({ err: error }, 'the kiosk could not start');
    process.stderr.write(`Borne could not start: ${message}\n`);
    await shell.stop().catch(() => undefined);
    process.exitCode = 1;
    return null;
  }
}
