import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Disposer } from '../../common/disposables';
import { errorMessage } from '../../common/error-message';
import type { Result } from '../../common/result';
import { fail, ok } from '../../common/result';
import type { Logger } from '../log';
import { FleetAgent } from './agent';
import { fleetProfileVersion } from './desired-config';
import { enrolKiosk, waitForApproval } from './enrol-kiosk';
import { readEnrolment, tokenHash, type Enrolment } from './enrolment';
import { fleetFiles } from './fleet-files';
import type { FleetHostControls } from './host-controls';
import { Outbox } from './outbox';
import type { ReportSources } from './report-sources';

export interface FleetStart {
  /** From the command line: `--fleet <url>` and `--enrol <token>`. */
  fleet?: string;
  enrol?: string;
  /** The name the kiosk enrols under (the profile's kiosk id). */
  name: string;
  appRoot: string;
  stateDir: string;
  catalogDir: string;
  controls: FleetHostControls;
  sources: ReportSources;
  /** Outbox entries kept at most while offline. */
  outboxMaxRows: number;
  /** Once the fleet has approved the kiosk: what else follows the fleet (software updates); answers what stops it. */
  onApproved?(enrolment: Enrolment): Promise<Disposer | undefined>;
  log: Logger;
}

/**
 * The host's one call: enrols when asked to, waits for approval, then runs the agent, all in the
 * background so that the kiosk serves at once. A kiosk never enrolled runs without a fleet; any fleet
 * failure is logged and the kiosk serves on. Answers what stops it all.
 */
export function startFleet(start: FleetStart): Disposer {
  const stopping = new AbortController();
  let agent: FleetAgent | null = null;
  let outbox: Outbox | null = null;
  let stopApproved: Disposer | undefined;
  const run = async () => {
    const enrolment = await enrolmentFor(start);
    if (!enrolment.ok) return start.log.error({ reason: enrolment.error }, 'the kiosk serves without its fleet');
    if (!enrolment.value) return start.log.info('no fleet: this kiosk is not enrolled (npm start -- --fleet <url> --enrol <token>)');
    const approved = await waitForApproval(enrolment.value, { stateDir: start.stateDir, log: start.log, signal: stopping.signal });
    if (stopping.signal.aborted) return;
    if (!approved.ok) return start.log.error({ reason: approved.error }, 'the kiosk serves without its fleet');
    outbox = Outbox.open(fleetFiles(start.stateDir).outbox, { maxRows: start.outboxMaxRows });
    agent = new FleetAgent({
      enrolment: approved.value,
      controls: start.controls,
      outbox,
      sources: start.sources,
      stateDir: start.stateDir,
      catalogDir: start.catalogDir,
      softwareVersion: softwareVersion(start.appRoot),
      configVersion: await fleetProfileVersion(start.stateDir),
      startedAt: Date.now() - Math.round(process.uptime() * 1000),
      log: start.log,
    });
    stopApproved = await start.onApproved?.(approved.value);
  };
  const running = run().catch((error: unknown) => start.log.error({ reason: errorMessage(error) }, 'the fleet agent failed to start; the kiosk serves without it'));
  return async () => {
    stopping.abort();
    await running;
    await stopApproved?.();
    await agent?.stop();
    outbox?.close();
  };
}

/** The stored enrolment, made first when `--enrol` brings a token this kiosk has not used yet. */
async function enrolmentFor(start: FleetStart): Promise<Result<Enrolment | null>> {
  const stored = await readEnrolment(start.stateDir);
  if (!stored.ok) return stored;
  const current = stored.value;
  if (start.enrol && start.fleet && (current?.fleetUrl !== start.fleet || current.tokenHash !== tokenHash(start.enrol))) {
    start.log.info({ fleet: start.fleet }, 'enrolling with the fleet');
    const enrolled = await enrolKiosk({ stateDir: start.stateDir, fleetUrl: start.fleet, token: start.enrol, name: start.name });
    if (enrolled.ok) start.log.info({ fleet: start.fleet, kioskId: enrolled.value.kioskId }, 'enrolled; an administrator approves the kiosk in the console');
    return enrolled;
  }
  if (current && start.fleet && current.fleetUrl !== start.fleet) {
    return fail(`this kiosk is enrolled with ${current.fleetUrl}, not ${start.fleet}: add --enrol <token> to enrol with ${start.fleet}`);
  }
  if (!current && start.fleet) return fail(`this kiosk is not enrolled with ${start.fleet}: add --enrol <token>`);
  return ok(current);
}

function softwareVersion(appRoot: string): string {
  try {
    return String(JSON.parse(readFileSync(path.join(appRoot, 'package.json'), 'utf8')).version ?? 'unknown');
  } catch {
    return 'unknown';
  }
}
