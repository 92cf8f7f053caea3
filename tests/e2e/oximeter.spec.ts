import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { OximeterSimulator } from '../../devices/simulators/oximeter-simulator';
import { openPtyPair, type PtyPair } from '../../devices/simulators/pty-pair';
import { removeProfile, writeProfile } from '../support/kiosk-process';
import { expect, onScreen, test as base } from './fixtures';

// The second device kind, end to end through the registry: the kiosk opens one end of a real pty
// pair as a CMS50D+ pulse oximeter, and the test plays the device on the other end, streaming its
// live frames as the real one does (about 60 a second).
let pair: PtyPair;

const test = base.extend<{ oximeter: OximeterSimulator }>({
  kioskProfile: async ({}, use) => {
    const links = mkdtempSync(path.join(tmpdir(), 'borne-e2e-oximeter-'));
    const opened = await openPtyPair({ kioskPath: path.join(links, 'kiosk'), devicePath: path.join(links, 'device') });
    if (!opened.ok) throw new Error(opened.error);
    pair = opened.value;
    const profile = writeProfile({
      kiosk: { id: 'e2e-oximeter', name: 'Oximeter test', purpose: 'test' },
      languages: { offered: ['fr', 'en'], default: 'fr' },
      session: { idleTimeoutSeconds: 120, idleWarningSeconds: 10, endScreenSeconds: 2 },
      shell: { allowTestAutomation: true },
      devices: { pulseOximeter: { serial: { path: pair.kioskPath } } },
    });
    await use(profile);
    removeProfile(profile);
    await pair.stop();
    rmSync(links, { recursive: true, force: true });
  },
  oximeter: async ({}, use) => {
    const simulator = await OximeterSimulator.open(pair.devicePath);
    if (!simulator.ok) throw new Error(simulator.error);
    await use(simulator.value);
    await simulator.value.close();
  },
});

test('a pulse oximeter reading is taken in its step, shown with the pulse, kept for the visit and wiped after it', async ({ kioskPage, kiosk, oximeter }) => {
  await onScreen(kioskPage, 'attract').click();
  await kioskPage.getByRole('button', { name: 'English' }).click();
  const card = kioskPage.getByRole('region', { name: 'Pulse oximeter' });
  await expect(card).toContainText('Ready');

  await kioskPage.getByRole('button', { name: 'Measure my oxygen' }).click();
  await expect(onScreen(kioskPage, 'measure')).toContainText('Put a finger in the clip of the pulse oximeter.');
  oximeter.startLive({ spo2: 97, pulse: 74 });
  await expect(onScreen(kioskPage, 'measure')).toContainText('97%');
  await expect(onScreen(kioskPage, 'measure')).toContainText('Pulse: 74 beats a minute');
  await kioskPage.screenshot({ path: 'test-results/measure-oximeter.png' });
  oximeter.fingerOut();

  await kioskPage.getByRole('button', { name: 'Continue' }).click();
  await expect(card).toContainText('97%');
  await kioskPage.getByRole('button', { name: "I'm done" }).click();
  await onScreen(kioskPage, 'end').click();
  await kiosk.waitForLog((l) => l.msg === 'visit wiped and verified');
  await onScreen(kioskPage, 'attract').click();
  await kioskPage.getByRole('button', { name: 'English' }).click();
  await expect(card).not.toContainText('%');
  // Logs rest on disk: no measured value in the devices' lines.
  const deviceLines = JSON.stringify(kiosk.lines.filter((l) => l.layer === 'devices').map(({ time: _t, pid: _p, path: _path, ...facts }) => facts));
  expect(deviceLines).not.toMatch(/\b97\b|\b74\b/);
});
