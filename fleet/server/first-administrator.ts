import { randomBytes } from 'node:crypto';
import { hashPassword } from './auth/password';
import type { FleetStore } from './store/store';

/**
 * On a store with no account, creates `admin` with a random password and returns it, to be shown once;
 * on any later start, returns null. The password is nowhere else: lose it and only the store's owner
 * can help (docs/fleet-protocol.md).
 */
export async function ensureFirstAdministrator(store: FleetStore, now: Date): Promise<{ username: string; password: string } | null> {
  if (await store.accounts.any()) return null;
  const username = 'admin';
  const password = randomBytes(18).toString('base64url');
  await store.accounts.create({ username, passwordHash: await hashPassword(password), role: 'administrator', at: now.toISOString() });
  await store.audit.append({ at: now.toISOString(), actor: 'fleet-server', action: 'account.create', kiosk_id: null, result: 'ok', detail: 'first administrator' });
  return { username, password };
}
