import { OximeterSimulator } from '../../devices/simulators/oximeter-simulator';
import { deviceLogText, nextVisit, testWithDeviceOnPty } from './device-on-pty';
import { acceptNotice, expect, onScreen } from './fixtures';

// The second device kind, end to end through the registry: the kiosk opens one end of a real pty
// pair as a CMS50D+ pulse oximeter, and the test plays the device on the other end, streaming its
// live frames as the real one does (about 60 a second).
const test = testWithDeviceOnPty('pulseOximeter', (path) => ({ model: 'cms50d', serial: { path, baudRate: 19200 } }), (path) => OximeterSimulator.open(path));

test('a pulse oximeter reading is taken in its step, shown with the pulse, kept for the visit and wiped after it', async ({ kioskPage, kiosk, device: oximeter }) => {
  await onScreen(kioskPage, 'attract').click();
  await kioskPage.getByRole('button', { name: 'English' }).click();
  await acceptNotice(kioskPage);
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
  await nextVisit(kioskPage, kiosk, "I'm done", 'English');
  await expect(card).not.toContainText('%');
  // Logs rest on disk: no measured value in the devices' lines.
  expect(deviceLogText(kiosk)).not.toMatch(/\b97\b|\b74\b/);
});
