import { describe, expect, it } from 'vitest';
import { ProfileSchema } from '../../../kiosk-config/schema';
import { decideTestAutomation } from '../../../main/test-automation';

const profile = (purpose: string, allowTestAutomation: boolean) => ProfileSchema.parse({
  kiosk: { id: 'k1', name: 'Kiosk', purpose },
  languages: { offered: ['fr'], default: 'fr' },
  shell: { allowTestAutomation },
});

describe('decideTestAutomation', () => {
  it('is off without --test-cdp-port, whatever the profile allows', () => {
    expect(decideTestAutomation(undefined, profile('test', true), 'test.json')).toEqual({ ok: true, value: false });
    expect(decideTestAutomation(undefined, profile('production', false), 'mairie.json')).toEqual({ ok: true, value: false });
  });

  it('is on with --test-cdp-port on a profile that allows it', () => {
    expect(decideTestAutomation(0, profile('test', true), 'test.json')).toEqual({ ok: true, value: true });
    expect(decideTestAutomation(9222, profile('demo', true), 'demo.json')).toEqual({ ok: true, value: true });
  });

  it('refuses --test-cdp-port on a profile that does not allow it, saying which profiles may', () => {
    for (const purpose of ['production', 'demo', 'test']) {
      expect(decideTestAutomation(0, profile(purpose, false), '/etc/borne/k.json')).toEqual({
        ok: false,
        error: '--test-cdp-port is refused: /etc/borne/k.json does not set shell.allowTestAutomation '
          + '(only a profile whose kiosk.purpose is "demo" or "test" may)',
      });
    }
  });
});
