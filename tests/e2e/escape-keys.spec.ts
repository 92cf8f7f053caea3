/// <reference lib="dom" />
import { focusWindow, pressKeys, visibleWindowNames } from '../support/x-server';
import { withPoliciesInstalled } from '../support/managed-policies';
import { TEST_PROFILE } from '../support/test-profile';
import { expect, onScreen, test } from './fixtures';

// Shortcuts a curious visitor tries, sent as real key presses by the X server (CDP key events reach
// the page, never Chromium's own shortcuts). After each, the screen holds one window, Borne's, showing
// its attract screen: no tab, no browser window, no file chooser, no print preview, no DevTools.
const ATTEMPTS = [
  'ctrl+t', 'ctrl+n', 'ctrl+shift+n', 'ctrl+shift+t', 'ctrl+l', 'ctrl+o', 'ctrl+s', 'ctrl+p', 'ctrl+shift+p', 'ctrl+f', 'ctrl+g',
  'ctrl+h', 'ctrl+j', 'ctrl+u', 'ctrl+d', 'ctrl+e', 'ctrl+k', 'ctrl+shift+i', 'ctrl+shift+j', 'ctrl+shift+c', 'ctrl+shift+b',
  'ctrl+shift+Delete', 'ctrl+shift+o', 'ctrl+shift+m', 'ctrl+shift+a', 'ctrl+plus', 'ctrl+minus', 'ctrl+Tab', 'ctrl+Next',
  'F1', 'F3', 'F5', 'F6', 'F7', 'F11', 'F12', 'alt+Left', 'alt+Right', 'alt+Home', 'alt+f', 'alt+e',
  'ctrl+r', 'ctrl+shift+r', 'ctrl+w', 'ctrl+shift+w', 'alt+F4', 'ctrl+q', 'ctrl+shift+q',
] as const;

const policiesMissing = withPoliciesInstalled(test, 'escape-keys.spec', TEST_PROFILE);

test(`${ATTEMPTS.length} shortcuts pressed on the real keyboard open nothing and leave nothing`, async ({ kioskPage, kiosk }) => {
  test.skip(policiesMissing() !== null, policiesMissing() ?? '');
  // Printed as the other specs do: the list reporter shows a skip without its reason.
  if (policiesMissing() !== null) console.log(`escape-keys.spec.ts: skipped, ${policiesMissing() ?? ''}`);
  test.setTimeout(180_000);
  await expect(onScreen(kioskPage, 'attract')).toBeVisible();
  const zoom = await kioskPage.evaluate(() => devicePixelRatio);
  // Proof that the key presses reach the kiosk: the page counts the ones it sees.
  await kioskPage.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { seenKeys: string[] }).seenKeys = seen;
    window.addEventListener('keydown', (event) => seen.push(event.key), { capture: true });
  });
  const seenKeys = () => kioskPage.evaluate(() => (window as unknown as { seenKeys: string[] }).seenKeys.length);

  for (const keys of ATTEMPTS) {
    focusWindow('Borne');
    const before = await seenKeys();
    pressKeys('x'); // a plain key the page must see: the window has the keyboard
    await expect.poll(seenKeys, { message: `the kiosk did not get the keyboard before ${keys}` }).toBeGreaterThan(before);

    pressKeys(keys);
    await kioskPage.waitForTimeout(600); // time for a window or dialog to map, and for the shell to close it
    await expect.poll(visibleWindowNames, { message: `after ${keys}`, timeout: 3_000 }).toEqual(['Borne']);
    await expect(onScreen(kioskPage, 'attract'), `after ${keys}`).toBeVisible();
    expect(kiosk.lines.filter((l) => l.msg === 'chromium exited unexpectedly'), `after ${keys}`).toEqual([]);
  }
  expect(await kioskPage.evaluate(() => devicePixelRatio)).toBe(zoom);
  const closed = kiosk.lines.filter((l) => l.msg === 'closed a window the kiosk did not open');
  console.log(`escape keys: ${ATTEMPTS.length} shortcuts, ${closed.length} windows closed by the shell the instant they opened`);
});
