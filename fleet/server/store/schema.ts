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

export type Account = Selectable<AccountsTable>;
export type Session = Selectable<SessionsTable>;
export type EnrolmentToken = Selectable<EnrolmentTokensTable>;
export type Kiosk = Selectable<KiosksTable>;
export type AuditLine = Selectable<AuditTable>;
export type NewAuditLine = Omit<Insertable<AuditTable>, 'id'>;
