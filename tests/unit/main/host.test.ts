import { describe, expect, it } from 'vitest';
import { startHost } from '../../../main/host';
import type { KioskShell } from '../../../main/shells/shell';
import { writeProfile } from '../../support/kiosk-process';
import { captureLog } from '../../support/capture-log';

// The shell is never reached in these tests: start-up stops before it. A shell that records calls proves it.
function unusedShell() {
  const calls: string[] = [];
  const shell: KioskShell = {
    name: 'chromium',
    start: async () => { calls.push('start'); },
    wipeBrowsingData: async () => ({ cleared: [], leftovers: [] }),
    stop: async () => { calls.push('stop'); },
  };
  return { shell, calls };
}

describe('startHost', () => {
  it('refuses an invalid profile with the file, the field path and the reason', async () => {
    const file = writeProfile({ kiosk: { id: 'x1', name: 'x' }, languages: { offered: ['fr'], default: 'fr' },
      session: { idleWarningSeconds: 'soon' } });
    const { shell, calls } = unusedShell();
    await expect(startHost({ profile: file }, shell, captureLog().log))
      .rejects.toThrow(`${file}: session.idleWarningSeconds: Invalid input: expected number, received string`);
    expect(calls).toEqual([]);
  });

  it('refuses the test CDP endpoint unless the profile allows test automation', async () => {
    const { shell, calls } = unusedShell();
    await expect(startHost({ profile: 'mairie', testCdpPort: 0 }, shell, captureLog().log))
      .rejects.toThrow(/--test-cdp-port is refused: .*mairie\.json does not set shell\.allowTestAutomation/);
    expect(calls).toEqual([]);
  });
});
