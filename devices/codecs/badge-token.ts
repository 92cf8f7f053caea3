import { createHash, createHmac } from 'node:crypto';

/**
 * The opaque id a badge becomes before it leaves devices/: HMAC-SHA-256 of its number under the kiosk's
 * salt (the profile's `badgeReader.salt`), the first 128 bits in hex.
 *
 * Why hash here: a badge number is a credential that also opens doors elsewhere; the host, its logs, the
 * session and the fleet only need to know "the same badge as the one enrolled", which a keyed hash gives
 * without the number. Why keyed, with a salt per kiosk (or per site, as the administrator chooses): badge
 * numbers are short and sequential, so a plain hash is reversed by trying them all; without the salt a
 * leaked id cannot be tested, and ids from kiosks with different salts cannot be linked. The cost: an agent
 * is enrolled per salt (`npm run devices -- read badgeReader` prints the line to put in that profile).
 */
export function badgeToken(number: string, salt: string): string {
  return createHmac('sha256', salt).update(number, 'utf8').digest('hex').slice(0, 32);
}

/**
 * A data report's number as text: its bytes in upper-case hex, as a wedge reader set to hex output types
 * it, so that one badge gets one id whichever mode its reader is in.
 */
export const badgeNumberOfBytes = (bytes: Uint8Array): string =>
  [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('').toUpperCase();

/**
 * What an agent's profile entry keeps of their badge (`assist.agents[].badgeHash`): `sha256$` and the base64
 * of the SHA-256 of the badge's id, so that the profile does not hold the id a reader announces either.
 */
export const badgeHashOf = (badgeId: string): string => `sha256$${createHash('sha256').update(badgeId, 'utf8').digest('base64')}`;
