import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { parsePinHash, type PinHash } from './admin-schema';

/**
 * Secrets a person types (a kiosk's administrator PIN, an agent's PIN, a fleet console password), kept
 * only as a salted scrypt line: the kiosk's profile and the fleet's store read the same format.
 */

/** scrypt's interactive-login setting (16 MiB, about 50 ms on a small kiosk). */
const DEFAULT_PIN_PARAMS = { N: 16384, r: 8, p: 1 } as const;
const SALT_BYTES = 16;
const HASH_BYTES = 32;

function derive(pin: string, salt: Uint8Array, length: number, { N, r, p }: Pick<PinHash, 'N' | 'r' | 'p'>): Promise<Buffer> {
  // Node refuses above 32 MiB by default; the profile schema already bounds 128·N·r.
  const options: ScryptOptions = { N, r, p, maxmem: 128 * N * r * 2 };
  return new Promise((resolve, reject) => scrypt(pin, salt, length, options, (error, key) => (error ? reject(error) : resolve(key))));
}

/** The line `npm run admin-pin` prints: a fresh salt each time, so two kiosks with one PIN differ. */
export async function hashPin(pin: string, params: Pick<PinHash, 'N' | 'r' | 'p'> = DEFAULT_PIN_PARAMS): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(pin, salt, HASH_BYTES, params);
  return `scrypt$N=${params.N},r=${params.r},p=${params.p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

/** True when `pin` is the one `pinHash` was made from. Compares in constant time; a malformed hash is false. */
export async function verifyPin(pin: string, pinHash: string): Promise<boolean> {
  const parsed = parsePinHash(pinHash);
  if (!parsed.ok) return false;
  const { hash, salt } = parsed.value;
  const candidate = await derive(pin, salt, hash.length, parsed.value);
  return timingSafeEqual(candidate, hash);
}
