import { _electron as electron, expect, test } from '@playwright/test';
import { findElectronBinary } from '../../main/shells/choose-shell';
import { TEST_PROFILE } from '../support/test-profile';
import { ESCAPE_ATTEMPTS, tryEveryEscape } from './escape-attempts';

// The page's escape attempts against the Electron shell, which answers them with its webContents
// handlers rather than DevTools and managed policies. Its binary is downloaded from GitHub at install
// time, so on machines without that access this spec skips and says so.
const binary = findElectronBinary();
if (!binary.ok) console.log(`escape-electron.spec: skipped, ${binary.error}`);

test(`${Object.keys(ESCAPE_ATTEMPTS).length} attempts from the page open nothing in the Electron shell and leave it where it was`, async () => {
  test.skip(!binary.ok, binary.ok ? '' : binary.error);
  if (!binary.ok) return;
  test.setTimeout(120_000);
  const app = await electron.launch({ executablePath: binary.value, args: ['dist/host/electron-main.js', '--profile', TEST_PROFILE] });
  try {
    const window = await app.firstWindow();
    // After each attempt the application has one window, the kiosk's.
    await tryEveryEscape(window, (name) => expect.poll(() => app.windows().length, { message: `after ${name}`, timeout: 3_000 }).toBe(1));
    expect(app.process().exitCode).toBeNull();
  } finally {
    await app.close();
  }
});
