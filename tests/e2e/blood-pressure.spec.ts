import type { Page } from '@playwright/test';
import { BloodPressureSimulator } from '../../devices/simulators/blood-pressure-simulator';
import { axeViolations } from '../support/axe';
import { deviceLogText, nextVisit, testWithDeviceOnPty } from './device-on-pty';
import { acceptNotice, expect, onScreen } from './fixtures';

// The kiosk opens one end of a real pty pair as a blood-pressure monitor behind a BLE-to-serial bridge;
// the test plays the monitor on the other end, writing real SLIP frames of 0x2A35 values.
const test = testWithDeviceOnPty('bloodPressureMonitor', (path) => ({ serial: { path, baudRate: 9600 } }),
  (path) => BloodPressureSimulator.open(path), { languages: ['fr', 'en', 'ar'] });

/** From attract to the monitor's measurement step in `language`, armed and waiting for the person. */
async function startMeasuring(page: Page, language: 'Français' | 'العربية', start: string): Promise<void> {
  await onScreen(page, 'attract').click();
  await page.getByRole('button', { name: language }).click();
  await acceptNotice(page);
  await expect(onScreen(page, 'home')).toBeVisible();
  await page.getByRole('button', { name: start }).click();
  await expect(onScreen(page, 'measure').locator('.device-card__progress')).toBeVisible();
}

test('a blood pressure is guided, shown with its units and the monitor\'s observation, measured again, and wiped after the visit', async ({ kioskPage, kiosk, device: monitor }) => {
  await startMeasuring(kioskPage, 'Français', 'Mesurer ma tension');
  const step = onScreen(kioskPage, 'measure');
  await expect(step.getByRole('listitem')).toHaveText([
    'Mettez le brassard sur votre bras gauche, la paume vers le haut, et ne bougez plus.',
    'Appuyez sur le bouton du tensiomètre.',
    'La mesure dure environ une minute : le brassard serre, puis se desserre.',
  ]);
  await expect(step.getByText('En attente de la mesure…')).toBeVisible();
  await expect(step.getByRole('button', { name: 'Passer cette mesure' })).toBeVisible();
  await kioskPage.screenshot({ path: 'test-results/blood-pressure-waiting-fr.png' });

  await monitor.sendReading({ systolicMmHg: 142, diastolicMmHg: 91, meanArterialMmHg: 108, pulsePerMinute: 77, takenAt: new Date(), status: { irregularPulse: true } });
  await expect(step.getByText('142/91 mmHg')).toBeVisible();
  await expect(step.getByText('Pouls : 77 battements par minute')).toBeVisible();
  await expect(step.getByText('Le tensiomètre a remarqué un pouls irrégulier.')).toBeVisible();
  await expect(step).not.toContainText('En attente de la mesure');
  await kioskPage.screenshot({ path: 'test-results/blood-pressure-result-fr.png' });
  expect(await axeViolations(kioskPage)).toEqual([]);

  // Measuring again: the step waits for a fresh reading, and the one shown goes until it comes.
  await step.getByRole('button', { name: 'Mesurer à nouveau' }).click();
  await expect(step.getByText('En attente de la mesure…')).toBeVisible();
  await expect(step).not.toContainText('mmHg');
  await monitor.sendReading({ systolicMmHg: 131, diastolicMmHg: 84, meanArterialMmHg: 100, pulsePerMinute: 74, status: {} });
  await expect(step.getByText('131/84 mmHg')).toBeVisible();
  await expect(step).not.toContainText('irrégulier');
  await step.getByRole('button', { name: 'Continuer' }).click();
  await expect(onScreen(kioskPage, 'home').getByText('131/84 mmHg')).toBeVisible();

  await nextVisit(kioskPage, kiosk, /terminé/i, 'Français');
  await expect(kioskPage.getByText(/mmHg/)).toHaveCount(0);
  // Logs rest on disk: no measured value in the devices' lines.
  expect(deviceLogText(kiosk)).not.toMatch(/\b(142|91|108|77|131|84|100|74)\b/);
});

test('in Arabic the step reads right to left and the reading left to right; skipping a second measurement keeps the first', async ({ kioskPage, device: monitor }) => {
  await startMeasuring(kioskPage, 'العربية', 'قياس ضغط دمي');
  const step = onScreen(kioskPage, 'measure');
  await expect(kioskPage.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(step.getByRole('listitem').first()).toHaveText('ضع الكُفّة على ذراعك اليسرى، وراحة يدك إلى الأعلى، ولا تتحرك.');
  await kioskPage.screenshot({ path: 'test-results/blood-pressure-waiting-ar.png' });

  await monitor.sendReading({ systolicMmHg: 118, diastolicMmHg: 76, meanArterialMmHg: 90, pulsePerMinute: 64, status: { irregularPulse: true } });
  const value = step.locator('.reading__value');
  await expect(value).toHaveText('118/76 mmHg');
  // Isolated left to right inside the right-to-left card: an Arabic line cannot turn it into "mmHg 76/118".
  expect(await value.locator('bdi').evaluate((bdi) => getComputedStyle(bdi).direction)).toBe('ltr');
  await expect(step.getByText('لاحظ الجهاز نبضًا غير منتظم.')).toBeVisible();
  await kioskPage.screenshot({ path: 'test-results/blood-pressure-result-ar.png' });
  expect(await axeViolations(kioskPage)).toEqual([]);

  await step.getByRole('button', { name: 'قِس مرة أخرى' }).click();
  await step.getByRole('button', { name: 'تخطَّ هذا القياس' }).click();
  await expect(onScreen(kioskPage, 'home')).toBeVisible();
  // Skipped: the visit keeps the reading it had, the one from before measuring again.
  await expect(onScreen(kioskPage, 'home').locator('[data-device="bloodPressureMonitor"] .reading__value')).toHaveText('118/76 mmHg');
});
