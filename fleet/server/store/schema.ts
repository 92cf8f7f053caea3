import type { Generated, Insertable, Selectable } from 'kysely';

/**
 * The fleet store's tables, as Kysely sees them. Types are the ones both SQLite and PostgreSQL give back
 * unchanged: text and integers that fit a JavaScript number. Times are ISO 8601 UTC text
 * (`Date.toISOString()`): they sort as text in both engines and need no driver-specific date parsing.
 */
export interface FleetDatabase {
  accounts: AccountsTable;
  sessions: SessionsTable;
  enrolment_tokens: EnrolmentTokensTable;
  kiosks: KiosksTable;
  audit: AuditTable;
  kiosk_status: KioskStatusTable;
  status_history: StatusHistoryTable;
  received_keys: ReceivedKeysTable;
  usage_events: UsageEventsTable;
  kiosk_configs: KioskConfigsTable;
  commands: CommandsTable;
  alerts: AlertsTable;
  settings: SettingsTable;
  releases: ReleasesTable;
  rollouts: RolloutsTable;
}

export const ROLES = ['administrator', 'operator', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const KIOSK_STATES = ['pending', 'approved', 'revoked'] as const;
export type KioskState = (typeof KIOSK_STATES)[number];

export interface AccountsTable {
  id: string;
  username: string;
  /** scrypt, in the line format of kiosk-config's parsePinHash. */
  password_hash: string;
  role: Role;
  created_at: string;
}

/** A console login. Only the SHA-256 of the cookie's token is kept: a copy of the database opens no session. */
export interface SessionsTable {
  token_hash: string;
  account_id: string;
  /** Sent back in the X-CSRF-Token header on every state-changing request (api/csrf.ts says why). */
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface EnrolmentTokensTable {
  id: string;
  /** SHA-256 of the token, which is shown once to the administrator and never stored. */
  token_hash: string;
  expires_at: string;
  used_at: string | null;
  /** The kiosk this token enrolled, once used. */
  used_by_kiosk: string | null;
  created_by: string;
  created_at: string;
}

export interface KiosksTable {
  id: string;
  name: string;
  state: KioskState;
  /** SHA-256 of the kiosk's credential, given once at enrolment. */
  credential_hash: string;
  created_at: string;
  last_seen_at: string | null;
  /** The configuration version the kiosk says it runs (0: its installed profile); null until it reports. */
  config_reported_version: number | null;
  /** Why the kiosk refused the latest desired configuration, if it did. */
  config_error: string | null;
  /** A rollout and filter group chosen by administrators ("mairies", "bus"); null for none. */
  group_name: string | null;
}

/** Append-only: the store has no update or delete for it. */
export interface AuditTable {
  id: Generated<number>;
  at: string;
  /** An account id, `kiosk:<id>` for a kiosk's own act, or `anonymous` for a refused login. */
  actor: string;
  action: string;
  kiosk_id: string | null;
  /** `ok`, or `refused: <why>` / `failed: <why>`. */
  result: string;
  /** Short non-personal details (a kiosk's name, a role); never a password, token or credential. */
  detail: string | null;
}

/** The latest status a kiosk sent (common/fleet-messages KioskStatus, as JSON). "Online" is `heard_at` within the window. */
export interface KioskStatusTable {
  kiosk_id: string;
  heard_at: string;
  status: string;
}

/** Statuses kept for the configured time (the console's history); pruned by `at`. */
export interface StatusHistoryTable {
  id: Generated<number>;
  kiosk_id: string;
  at: string;
  status: string;
}

/** Every outbox key the server has stored (audit lines, command results): a resent entry is a no-op. */
export interface ReceivedKeysTable {
  key: string;
  kiosk_id: string;
  kind: string;
  received_at: string;
}

/** One anonymous usage event per row, its fields spread into columns so statistics are one GROUP BY. */
export interface UsageEventsTable {
  /** The kiosk's idempotency key (the record's id). */
  key: string;
  kiosk_id: string;
  day: string;
  type: string;
  procedure: string | null;
  language: string | null;
  /** A site's origin. */
  site: string | null;
  device_kind: string | null;
  outcome: string | null;
  duration_seconds: number | null;
  rating: string | null;
  /** `usage-dropped`: how many events the kiosk lost. */
  dropped: number | null;
  received_at: string;
}

/** Every configuration pushed to a kiosk, by version; the highest is the desired one. */
export interface KioskConfigsTable {
  kiosk_id: string;
  version: number;
  /** A whole kiosk profile, as JSON, valid against kiosk-config's schema when stored. */
  config: string;
  created_by: string;
  created_at: string;
}

export const COMMAND_DELIVERIES = ['online-only', 'queued'] as const;
export type CommandDelivery = (typeof COMMAND_DELIVERIES)[number];
export const COMMAND_STATES = ['queued', 'sent', 'succeeded', 'failed', 'expired', 'refused'] as const;
export type CommandState = (typeof COMMAND_STATES)[number];

export interface CommandsTable {
  id: string;
  kiosk_id: string;
  /** common/fleet-messages COMMAND_NAMES. */
  name: string;
  delivery: CommandDelivery;
  state: CommandState;
  created_by: string;
  created_at: string;
  expires_at: string;
  sent_at: string | null;
  result_at: string | null;
  error: string | null;
  /** What the kiosk uploaded with its result (a screenshot or a log bundle), by file name in the state folder. */
  attachment: string | null;
}

export interface AlertsTable {
  id: Generated<number>;
  /** Null for a fleet-wide alert. */
  kiosk_id: string | null;
  rule: string;
  detail: string | null;
  raised_at: string;
  /** Set when the condition is over; an open alert has none. */
  cleared_at: string | null;
  acknowledged_by: string | null;
  acknowledged_at: string | null;
}

/** Server settings changed from the console (alert rules, webhook, SMTP), one JSON value per name. */
export interface SettingsTable {
  name: string;
  value: string;
}

/** A software release kiosks may update to; its files are served elsewhere (a release server, a CDN). */
export interface ReleasesTable {
  version: string;
  /** JSON: [{url, sha512, size}], as electron-updater's feed lists them. */
  files: string;
  release_notes: string | null;
  release_date: string;
  created_by: string;
  created_at: string;
}

export const ROLLOUT_STATES = ['running', 'paused', 'complete', 'rolled-back'] as const;
export type RolloutState = (typeof ROLLOUT_STATES)[number];

/** A staged rollout of one release; the newest rollout decides what every kiosk's feed offers. */
export interface RolloutsTable {
  id: string;
  /** 1, 2, 3…: the newest rollout is the highest, whatever the clocks said; unique, so two racing starts cannot both be newest. */
  generation: number;
  version: string;
  /** The release kiosks outside the stages run (the last completed rollout's), or null when there is none. */
  from_version: string | null;
  /** JSON: [{percent, groups?}], widening stage after stage. */
  stages: string;
  /** Index of the stage reached so far. */
  stage: number;
  state: RolloutState;
  /** Minutes a kiosk must run the new release, online and without a restart or failed wipe, to count as healthy. */
  health_minutes: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export type Account = Selectable<AccountsTable>;
export type Session = Selectable<SessionsTable>;
export type EnrolmentToken = Selectable<EnrolmentTokensTable>;
export type Kiosk = Selectable<KiosksTable>;
export type AuditLine = Selectable<AuditTable>;
export type NewAuditLine = Omit<Insertable<AuditTable>, 'id'>;
