import { randomUUID } from 'node:crypto';
import {
  DesiredConfigSchema, EVENTS_BATCH_MAX, EventsAckSchema, FLEET_MESSAGE_MAX_BYTES, FleetCommandSchema,
  type KioskTopicLeaf, type OutboxEntry, type ReportedConfig,
} from '../../common/fleet-messages';
import { errorMessage } from '../../common/error-message';
import type { Logger } from '../log';
import { BrokerLink } from './broker-link';
import { storeDesiredConfig } from './desired-config';
import type { Enrolment } from './enrolment';
import type { FleetHostControls } from './host-controls';
import type { Outbox } from './outbox';
import { collectReports, type ReportSources } from './report-sources';
import { expiredResult, runCommand } from './run-command';
import { kioskStatus } from './status';

export interface FleetAgentOptions {
  enrolment: Enrolment;
  controls: FleetHostControls;
  outbox: Outbox;
  sources: ReportSources;
  stateDir: string;
  /** The shipped procedure catalog, against which a desired profile's procedures are checked. */
  catalogDir: string;
  softwareVersion: string;
  /** The configuration version the host runs (desired-config.ts `fleetProfileVersion`). */
  configVersion: number;
  startedAt: number;
  log: Logger;
  now?: () => number;
  random?: () => number;
  /** How often the full status is sent when nothing changes, and the sources are collected. */
  heartbeatMs?: number;
  /** A batch not acknowledged after this long is sent again (the server may have missed it). */
  resendAfterMs?: number;
}

/**
 * The kiosk's fleet agent: reports the full status on every connection, on change and as a heartbeat;
 * sends the outbox in batches and deletes only what the server acknowledges; applies desired
 * configuration; runs commands once. Everything it does is logged, and nothing it meets (a broker
 * down, a bad message) stops the host.
 */
export class FleetAgent {
  private readonly link: BrokerLink;
  private readonly now: () => number;
  private configVersion: number;
  private lastReported: ReportedConfig;
  private inFlight: { keys: Set<string>; sentAt: number } | null = null;
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly stopWatching: () => void;
  private statusQueued = false;
  private stopped = false;

  constructor(private readonly options: FleetAgentOptions) {
    this.now = options.now ?? Date.now;
    this.configVersion = options.configVersion;
    this.lastReported = { version: options.configVersion };
    this.link = new BrokerLink({
      enrolment: options.enrolment,
      log: options.log,
      random: options.random,
      onConnect: () => this.connected(),
      onMessage: (leaf, payload) => this.received(leaf, payload),
    });
    this.stopWatching = options.controls.onChange(() => this.statusChanged());
    this.timers.push(setInterval(() => this.heartbeat(), options.heartbeatMs ?? 30_000).unref());
    this.collect();
  }

  /** Reports that are waiting for the server, for tests and the logs bundle. */
  get waiting(): number {
    return this.options.outbox.size;
  }

  /** Writes an entry to the outbox and sends it when the link allows. */
  report(entries: OutboxEntry[]): void {
    this.options.outbox.add(entries);
    this.sendNext();
  }

  /** Says goodbye (`{online: false}`, retained) when connected, then closes. Safe to call twice. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.timers.forEach(clearInterval);
    this.stopWatching();
    this.link.publish('status', { online: false }, true);
    await this.link.stop();
  }

  private connected(): void {
    this.inFlight = null; // whatever was in flight before is resent: the server drops keys it has
    void this.publishStatus();
    this.link.publish('config/reported', this.lastReported, true);
    this.sendNext();
  }

  private received(leaf: KioskTopicLeaf, payload: Buffer): void {
    try {
      this.route(leaf, payload);
    } catch (error) {
      // A full disk or a damaged outbox: said, and the message is left to the broker's next delivery.
      this.options.log.error({ topic: leaf, reason: errorMessage(error) }, 'could not handle a fleet message');
    }
  }

  private route(leaf: KioskTopicLeaf, payload: Buffer): void {
    let json: unknown;
    try {
      json = JSON.parse(payload.toString('utf8'));
    } catch {
      return this.options.log.warn({ topic: leaf }, 'dropped a fleet message that is not JSON');
    }
    const failed = (error: unknown) => this.options.log.error({ topic: leaf, reason: errorMessage(error) }, 'could not handle a fleet message');
    if (leaf === 'events/ack') this.acknowledged(json);
    else if (leaf === 'config/desired') this.desiredConfig(json).catch(failed);
    else if (leaf === 'commands') this.command(json).catch(failed);
  }

  private acknowledged(json: unknown): void {
    const ack = EventsAckSchema.safeParse(json);
    if (!ack.success) return this.options.log.warn({ topic: 'events/ack' }, 'dropped a malformed acknowledgement');
    this.options.outbox.acknowledge(ack.data.keys);
    if (this.inFlight) {
      for (const key of ack.data.keys) this.inFlight.keys.delete(key);
      if (this.inFlight.keys.size === 0) this.inFlight = null;
    }
    this.sendNext();
  }

  private sendNext(): void {
    if (this.stopped || this.inFlight || !this.link.connected) return;
    this.collect();
    let entries = this.options.outbox.oldest(EVENTS_BATCH_MAX);
    // A batch fits in one message: halve it until it does (a usage record is a few hundred bytes).
    while (entries.length > 1 && Buffer.byteLength(JSON.stringify({ entries })) > FLEET_MESSAGE_MAX_BYTES) entries = entries.slice(0, Math.ceil(entries.length / 2));
    if (entries.length === 0) return;
    if (this.link.publish('events', { entries })) this.inFlight = { keys: new Set(entries.map((entry) => entry.key)), sentAt: this.now() };
  }

  private async desiredConfig(json: unknown): Promise<void> {
    const desired = DesiredConfigSchema.safeParse(json);
    if (!desired.success) return this.options.log.warn({ topic: 'config/desired' }, 'dropped a malformed desired configuration');
    if (desired.data.version === this.configVersion) return;
    const reported = await storeDesiredConfig(desired.data, this.options.stateDir, this.options.catalogDir);
    if (reported.error) {
      this.options.log.warn({ version: reported.version, reason: reported.error }, 'refused the fleet configuration; keeping the last good one');
    } else {
      this.configVersion = reported.version;
      this.options.log.info({ version: reported.version }, 'fleet configuration stored; the kiosk takes it between visits');
      const applied = await this.options.controls.applyProfile();
      if (!applied.ok) this.options.log.warn({ reason: applied.error }, 'the fleet configuration could not be applied yet');
      this.statusChanged();
    }
    this.lastReported = reported;
    this.link.publish('config/reported', reported, true);
  }

  private async command(json: unknown): Promise<void> {
    const parsed = FleetCommandSchema.safeParse(json);
    if (!parsed.success) return this.options.log.warn({ topic: 'commands' }, 'dropped a malformed command');
    const command = parsed.data;
    const now = this.now();
    if (!this.options.outbox.claimCommand(command.id, now)) return this.options.log.info({ command: command.id }, 'command already run; ignored');
    const expired = Date.parse(command.expiresAt) <= now;
    this.options.log.info({ command: command.id, name: command.name, expired }, expired ? 'fleet command expired; not run' : 'running a fleet command');
    const { controls, enrolment } = this.options;
    const result = expired
      ? expiredResult(command, now)
      : await runCommand(command, { controls, fleetUrl: enrolment.fleetUrl, credential: enrolment.credential, now: this.now });
    this.report([{ kind: 'command-result', key: randomUUID(), result }]);
  }

  private heartbeat(): void {
    this.collect();
    void this.publishStatus();
    if (this.inFlight && this.now() - this.inFlight.sentAt >= (this.options.resendAfterMs ?? 60_000)) this.inFlight = null;
    this.sendNext();
  }

  private collect(): void {
    try {
      collectReports(this.options.outbox, this.options.sources);
    } catch (error) {
      this.options.log.error({ reason: errorMessage(error) }, 'could not move reports into the fleet outbox');
    }
  }

  /** Several changes in one turn make one status message. */
  private statusChanged(): void {
    if (this.statusQueued) return;
    this.statusQueued = true;
    setImmediate(() => {
      this.statusQueued = false;
      void this.publishStatus();
    });
  }

  private async publishStatus(): Promise<void> {
    if (this.stopped || !this.link.connected) return;
    try {
      const { softwareVersion, startedAt, stateDir } = this.options;
      const status = await kioskStatus(this.options.controls.facts(), { softwareVersion, startedAt, stateDir, configVersion: this.configVersion, now: this.now() });
      this.link.publish('status', status, true);
    } catch (error) {
      this.options.log.error({ reason: errorMessage(error) }, 'could not make the kiosk status');
    }
  }
}
