import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { parsePinHash } from '../../../kiosk-config/admin-schema';

/**
 * Console passwords, hashed in the line format the kiosk's administrator PIN uses (parsePinHash reads
 * both), with scrypt's interactive-login cost: 16 MiB, tens of milliseconds per try.
 */
const PARAMS = { N: 16384, r: 8, p: 1 } as const;
const SALT_BYTES = 16;
const HASH_BYTES = 32;

function derive(password: string, salt: Uint8Array, length: number, { N, r, p }: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { N, r, p, maxmem: 128 * N * r * 2 };
  return new Promise((resolve, reject) => scrypt(password, salt, length, options, (error, key) => (error ? reject(error) : resolve(key))));
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(password, salt, HASH_BYTES, PARAMS);
  return `scrypt$N=${PARAMS.N},r=${PARAMS.r},p=${PARAMS.p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

/** A hash of no password: checked against when the username is unknown, so the answer takes as long. */
export const NO_ACCOUNT_HASH = await hashPassword(randomBytes(16).toString('base64'));

export async function verifyPassword(password: string, passwordHash: string): Promise<boolean> {
  const parsed = parsePinHash(passwordHash);
  if (!parsed.ok) return false;
  const { hash, salt } = parsed.value;
  const candidate = await derive(password, salt, hash.length, parsed.value);
  return timingSafeEqual(candidate, hash);
}
