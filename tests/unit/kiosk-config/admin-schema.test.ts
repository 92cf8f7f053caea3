import { describe, expect, it } from 'vitest';
import { describeIssues } from '../../../kiosk-config/load';
import { ProfileSchema } from '../../../kiosk-config/schema';

const SALT = 'ndczHAJdxbKcmnLbuVjpsw==';
const HASH = 'tU5IotSZYFJAgTHCv0F1gONNcCuq6MgGO9NQ0pkBMeY=';
const GOOD = `scrypt$N=16384,r=8,p=1$${SALT}$${HASH}`;
const minimal = { kiosk: { id: 'mairie-tulle', name: 'Mairie' }, languages: { offered: ['fr'], default: 'fr' } };
const withAdmin = (admin: Record<string, unknown>) => ({ ...minimal, admin });

function problems(input: unknown): string[] {
  const parsed = ProfileSchema.safeParse(input);
  return parsed.success ? [] : describeIssues('p.json', parsed.error.issues).split('\n');
}

describe('the admin section of a profile', () => {
  it('is optional: without it the kiosk has no administrator exit', () => {
    expect(ProfileSchema.parse(minimal).admin).toBeUndefined();
  });

  it('needs only the PIN hash; the rest has safe defaults', () => {
    expect(ProfileSchema.parse(withAdmin({ pinHash: GOOD })).admin).toEqual({
      pinHash: GOOD, maxAttempts: 5, lockoutMinutes: 15, allowExitToDesktop: false, panelIdleSeconds: 60,
    });
  });

  it('refuses a PIN hash that is not one, and says how to make one', () => {
    expect(problems(withAdmin({ pinHash: '1234' }))).toEqual([
      'p.json: admin.pinHash: not a PIN hash: expected scrypt$N=…,r=…,p=…$<salt>$<hash> (make one with npm run admin-pin)',
    ]);
  });

  it.each([
    [`scrypt$N=1024,r=8,p=1$${SALT}$${HASH}`, 'N must be a power of two from 16384 to 1048576, not 1024'],
    [`scrypt$N=20000,r=8,p=1$${SALT}$${HASH}`, 'N must be a power of two from 16384 to 1048576, not 20000'],
    [`scrypt$N=16384,r=0,p=1$${SALT}$${HASH}`, 'r must be 1 to 32, not 0'],
    [`scrypt$N=16384,r=8,p=99$${SALT}$${HASH}`, 'p must be 1 to 16, not 99'],
    [`scrypt$N=1048576,r=8,p=1$${SALT}$${HASH}`, 'N=1048576 with r=8 needs more than 256 MiB'],
    [`scrypt$N=16384,r=8,p=1$AAAA$${HASH}`, 'the salt must be 16 to 64 bytes, this one is 3'],
    [`scrypt$N=16384,r=8,p=1$${SALT}$AAAA`, 'the hash must be 32 to 64 bytes, this one is 3'],
    [`scrypt$N=16384,r=8,p=1$${SALT}$AAAAA`, 'the salt and the hash must be base64'],
  ])('refuses %s: %s', (pinHash, reason) => {
    expect(problems(withAdmin({ pinHash }))).toEqual([`p.json: admin.pinHash: ${reason} (make one with npm run admin-pin)`]);
  });

  it('bounds the attempts, the lock and the idle time, and refuses unknown fields', () => {
    expect(problems(withAdmin({ pinHash: GOOD, maxAttempts: 0 }))[0]).toMatch(/^p\.json: admin\.maxAttempts: /);
    expect(problems(withAdmin({ pinHash: GOOD, lockoutMinutes: 0 }))[0]).toMatch(/^p\.json: admin\.lockoutMinutes: /);
    expect(problems(withAdmin({ pinHash: GOOD, panelIdleSeconds: 5 }))[0]).toMatch(/^p\.json: admin\.panelIdleSeconds: /);
    expect(problems(withAdmin({ pinHash: GOOD, pin: '1234' }))[0]).toMatch(/^p\.json: admin: .*"pin"/);
  });
});
