import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openPtyPair, type PtyPair } from '../../devices/simulators/pty-pair';
import { ThermometerSimulator } from '../../devices/simulators/thermometer-simulator';
import { removeProfile, writeProfile } from '../support/kiosk-process';
import { expect, onScreen, test as base } from './fixtures';

// The kiosk opens one end of a real pty pair as its thermometer; the test plays the device on the
// other end, writing real Temperature Measurement frames.
let pair: PtyPair;

const test = base.extend<{ thermometer: ThermometerSimulator }>({
  kioskProfile: async ({}, use) => {
    // Made here, not at module level: Playwright also loads this file in its runner, which runs no fixtures or hooks.
    const links = mkdtempSync(path.join(tmpdir(), 'borne-e2e-thermometer-'));
    const opened = await openPtyPair({ kioskPath: path.join(links, 'kiosk'), devicePath: path.join(links, 'device') });
    if (!opened.ok) throw new Error(opened.error);
    pair = opened.value;
    const profile = writeProfile({
      // Only a test (or demo) kiosk may allow the test automation this spec drives it with.
      kiosk: { id: 'e2e-thermometer', name: 'Thermometer test', purpose: 'test' },
      languages: { offered: ['fr', 'en'], default: 'fr' },
      session: { idleTimeoutSeconds: 120, idleWarningSeconds: 10, endScreenSeconds: 2 },
      shell: { allowTestAutomation: true },
      devices: { thermometer: { serial: { path: pair.kioskPath, baudRate: 9600 } } },
    });
    await use(profile);
    removeProfile(profile);
    await pair.stop();
    rmSync(links, { recursive: true, force: true });
  },
  thermometer: async ({}, use) => {
    const simulator = await ThermometerSimulator.open(pair.devicePath);
    if (!simulator.ok) throw new Error(simulator.error);
    await use(simulator.value);
    await simulator.value.close();
  },
});

test('a reading from the thermometer shows live on the home screen, and is gone after the visit', async ({ kioskPage, kiosk, thermometer }) => {
  await onScreen(kioskPage, 'attract').click();
  await kioskPage.getByRole('button', { name: 'Français' }).click();
  await expect(onScreen(kioskPage, 'home')).toBeVisible();
  await expect(kioskPage.getByText('Prêt')).toBeVisible();

  await thermometer.sendReading(37.6, { site: 'finger' });
  await expect(kioskPage.getByText('37,6 °C')).toBeVisible();
  await thermometer.sendReading(38.2, { site: 'finger' });
  await expect(kioskPage.getByText('38,2 °C')).toBeVisible();
  await kioskPage.screenshot({ path: 'test-results/home-with-reading.png' });

  await kioskPage.getByRole('button', { name: /terminé/i }).click();
  await onScreen(kioskPage, 'end').click();
  await kiosk.waitForLog((l) => l.msg === 'visit wiped and verified');
  await onScreen(kioskPage, 'attract').click();
  await kioskPage.getByRole('button', { name: 'Français' }).click();
  await expect(onScreen(kioskPage, 'home')).toBeVisible();
  await expect(kioskPage.getByText(/°C/)).toHaveCount(0);
});
