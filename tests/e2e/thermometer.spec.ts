import { ThermometerSimulator } from '../../devices/simulators/thermometer-simulator';
import { IMPLAUSIBLE_FRAGMENTS, IMPLAUSIBLE_READINGS } from '../support/implausible-readings';
import type { Page } from '@playwright/test';
import { deviceLogText, nextVisit, testWithDeviceOnPty } from './device-on-pty';
import { acceptNotice, expect, onScreen } from './fixtures';

// The kiosk opens one end of a real pty pair as its thermometer; the test plays the device on the
// other end, writing real Temperature Measurement frames.
const test = testWithDeviceOnPty('thermometer', (path) => ({ serial: { path, baudRate: 9600 } }), (path) => ThermometerSimulator.open(path));

/** From attract to the thermometer's measurement step, armed and waiting for the person. */
async function startMeasuring(kioskPage: Page): Promise<void> {
  await onScreen(kioskPage, 'attract').click();
  await kioskPage.getByRole('button', { name: 'Français' }).click();
  await acceptNotice(kioskPage);
  await expect(onScreen(kioskPage, 'home')).toBeVisible();
  await expect(kioskPage.getByText('Prêt')).toBeVisible();
  await kioskPage.getByRole('button', { name: 'Prendre ma température' }).click();
  await expect(kioskPage.getByText('Prenez votre température avec le thermomètre.')).toBeVisible();
}

test('a reading counts only in the step that asked for it; it shows, stays with the visit, and is gone after it', async ({ kioskPage, kiosk, device: thermometer }) => {
  await onScreen(kioskPage, 'attract').click();
  await kioskPage.getByRole('button', { name: 'Français' }).click();
  await acceptNotice(kioskPage);
  await expect(kioskPage.getByText('Prêt')).toBeVisible();
  // On home, nobody asked for a reading: it is dropped. (A pty delivers in microseconds; the pause
  // only makes sure it reached the host before the step starts.)
  await thermometer.sendReading(39.1, { site: 'finger' });
  await kioskPage.waitForTimeout(300);
  await kioskPage.getByRole('button', { name: 'Prendre ma température' }).click();
  await expect(kioskPage.getByText('Prenez votre température avec le thermomètre.')).toBeVisible();
  await expect(kioskPage.getByText(/°C/)).toHaveCount(0);

  await thermometer.sendReading(37.6, { site: 'finger' });
  await expect(onScreen(kioskPage, 'measure').getByText('37,6 °C')).toBeVisible();
  await kioskPage.screenshot({ path: 'test-results/measure-with-reading.png' });
  await kioskPage.getByRole('button', { name: 'Continuer' }).click();
  await expect(onScreen(kioskPage, 'home').getByText('37,6 °C')).toBeVisible();
  await kioskPage.screenshot({ path: 'test-results/home-with-reading.png' });

  await nextVisit(kioskPage, kiosk, /terminé/i, 'Français');
  await expect(kioskPage.getByText(/°C/)).toHaveCount(0);
});

test('implausible readings never reach the screen or the logs, and the next good one shows', async ({ kioskPage, kiosk, device: thermometer }) => {
  await startMeasuring(kioskPage);

  // -300, 99.9 and 8.39e133 °C, each a well-formed frame carrying a finite FLOAT.
  for (const { celsius, exponent } of IMPLAUSIBLE_READINGS) {
    expect(await thermometer.sendReading(celsius, { exponent, site: 'finger' })).toEqual({ ok: true, value: undefined });
  }
  // Wait for the host to have refused all three, so the screen is checked after them, not before.
  const refusals = () => kiosk.lines.filter((l) => l.msg === 'implausible reading refused');
  await kiosk.waitForLog(() => refusals().length === IMPLAUSIBLE_READINGS.length);
  await expect(kioskPage.getByText('Prenez votre température avec le thermomètre.')).toBeVisible();
  await expect(kioskPage.getByText(/°C/)).toHaveCount(0);

  await thermometer.sendReading(37.4, { site: 'finger' });
  await expect(kioskPage.getByText('37,4 °C')).toBeVisible();
  const screenText = await kioskPage.locator('body').innerText();
  expect(screenText.match(/°C/g)).toEqual(['°C']);
  for (const fragment of IMPLAUSIBLE_FRAGMENTS) expect(screenText).not.toMatch(fragment);
  // The status badge is still on screen, not pushed off by a long reading.
  const badge = await kioskPage.locator('[data-device="thermometer"] .status').boundingBox();
  const viewport = kioskPage.viewportSize() ?? (await kioskPage.evaluate(() => ({ width: innerWidth, height: innerHeight })));
  expect(badge && badge.x >= 0 && badge.x + badge.width <= viewport.width).toBe(true);
  await kioskPage.screenshot({ path: 'test-results/measure-after-implausible.png' });

  // Logged as warnings with the range they missed; no value, bad or good, in the devices' log lines.
  expect(refusals().map(({ device, kind, reason }) => ({ device, kind, reason }))).toEqual(
    IMPLAUSIBLE_READINGS.map(() => ({ device: 'thermometer', kind: 'bodyTemperature', reason: 'outside 30–45 °C' })));
  for (const fragment of [...IMPLAUSIBLE_FRAGMENTS, /37[.,]4/]) expect(deviceLogText(kiosk)).not.toMatch(fragment);
});
