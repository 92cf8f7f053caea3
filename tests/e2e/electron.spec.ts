import { _electron as electron, expect, test } from '@playwright/test';
import { findElectronBinary } from '../../main/shells/choose-shell';
import { TEST_PROFILE } from '../support/test-profile';
import { acceptNotice } from './fixtures';

// The same visit in the Electron shell. Its binary is downloaded from GitHub at install time, so on
// machines without that access this spec skips and says so.
const binary = findElectronBinary();
if (!binary.ok) console.log(`electron.spec: skipped, ${binary.error}`);

test('the Electron shell shows the attract screen and runs a visit', async () => {
  test.skip(!binary.ok, binary.ok ? '' : binary.error);
  if (!binary.ok) return;
  const app = await electron.launch({
    executablePath: binary.value,
    args: ['dist/host/electron-main.js', '--profile', TEST_PROFILE],
  });
  try {
    const window = await app.firstWindow();
    await expect(window.locator('[data-screen="attract"]')).toBeVisible();
    expect(await window.evaluate(() => typeof (window as unknown as { borne?: unknown }).borne)).toBe('object');
    await window.locator('[data-screen="attract"]').click();
    await window.getByRole('button', { name: 'Français' }).click();
    await acceptNotice(window);
    await expect(window.locator('[data-screen="home"]')).toBeVisible();
  } finally {
    await app.close();
  }
});
