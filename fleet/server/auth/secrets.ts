import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Session tokens, enrolment tokens and kiosk credentials are 256 random bits: a single SHA-256 is enough
 * to keep them useless in a copy of the database, and it stays cheap when thousands of kiosks reconnect
 * at once (scrypt is for what people choose: passwords).
 */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function secretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Constant-time equality for strings that are public in length (tokens, hashes). */
export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
