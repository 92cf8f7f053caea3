import { describe, expect, it } from 'vitest';
import { parsePinHash } from '../../../kiosk-config/admin-schema';
import { hashPin, verifyPin } from '../../../kiosk-config/secret-hash';

describe('the administrator PIN hash', () => {
  it('is one self-describing line: scrypt, its parameters, a salt and the hash', async () => {
    const line = await hashPin('2468');
    expect(line).toMatch(/^scrypt\$N=16384,r=8,p=1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(parsePinHash(line).ok).toBe(true);
  });

  it('takes a fresh salt each time, so one PIN never gives the same line twice', async () => {
    expect(await hashPin('2468')).not.toBe(await hashPin('2468'));
  });

  it('verifies the PIN it was made from, and no other', async () => {
    const line = await hashPin('2468');
    expect(await verifyPin('2468', line)).toBe(true);
    expect(await verifyPin('2469', line)).toBe(false);
    expect(await verifyPin('24680', line)).toBe(false);
    expect(await verifyPin('', line)).toBe(false);
  });

  it('verifies with the parameters written in the line, not the defaults', async () => {
    const line = await hashPin('1234', { N: 32768, r: 4, p: 2 });
    expect(line.startsWith('scrypt$N=32768,r=4,p=2$')).toBe(true);
    expect(await verifyPin('1234', line)).toBe(true);
  });

  it('says no, without throwing, to a malformed hash', async () => {
    expect(await verifyPin('1234', 'plain:1234')).toBe(false);
  });
});
