import { withPoliciesInstalled } from '../support/managed-policies';
import { TEST_PROFILE } from '../support/test-profile';
import { visibleWindowNames } from '../support/x-server';
import { ESCAPE_ATTEMPTS, tryEveryEscape } from './escape-attempts';
import { expect, test } from './fixtures';

const policiesMissing = withPoliciesInstalled(test, 'escape-page.spec', TEST_PROFILE);

// After each attempt, the X server shows one window, Borne's.
test(`${Object.keys(ESCAPE_ATTEMPTS).length} attempts from the page open nothing and leave the kiosk where it was`, async ({ kioskPage, kiosk }) => {
  test.skip(policiesMissing() !== null, policiesMissing() ?? '');
  // Printed as the other specs do: the list reporter shows a skip without its reason.
  if (policiesMissing() !== null) console.log(`escape-page.spec.ts: skipped, ${policiesMissing() ?? ''}`);
  test.setTimeout(120_000);
  await tryEveryEscape(kioskPage, (name) => expect.poll(visibleWindowNames, { message: `after ${name}`, timeout: 3_000 }).toEqual(['Borne']));
  // Neither the browser nor the kiosk page's renderer failed on the way (a hang is ended as a crash).
  const failures = ['chromium exited unexpectedly', 'the kiosk page renderer crashed', 'the kiosk page stopped answering; ending its renderer to reload it'];
  expect(kiosk.lines.filter((l) => failures.includes(l.msg as string))).toEqual([]);
  const refused = kiosk.lines.filter((l) => l.msg === 'refused a navigation').length;
  const closed = kiosk.lines.filter((l) => l.msg === 'closed a window the kiosk did not open').length;
  console.log(`escape page: ${Object.keys(ESCAPE_ATTEMPTS).length} attempts, ${refused} navigations refused by the policy, ${closed} windows closed by the shell`);
});
