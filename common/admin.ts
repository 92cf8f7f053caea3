import { z } from 'zod';

/**
 * The administrator's PIN as it crosses the bridge: 4 to 12 digits, nothing else. It is checked by the
 * host and never stored or logged; the bound keeps a hostile page from making the host hash megabytes.
 */
export const PIN_MIN_DIGITS = 4;
export const PIN_MAX_DIGITS = 12;
export const PIN_PATTERN = new RegExp(`^[0-9]{${PIN_MIN_DIGITS},${PIN_MAX_DIGITS}}$`);
export const PinSchema = z.string().max(PIN_MAX_DIGITS).regex(PIN_PATTERN, `a PIN is ${PIN_MIN_DIGITS} to ${PIN_MAX_DIGITS} digits`);

/**
 * Where the PIN screen stands: waiting for `entry`, `checking` one, the last one was `wrong`, or the
 * screen is `locked` after too many wrong ones.
 */
const PIN_STATUSES = ['entry', 'checking', 'wrong', 'locked'] as const;
const PinStatusSchema = z.enum(PIN_STATUSES);

const AdminPinViewSchema = z.object({
  status: PinStatusSchema,
  /** After a wrong PIN: how many tries are left before the lock. */
  attemptsLeft: z.number().int().nonnegative().nullable(),
  /** While locked: whole minutes left, rounded up, as of the last answer. */
  lockedMinutesLeft: z.number().int().positive().nullable(),
}).strict();
export type AdminPinView = z.infer<typeof AdminPinViewSchema>;

/** What the administrator screens draw; null in the snapshot on every other screen. */
export const AdminViewSchema = z.object({
  pin: AdminPinViewSchema,
  /** Maintenance mode is on: closing the panel leads to the out-of-service screen, not attract. */
  maintenance: z.boolean(),
  /** The profile lets the panel stop the kiosk and leave the desktop to the administrator. */
  allowExitToDesktop: z.boolean(),
}).strict();
export type AdminView = z.infer<typeof AdminViewSchema>;

export const ADMIN_SCREENS = ['admin-pin', 'admin-panel'] as const;
