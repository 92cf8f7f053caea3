import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProfileSchema } from '../../../../kiosk-config/schema';
import { chromiumLockdown } from '../../../../main/lockdown/chromium-lockdown';
import { checkInstalledPolicies, installPolicies } from '../../../../main/lockdown/installed-policies';

const profile = (lockdown: unknown = {}) => ProfileSchema.parse({
  kiosk: { id: 'mairie', name: 'Mairie' }, languages: { offered: ['fr'], default: 'fr' }, lockdown,
});

describe('Chromium managed policies', () => {
  it('refuse every URL but the kiosk (any port) and the profile\'s sites', () => {
    const { managed } = chromiumLockdown(profile({ allow: [{ origin: 'https://ants.gouv.fr', pathPrefix: '/rdv' }] }));
    expect(managed.URLBlocklist).toEqual(['*']);
    expect(managed.URLAllowlist).toEqual(['http://127.0.0.1', 'https://ants.gouv.fr/rdv']);
  });

  it("let every site a home tile opens through, its start page included, so Chromium's blocklist never stops a site the guard allows", async () => {
    const demo = ProfileSchema.parse(JSON.parse(await readFile('kiosk-config/profiles/demo.json', 'utf8')));
    const withStart = profile({ allow: [{ origin: 'https://ants.gouv.fr', pathPrefix: '/rdv', label: { fr: 'ANTS', en: 'ANTS' }, start: 'https://ants.gouv.fr/rdv/accueil' }] });
    for (const { lockdown } of [demo, withStart]) {
      const { managed } = chromiumLockdown({ ...demo, lockdown });
      const allowlist = managed.URLAllowlist as string[];
      for (const rule of lockdown.allow.filter((entry) => entry.label)) {
        const start = rule.start ?? `${rule.origin}${rule.pathPrefix}`;
        expect(allowlist.some((filter) => start.startsWith(filter)), start).toBe(true);
      }
    }
  });

  it('turn off the native dialogs, downloads, printing, other profiles and remembered data', () => {
    const { managed } = chromiumLockdown(profile());
    expect(managed).toMatchObject({
      AllowFileSelectionDialogs: false, PrintingEnabled: false, DownloadRestrictions: 3, IncognitoModeAvailability: 2,
      BrowserGuestModeEnabled: false, BrowserAddPersonEnabled: false, PasswordManagerEnabled: false, AutofillAddressEnabled: false,
    });
  });

  it('leave DevTools available, because refusing them also refuses the shell\'s own DevTools pipe', () => {
    expect(chromiumLockdown(profile()).managed).not.toHaveProperty('DeveloperToolsAvailability');
  });

  it('let the camera and microphone only to the media origins', () => {
    const { managed } = chromiumLockdown(profile({ mediaOrigins: ['https://rdv.example.fr'] }));
    expect(managed).toMatchObject({ VideoCaptureAllowed: false, VideoCaptureAllowedUrls: ['https://rdv.example.fr'], AudioCaptureAllowedUrls: ['https://rdv.example.fr'] });
  });
});

describe('installed policies', () => {
  let dir: string;
  beforeEach(async () => { dir = await mkdtemp(path.join(tmpdir(), 'borne-policies-')); });
  afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

  it('are missing until installed, then match; another profile\'s are stale', async () => {
    const mine = chromiumLockdown(profile()).managed;
    expect(await checkInstalledPolicies(mine, dir)).toEqual({ ok: false, error: `${dir}/borne.json is missing` });
    expect(await installPolicies(mine, dir)).toEqual({ ok: true, value: `${dir}/borne.json` });
    expect(await checkInstalledPolicies(mine, dir)).toEqual({ ok: true, value: undefined });
    expect(((await stat(`${dir}/borne.json`)).mode & 0o777).toString(8)).toBe('644');
    const other = chromiumLockdown(profile({ allow: [{ origin: 'https://evil.example' }] })).managed;
    expect(await checkInstalledPolicies(other, dir)).toEqual({ ok: false, error: expect.stringContaining('is stale') });
  });

  it('are unreadable when the file is not JSON', async () => {
    await writeFile(`${dir}/borne.json`, '{ nope');
    expect(await checkInstalledPolicies({}, dir)).toEqual({ ok: false, error: `${dir}/borne.json is unreadable` });
  });

  it('are written whole, as JSON Chromium reads', async () => {
    const mine = chromiumLockdown(profile()).managed;
    await installPolicies(mine, dir);
    expect(JSON.parse(await readFile(`${dir}/borne.json`, 'utf8'))).toEqual(mine);
  });
});
