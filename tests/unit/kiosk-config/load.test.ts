import { mkdirSync, mkdtempSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProfile, PROFILE_MAX_BYTES, resolveProfilePath } from '../../../kiosk-config/load';
import { TEST_PROFILE } from '../../support/test-profile';

const dir = mkdtempSync(path.join(tmpdir(), 'borne-profile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
function profileFile(name: string, content: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}
const minimal = { kiosk: { id: 'mairie-tulle', name: 'Mairie' }, languages: { offered: ['fr'], default: 'fr' } };

describe('loadProfile', () => {
  it('loads every shipped profile, none of which lets tests drive the kiosk', async () => {
    // Tests bring their own profile (tests/fixtures/profiles/): nothing a kiosk is installed with allows it.
    const shipped = readdirSync('kiosk-config/profiles').filter((f) => f.endsWith('.json'));
    expect(shipped.sort()).toEqual(['demo.json', 'mairie.json']);
    for (const file of shipped) {
      const loaded = await loadProfile(resolveProfilePath(file.replace('.json', '')));
      if (!loaded.ok) throw new Error(loaded.error);
      expect(loaded.value.shell.allowTestAutomation, file).toBe(false);
    }
  });

  it('loads the test fixture, a test kiosk that allows test automation', async () => {
    const loaded = await loadProfile(TEST_PROFILE);
    if (!loaded.ok) throw new Error(loaded.error);
    expect(loaded.value.kiosk.purpose).toBe('test');
    expect(loaded.value.shell.allowTestAutomation).toBe(true);
  });

  it('fills defaults for what a minimal profile leaves out', async () => {
    const loaded = await loadProfile(profileFile('minimal.json', minimal));
    if (!loaded.ok) throw new Error(loaded.error);
    expect(loaded.value.session.idleTimeoutSeconds).toBe(90);
    expect(loaded.value.shell.allowTestAutomation).toBe(false);
    expect(loaded.value.devices).toEqual({});
  });

  it('names the file, the field path and the reason of an invalid field', async () => {
    const file = profileFile('bad-timeout.json', { ...minimal, session: { idleTimeoutSeconds: 0 } });
    const loaded = await loadProfile(file);
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.error).toMatch(new RegExp(`^${file}: session\\.idleTimeoutSeconds: .*>=5`));
  });

  it('reports every problem at once, one per line', async () => {
    const file = profileFile('two-problems.json', {
      kiosk: { id: 'Bad Id', name: 'x' },
      languages: { offered: ['fr'], default: 'en' },
    });
    const loaded = await loadProfile(file);
    if (loaded.ok) throw new Error('expected a failure');
    const lines = loaded.error.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('kiosk.id: use lowercase letters');
    expect(lines[1]).toContain('languages.default: the default language must be one of the offered languages');
  });

  it('refuses an unknown field rather than ignoring a typo', async () => {
    const loaded = await loadProfile(profileFile('typo.json', { ...minimal, sesion: {} }));
    expect(loaded).toMatchObject({ ok: false, error: expect.stringContaining('sesion') });
  });

  it('says when the file is missing or not JSON', async () => {
    expect(await loadProfile(path.join(dir, 'nope.json'))).toEqual({
      ok: false, error: `${path.join(dir, 'nope.json')}: cannot read the profile: no such file`,
    });
    const broken = await loadProfile(profileFile('broken.json', '{ "kiosk": '));
    expect(broken).toMatchObject({ ok: false, error: expect.stringContaining('broken.json: not valid JSON') });
  });

  it('accepts a profile saved with a UTF-8 byte-order mark, as Windows editors do', async () => {
    const file = profileFile('bom.json', `\uFEFF${JSON.stringify(minimal)}`);
    const loaded = await loadProfile(file);
    if (!loaded.ok) throw new Error(loaded.error);
    expect(loaded.value.kiosk.name).toBe('Mairie');
  });

  it('still refuses a byte-order mark anywhere but at the start', async () => {
    const loaded = await loadProfile(profileFile('inner-bom.json', `{ \uFEFF"kiosk": {} }`));
    expect(loaded).toMatchObject({ ok: false, error: expect.stringContaining('inner-bom.json: not valid JSON') });
  });

  it('refuses a file larger than the limit before parsing it, giving both sizes', async () => {
    // A sparse 50 MiB file: parsing it would say "not valid JSON", so this message proves nothing was parsed.
    const big = profileFile('big.json', JSON.stringify(minimal));
    truncateSync(big, 50 * 1024 * 1024);
    const loaded = await loadProfile(big);
    expect(loaded).toEqual({
      ok: false,
      error: `${big}: the profile is 50.0 MiB (52428800 bytes), more than the limit of 1.0 MiB (1048576 bytes): `
        + 'a profile is a few kilobytes of JSON; check that this is the right file',
    });
  });

  it('reads a file of exactly the limit, and refuses one byte more', async () => {
    const text = JSON.stringify(minimal);
    const file = profileFile('at-limit.json', text + ' '.repeat(PROFILE_MAX_BYTES - text.length));
    expect(await loadProfile(file)).toMatchObject({ ok: true });
    const over = profileFile('over-limit.json', text + ' '.repeat(PROFILE_MAX_BYTES - text.length + 1));
    expect(await loadProfile(over)).toMatchObject({ ok: false, error: expect.stringContaining('(1048577 bytes), more than the limit') });
  });

  it('refuses what is not a regular file, such as a folder or a device that never ends', async () => {
    const folder = path.join(dir, 'folder.json');
    mkdirSync(folder);
    expect(await loadProfile(folder)).toEqual({ ok: false, error: `${folder}: cannot read the profile: not a regular file` });
    expect(await loadProfile('/dev/zero')).toEqual({ ok: false, error: '/dev/zero: cannot read the profile: not a regular file' });
  });
});

describe('resolveProfilePath', () => {
  it('maps a bare name to the shipped profile and keeps paths as paths', () => {
    expect(resolveProfilePath('demo')).toMatch(/kiosk-config\/profiles\/demo\.json$/);
    expect(resolveProfilePath('./my.json')).toBe(path.resolve('my.json'));
  });
});
