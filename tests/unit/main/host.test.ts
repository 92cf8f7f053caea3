import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startHost } from '../../../main/host';
import type { KioskShell } from '../../../main/shells/shell';
import { removeProfile, writeProfile } from '../../support/kiosk-process';
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
    try {
      const { shell, calls } = unusedShell();
      await expect(startHost({ profile: file }, shell, captureLog().log))
        .rejects.toThrow(`${file}: session.idleWarningSeconds: Invalid input: expected number, received string`);
      expect(calls).toEqual([]);
    } finally {
      removeProfile(file);
    }
  });

  it('refuses the test CDP endpoint unless the profile allows test automation', async () => {
    const { shell, calls } = unusedShell();
    await expect(startHost({ profile: 'mairie', testCdpPort: 0 }, shell, captureLog().log))
      .rejects.toThrow(/--test-cdp-port is refused: .*mairie\.json does not set shell\.allowTestAutomation/);
    expect(calls).toEqual([]);
  });

  it('refuses a copy of a production profile that turns test automation on, before any port opens', async () => {
    const mairie = JSON.parse(readFileSync('kiosk-config/profiles/mairie.json', 'utf8'));
    const file = writeProfile({ ...mairie, shell: { allowTestAutomation: true } });
    try {
      const { shell, calls } = unusedShell();
      await expect(startHost({ profile: file, testCdpPort: 0 }, shell, captureLog().log))
        .rejects.toThrow(`${file}: shell.allowTestAutomation: refused on a production kiosk`);
      expect(calls).toEqual([]);
    } finally {
      removeProfile(file);
    }
  });
});
