import { describe, expect, it } from 'vitest';
import {
  cookieResidue, countResidue, describeResidue, isNoFrameOfOrigin, usageResidue,
} from '../../../../../main/shells/chromium/browsing-residue';

const SITE = 'http://localhost:34889';

describe('what the wipe probe calls residue', () => {
  it('names each domain that still has cookies once, and no cookie name or value', () => {
    const answer = { cookies: [
      { name: 'case', value: '42', domain: 'localhost' },
      { name: 'theme', value: 'dark', domain: 'localhost' },
      { name: 'visit', value: 'in-progress', domain: '127.0.0.1' },
    ] };
    const residue = cookieResidue(answer);
    expect(residue).toEqual([{ kind: 'cookies', where: 'localhost' }, { kind: 'cookies', where: '127.0.0.1' }]);
    expect(JSON.stringify(residue)).not.toMatch(/42|dark|in-progress|case|theme/);
  });

  it('names each store of an origin that still uses bytes, as Chromium 156 reports them', () => {
    const answer = { usage: 73931, quota: 1325936656, usageBreakdown: [
      { storageType: 'file_systems', usage: 0 },
      { storageType: 'indexeddb', usage: 73728 },
      { storageType: 'cache_storage', usage: 162 },
      { storageType: 'service_workers', usage: 41 },
    ] };
    expect(usageResidue(SITE, answer).map(describeResidue)).toEqual([
      `indexeddb of ${SITE}`, `cache_storage of ${SITE}`, `service_workers of ${SITE}`,
    ]);
  });

  it('finds nothing in an emptied origin or jar', () => {
    expect(cookieResidue({ cookies: [] })).toEqual([]);
    expect(usageResidue(SITE, { usageBreakdown: [{ storageType: 'indexeddb', usage: 0 }] })).toEqual([]);
    expect(countResidue('IndexedDB databases', SITE, 0)).toEqual([]);
    expect(countResidue('IndexedDB databases', SITE, 2)).toEqual([{ kind: 'IndexedDB databases', where: SITE }]);
  });

  it('refuses an answer of the wrong shape rather than calling it clean', () => {
    expect(() => cookieResidue({ cookies: 'none' })).toThrow();
    expect(() => usageResidue(SITE, {})).toThrow();
  });

  it("tells Chromium's \"no frame of that origin is open\" from a real failure", () => {
    expect(isNoFrameOfOrigin(new Error('CDP IndexedDB.requestDatabaseNames: No document for given frame found'))).toBe(true);
    expect(isNoFrameOfOrigin(new Error('CDP CacheStorage.requestCacheNames: No frame found for given storage key'))).toBe(true);
    expect(isNoFrameOfOrigin(new Error('CDP DOMStorage.getDOMStorageItems: Frame not found for the given storage id'))).toBe(true);
    expect(isNoFrameOfOrigin(new Error('CDP Storage.getUsageAndQuota: Internal error'))).toBe(false);
    expect(isNoFrameOfOrigin('No document for given frame found')).toBe(false);
  });
});
