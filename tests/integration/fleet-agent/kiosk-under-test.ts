import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FleetCommand } from '../../../common/fleet-messages';
import { ok } from '../../../common/result';
import { FleetAgent } from '../../../main/fleet/agent';
import { fleetProfileVersion } from '../../../main/fleet/desired-config';
import { tokenHash, type Enrolment } from '../../../main/fleet/enrolment';
import { fleetFiles } from '../../../main/fleet/fleet-files';
import type { FleetHostControls, KioskFacts } from '../../../main/fleet/host-controls';
import { Outbox } from '../../../main/fleet/outbox';
import { createLogger } from '../../../main/log';
import { UsageStore } from '../../../main/usage/usage-store';
import { appPaths } from '../../../main/app-paths';

/** A PNG's signature and nothing more: what the fake shell "captures". */
export const SCREENSHOT = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * A kiosk's fleet side without the rest of the host: a state folder, a usage store to produce events
 * in, and a fake FleetHostControls that records what the agent asked. `restartAgent()` stops the
 * agent and opens a new one on the same files, as a host restart does.
 */
export class KioskUnderTest {
  readonly stateDir = mkdtempSync(path.join(tmpdir(), 'borne-fleet-agent-'));
  readonly kioskId: string;
  private readonly credential: string;
  readonly asked: string[] = [];
  readonly usage: UsageStore;
  facts: KioskFacts = {
    visit: 'attract',
    devices: [{ id: 'receipt', kind: 'receiptPrinter', state: 'degraded', lastError: { message: 'paper near its end', at: '2026-12-07T09:00:00.000Z' },
      malformedFrames: 0, refusedReadings: 0, printer: { paper: 'near-end', cover: 'closed' } }],
    wipeFailed: false,
    restartsLastHour: 0,
    lastError: null,
  };
  agent: FleetAgent | null = null;
  private outbox: Outbox | null = null;

  /** `identity`: the id and credential a real fleet server gave at enrolment; made up otherwise. */
  constructor(private readonly mqttUrl: string, private readonly fleetUrl = 'http://127.0.0.1:9', identity?: { kioskId: string; credential: string }) {
    this.kioskId = identity?.kioskId ?? randomUUID();
    this.credential = identity?.credential ?? 'kiosk-credential-0123456789';
    this.usage = UsageStore.open(path.join(this.stateDir, 'usage.sqlite'), { maxRows: 10_000, maxAgeDays: 30 });
  }

  get enrolment(): Enrolment {
    return { fleetUrl: this.fleetUrl, kioskId: this.kioskId, credential: this.credential, mqttUrl: this.mqttUrl, tokenHash: tokenHash('t') };
  }

  /** Starts the agent, reading the configuration version from the state folder as the host does. */
  async startAgent(): Promise<FleetAgent> {
    this.outbox = Outbox.open(fleetFiles(this.stateDir).outbox, { maxRows: 20_000 });
    this.agent = new FleetAgent({
      enrolment: this.enrolment,
      controls: this.controls(),
      outbox: this.outbox,
      sources: { usage: () => this.usage, audit: null },
      stateDir: this.stateDir,
      catalogDir: appPaths().catalogDir,
      softwareVersion: '9.9.9-test',
      configVersion: await fleetProfileVersion(this.stateDir),
      startedAt: Date.now(),
      log: createLogger({ level: 'silent' }),
      random: () => 0.01, // the delays are 1 % of their bound: the test does not wait minutes
      heartbeatMs: 200,
      resendAfterMs: 1_500,
    });
    return this.agent;
  }

  async stopAgent(): Promise<void> {
    await this.agent?.stop();
    this.outbox?.close();
    this.agent = null;
    this.outbox = null;
  }

  async restartAgent(): Promise<void> {
    await this.stopAgent();
    await this.startAgent();
  }

  /** Records N anonymous usage events; answers their ids (the idempotency keys). */
  produce(count: number): string[] {
    const before = new Set(this.usage.since(0, 100_000).map((stored) => stored.record.id));
    for (let i = 0; i < count; i++) this.usage.append({ type: 'visit-started' });
    return this.usage.since(0, 100_000).map((stored) => stored.record.id).filter((id) => !before.has(id));
  }

  command(name: FleetCommand['name'], expiresInMs = 60_000): FleetCommand {
    return { id: randomUUID(), name, expiresAt: new Date(Date.now() + expiresInMs).toISOString() };
  }

  async dispose(): Promise<void> {
    await this.stopAgent();
    this.usage.close();
    rmSync(this.stateDir, { recursive: true, force: true });
  }

  private controls(): FleetHostControls {
    const did = (what: string) => async () => {
      this.asked.push(what);
      return ok(undefined);
    };
    return {
      facts: () => this.facts,
      onChange: () => () => {},
      restartApp: did('restart-app'),
      reboot: did('reboot'),
      maintenance: async (on) => did(on ? 'maintenance-on' : 'maintenance-off')(),
      wipeNow: did('wipe-now'),
      applyProfile: did('apply-profile'),
      screenshot: async () => {
        this.asked.push('screenshot');
        return ok(SCREENSHOT);
      },
      collectLogs: async () => {
        this.asked.push('collect-logs');
        return ok(Buffer.from('{}'));
      },
    };
  }
}
