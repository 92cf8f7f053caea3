import { z } from 'zod';
import { DEVICE_HEALTH_STATES, DeviceKindSchema, PaperStateSchema } from './devices';
import { UsageRecordSchema } from './usage-events';

/**
 * What a kiosk and the fleet server say to each other over MQTT (docs/fleet-protocol.md): the topic
 * scheme and every payload, checked with these schemas at both ends. Nothing here may carry personal or
 * medical data: a visit is a state name, a device is its health, a usage event is anonymous.
 */

/** A kiosk id is the UUID the server gave it at enrolment; it is also its MQTT username. */
export const KioskIdSchema = z.uuid();

export const KIOSK_TOPIC_LEAVES = [
  'status',
  'events',
  'events/ack',
  'config/desired',
  'config/reported',
  'commands',
  'commands/result',
] as const;
export type KioskTopicLeaf = (typeof KIOSK_TOPIC_LEAVES)[number];

/** Every topic of a kiosk is under this prefix, and the broker's ACL keeps the kiosk inside it. */
export const kioskTopicPrefix = (kioskId: string): string => `kiosk/${kioskId}/`;
export const kioskTopic = (kioskId: string, leaf: KioskTopicLeaf): string => `${kioskTopicPrefix(kioskId)}${leaf}`;

/** Splits `kiosk/<id>/<leaf>`; null for any other topic, a malformed id or an unknown leaf. */
export function parseKioskTopic(topic: string): { kioskId: string; leaf: KioskTopicLeaf } | null {
  const match = /^kiosk\/([^/]+)\/(.+)$/.exec(topic);
  if (!match || !KioskIdSchema.safeParse(match[1]).success) return null;
  const leaf = match[2] as KioskTopicLeaf;
  return KIOSK_TOPIC_LEAVES.includes(leaf) ? { kioskId: match[1]!, leaf } : null;
}

const IsoTimeSchema = z.iso.datetime();
/** An error told to the fleet: a short reason a person can act on, never a stack, a value or a name. */
export const FleetErrorTextSchema = z.string().min(1).max(500);

/** Where the kiosk is in its visit cycle: the state's name only, never what the visitor does in it. */
export const VISIT_STATES = ['attract', 'visit', 'wiping', 'maintenance', 'admin', 'blocked'] as const;
export const VisitStateSchema = z.enum(VISIT_STATES);

export const ReportedDeviceSchema = z.object({
  id: z.string().min(1).max(64),
  kind: DeviceKindSchema,
  state: z.enum(DEVICE_HEALTH_STATES),
  /** Printers only. */
  paper: PaperStateSchema.optional(),
  lastError: FleetErrorTextSchema.nullable(),
}).strict();
export type ReportedDevice = z.infer<typeof ReportedDeviceSchema>;

/** The full reported state, sent on every (re)connect, on change, and as a heartbeat. Retained. */
export const KioskStatusSchema = z.object({
  online: z.literal(true),
  sentAt: IsoTimeSchema,
  softwareVersion: z.string().min(1).max(64),
  /** Seconds since the host started. */
  uptimeSeconds: z.number().int().min(0),
  visit: VisitStateSchema,
  devices: z.array(ReportedDeviceSchema).max(32),
  disk: z.object({ freeBytes: z.number().int().min(0), totalBytes: z.number().int().min(0) }).strict(),
  /** The configuration version the kiosk runs; 0 for the profile it was installed with. */
  configVersion: z.number().int().min(0),
  lastError: z.object({ message: FleetErrorTextSchema, at: IsoTimeSchema }).strict().nullable(),
  /** Times the kiosk page or the host restarted by itself in the last hour: a crash loop shows here. */
  restartsLastHour: z.number().int().min(0),
  /** The last end-of-visit wipe failed: the kiosk refuses visits until it is mended (visit `blocked`). */
  wipeFailed: z.boolean(),
}).strict();
export type KioskStatus = z.infer<typeof KioskStatusSchema>;

/** The broker publishes this as the kiosk's last will when its connection drops without a goodbye. */
export const KioskGoneSchema = z.object({ online: z.literal(false) }).strict();
export const StatusMessageSchema = z.union([KioskStatusSchema, KioskGoneSchema]);
export type StatusMessage = z.infer<typeof StatusMessageSchema>;

export const COMMAND_NAMES = [
  'restart-app',
  'reboot',
  'maintenance-on',
  'maintenance-off',
  'wipe-now',
  'screenshot',
  'collect-logs',
  'reload-config',
] as const;
export const CommandNameSchema = z.enum(COMMAND_NAMES);
export type CommandName = z.infer<typeof CommandNameSchema>;

/** Server → kiosk. The kiosk runs a command id at most once, and not at all once `expiresAt` has passed. */
export const FleetCommandSchema = z.object({
  id: z.uuid(),
  name: CommandNameSchema,
  expiresAt: IsoTimeSchema,
}).strict();
export type FleetCommand = z.infer<typeof FleetCommandSchema>;

/**
 * Kiosk → server, through the outbox. A screenshot or a log bundle is too big for a message: the kiosk
 * uploads it over HTTPS with its credential and `attachment` names what it sent.
 */
export const CommandResultSchema = z.object({
  id: z.uuid(),
  ok: z.boolean(),
  error: FleetErrorTextSchema.optional(),
  at: IsoTimeSchema,
  attachment: z.enum(['screenshot', 'logs']).optional(),
}).strict();
export type CommandResult = z.infer<typeof CommandResultSchema>;

/** One line of the kiosk's own audit (an administrator's act at the kiosk), without any personal detail. */
export const KioskAuditLineSchema = z.object({
  at: IsoTimeSchema,
  action: z.string().min(1).max(64),
  result: z.string().min(1).max(200),
}).strict();

/**
 * One outbox entry. `key` is the idempotency key the kiosk gave the entry when it wrote it to its local
 * store; the server stores each key once, so an entry sent twice is counted once.
 */
export const OutboxEntrySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('usage'), key: z.uuid(), record: UsageRecordSchema }).strict(),
  z.object({ kind: z.literal('audit'), key: z.uuid(), line: KioskAuditLineSchema }).strict(),
  z.object({ kind: z.literal('command-result'), key: z.uuid(), result: CommandResultSchema }).strict(),
]);
export type OutboxEntry = z.infer<typeof OutboxEntrySchema>;

/** Entries per `events` message at most: a kiosk back from hours offline sends its backlog in batches. */
export const EVENTS_BATCH_MAX = 200;
export const EventsBatchSchema = z.object({ entries: z.array(OutboxEntrySchema).min(1).max(EVENTS_BATCH_MAX) }).strict();
export type EventsBatch = z.infer<typeof EventsBatchSchema>;

/** Server → kiosk, once the keys are stored: only then does the kiosk delete them from its outbox. */
export const EventsAckSchema = z.object({ keys: z.array(z.uuid()).max(EVENTS_BATCH_MAX) }).strict();
export type EventsAck = z.infer<typeof EventsAckSchema>;

/** Server → kiosk, retained. `config` is a whole kiosk profile, checked with kiosk-config's schema at both ends. */
export const DesiredConfigSchema = z.object({ version: z.number().int().min(1), config: z.unknown() }).strict();
export type DesiredConfig = z.infer<typeof DesiredConfigSchema>;

/** Kiosk → server, retained: the version it runs, or the one it refused and why (it keeps its last good one). */
export const ReportedConfigSchema = z.object({
  version: z.number().int().min(0),
  error: FleetErrorTextSchema.optional(),
}).strict();
export type ReportedConfig = z.infer<typeof ReportedConfigSchema>;

/** The largest MQTT payload either end accepts; the broker refuses bigger packets outright. */
export const FLEET_MESSAGE_MAX_BYTES = 256 * 1024;
