import { z } from 'zod';
import { fail, ok, type Result } from '../common/result';

/**
 * The administrator's PIN as the profile keeps it: a salted scrypt hash in one self-describing line,
 * `scrypt$N=16384,r=8,p=1$<salt, base64>$<hash, base64>`, made by `npm run admin-pin`. The parameters
 * travel with the hash, so a stronger setting later does not invalidate the PINs already out there.
 */
export interface PinHash {
  N: number;
  r: number;
  p: number;
  salt: Uint8Array;
  hash: Uint8Array;
}

/** Bounds a technician's hand-edited line must stay within: weak enough to brute-force below, a memory bomb above. */
const PIN_HASH_LIMITS = {
  minLogN: 14, maxLogN: 20, maxR: 32, maxP: 16, minSaltBytes: 16, maxSaltBytes: 64, minHashBytes: 32, maxHashBytes: 64,
  /** scrypt needs 128·N·r bytes; more than this would stall a small kiosk for seconds at every attempt. */
  maxMemoryBytes: 256 * 1024 * 1024,
} as const;

const HOW_TO_MAKE = 'make one with npm run admin-pin';
const SHAPE = /^scrypt\$N=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9+/]+={0,2})\$([A-Za-z0-9+/]+={0,2})$/;

/** Reads a PIN hash line; the error says what is wrong and how to make a good one. */
export function parsePinHash(text: string): Result<PinHash> {
  const match = SHAPE.exec(text);
  if (!match) return fail(`not a PIN hash: expected scrypt$N=…,r=…,p=…$<salt>$<hash> (${HOW_TO_MAKE})`);
  const [N, r, p] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const salt = bytesOf(match[4]!);
  const hash = bytesOf(match[5]!);
  if (!salt || !hash) return fail(`the salt and the hash must be base64 (${HOW_TO_MAKE})`);
  const L = PIN_HASH_LIMITS;
  const logN = Math.log2(N);
  if (!Number.isInteger(logN) || logN < L.minLogN || logN > L.maxLogN) {
    return fail(`N must be a power of two from ${2 ** L.minLogN} to ${2 ** L.maxLogN}, not ${N} (${HOW_TO_MAKE})`);
  }
  if (r < 1 || r > L.maxR) return fail(`r must be 1 to ${L.maxR}, not ${r} (${HOW_TO_MAKE})`);
  if (p < 1 || p > L.maxP) return fail(`p must be 1 to ${L.maxP}, not ${p} (${HOW_TO_MAKE})`);
  if (128 * N * r > L.maxMemoryBytes) return fail(`N=${N} with r=${r} needs more than ${L.maxMemoryBytes / 1024 / 1024} MiB (${HOW_TO_MAKE})`);
  if (salt.length < L.minSaltBytes || salt.length > L.maxSaltBytes) {
    return fail(`the salt must be ${L.minSaltBytes} to ${L.maxSaltBytes} bytes, this one is ${salt.length} (${HOW_TO_MAKE})`);
  }
  if (hash.length < L.minHashBytes || hash.length > L.maxHashBytes) {
    return fail(`the hash must be ${L.minHashBytes} to ${L.maxHashBytes} bytes, this one is ${hash.length} (${HOW_TO_MAKE})`);
  }
  return ok({ N, r, p, salt, hash });
}

/** atob, not Buffer: the fleet's web console validates profiles with this schema too. Null when not base64. */
function bytesOf(base64: string): Uint8Array | null {
  try {
    return Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  } catch {
    return null;
  }
}

/** A PIN hash line in a profile (the administrator's, an agent's), checked as parsePinHash reads it. */
export const PinHashSchema = z.string().max(512).superRefine((text, ctx) => {
  const parsed = parsePinHash(text);
  if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.error });
});

/**
 * The administrator exit: a hidden gesture, then a PIN. Without this section the gesture does nothing,
 * so a kiosk has no way out on screen unless someone chose a PIN for it.
 */
export const AdminConfigSchema = z.object({
  pinHash: PinHashSchema,
  /** Wrong PINs in a row before the PIN screen locks. */
  maxAttempts: z.number().int().min(1).max(20).default(5),
  /** How long the lock lasts; it survives a restart (it is read back from the audit journal). */
  lockoutMinutes: z.number().int().min(1).max(24 * 60).default(15),
  /** Shows "exit to the desktop" on the panel. Off: the panel can restart the kiosk, never leave it. */
  allowExitToDesktop: z.boolean().default(false),
  /** The PIN screen and the panel close after this long without a touch. */
  panelIdleSeconds: z.number().int().min(10).max(600).default(60),
}).strict();
export type AdminConfig = z.infer<typeof AdminConfigSchema>;
