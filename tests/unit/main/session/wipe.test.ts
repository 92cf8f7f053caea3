import { describe, expect, it } from 'vitest';
import { createActor, toPromise } from 'xstate';
import { wipeSessionThrough } from '../../../../main/session/wipe';
import type { WipeInput } from '../../../../main/session/machine';
import type { BrowsingWipeReport, KioskShell } from '../../../../main/shells/shell';
import { captureLog } from '../../../support/capture-log';

const shellReporting = (report: BrowsingWipeReport): KioskShell => ({
  name: 'chromium',
  start: async () => {},
  stop: async () => {},
  wipeBrowsingData: async () => report,
});
const cleanVisit: WipeInput = { visit: { language: 'fr', temperature: null }, defaultLanguage: 'fr' };

function wipe(shell: KioskShell, input: WipeInput) {
  return toPromise(createActor(wipeSessionThrough(shell, captureLog().log), { input }).start());
}

describe('wipeSessionThrough', () => {
  it('passes when the session is reset and the browser reports nothing left', async () => {
    await expect(wipe(shellReporting({ cleared: ['cookies'], leftovers: [] }), cleanVisit)).resolves.toBeUndefined();
  });

  it('fails, naming what survived, when the browser still holds data', async () => {
    await expect(wipe(shellReporting({ cleared: [], leftovers: ['cookies: 1'] }), cleanVisit))
      .rejects.toThrow('the wipe left data behind: browser: cookies: 1');
  });

  it('fails when the visit data was not reset', async () => {
    const dirty: WipeInput = { visit: { language: 'en', temperature: { celsius: 37, site: null, takenAt: null } }, defaultLanguage: 'fr' };
    await expect(wipe(shellReporting({ cleared: [], leftovers: [] }), dirty))
      .rejects.toThrow('the wipe left data behind: session: temperature, session: language');
  });
});
