import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DevicesConfig } from '../../common/device-config';
import type { DeviceKind } from '../../common/devices';
import type { Language } from '../../common/language';
import type { Result } from '../../common/result';
import { openPtyPair, type PtyPair } from '../../devices/simulators/pty-pair';
import type { Page } from '@playwright/test';
import { removeProfile, writeProfile, type KioskProcess } from '../support/kiosk-process';
import { acceptNotice, expect, onScreen, test as base } from './fixtures';

interface Simulator {
  close(): Promise<void>;
}

/**
 * Tests whose kiosk has one device of `kind` on the kiosk end of a real pty pair, and a `device`
 * fixture that plays it from the other end with the device's real frames (`open` is the simulator's).
 */
export function testWithDeviceOnPty<K extends DeviceKind, S extends Simulator>(
  kind: K,
  config: (kioskPath: string) => NonNullable<DevicesConfig[K]>,
  open: (devicePath: string) => Promise<Result<S>>,
  { languages = ['fr', 'en'] }: { languages?: Language[] } = {},
) {
  let pair: PtyPair;
  return base.extend<{ device: S }>({
    kioskProfile: async ({}, use) => {
      // Made here, not at module level: Playwright also loads spec files in its runner, which runs no fixtures.
      const links = mkdtempSync(path.join(tmpdir(), `borne-e2e-${kind}-`));
      const opened = await openPtyPair({ kioskPath: path.join(links, 'kiosk'), devicePath: path.join(links, 'device') });
      if (!opened.ok) throw new Error(opened.error);
      pair = opened.value;
      const profile = writeProfile({
        // Only a test (or demo) kiosk may allow the test automation the specs drive it with.
        kiosk: { id: `e2e-${kind.toLowerCase()}`, name: `${kind} test`, purpose: 'test' },
        languages: { offered: languages, default: 'fr' },
        session: { idleTimeoutSeconds: 120, idleWarningSeconds: 10, endScreenSeconds: 2 },
        shell: { allowTestAutomation: true },
        devices: { [kind]: config(pair.kioskPath) },
      });
      await use(profile);
      removeProfile(profile);
      await pair.stop();
      rmSync(links, { recursive: true, force: true });
    },
    device: async ({}, use) => {
      const simulator = await open(pair.devicePath);
      if (!simulator.ok) throw new Error(simulator.error);
      await use(simulator.value);
      await simulator.value.close();
    },
  });
}

/**
 * From home: ends the visit with the button named `finish`, waits until the host proved the wipe, and
 * starts the next visit in the language named `language`, up to its home screen.
 */
export async function nextVisit(page: Page, kiosk: KioskProcess, finish: string | RegExp, language: string): Promise<void> {
  await page.getByRole('button', { name: finish }).click();
  await onScreen(page, 'end').click();
  await kiosk.waitForLog((l) => l.msg === 'visit wiped and verified');
  await onScreen(page, 'attract').click();
  await page.getByRole('button', { name: language }).click();
  await acceptNotice(page);
  await expect(onScreen(page, 'home')).toBeVisible();
}

/** What the devices layer logged, without the fields every line has (time, pid, host, paths), to search for a value. */
export const deviceLogText = (kiosk: KioskProcess): string => JSON.stringify(kiosk.lines.filter((l) => l.layer === 'devices')
  .map(({ time: _time, pid: _pid, hostname: _hostname, path: _path, ...facts }) => facts));
