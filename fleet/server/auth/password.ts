import { randomBytes } from 'node:crypto';
import { hashPin, verifyPin } from '../../../kiosk-config/secret-hash';

/**
 * Console passwords, hashed as the kiosk's PINs are (one scrypt line format and cost, read by the same
 * code): tens of milliseconds per try.
 */
export const hashPassword = (password: string): Promise<string> => hashPin(password);
export const verifyPassword = (password: string, passwordHash: string): Promise<boolean> => verifyPin(password, passwordHash);

/** A hash of no password: checked against when the username is unknown, so the answer takes as long. */
export const NO_ACCOUNT_HASH = await hashPassword(randomBytes(16).toString('base64'));
