import { describe, expect, it } from 'vitest';
import { STANDARD_DISPLAY } from '../../../../../common/accessibility';
import { parseKeyboardInput, siteKeyboardScript } from '../../../../../main/shells/site-bar/keyboard-script';

describe("Borne's keyboard on a site", () => {
  it('starts in the layout of the visit\'s language, with its words', () => {
    const fr = siteKeyboardScript('borneSiteBar', 'fr', 'http://127.0.0.1:4000', STANDARD_DISPLAY);
    const ar = siteKeyboardScript('borneSiteBar', 'ar', 'http://127.0.0.1:4000', STANDARD_DISPLAY);
    expect(fr).toMatch(/"layouts":\[\{"name":"AZERTY".*\{"name":"QWERTY".*\{"name":"عربي"/);
    expect(fr).toContain('"hide":"Masquer"');
    expect(ar).toMatch(/"layouts":\[\{"name":"عربي".*\{"name":"AZERTY"/);
    expect(ar).toContain('"dir":"rtl"');
  });

  it('grows with the text, but no more than half as much again, so the page keeps room above it', () => {
    expect(siteKeyboardScript('b', 'fr', 'http://127.0.0.1:4000', STANDARD_DISPLAY)).toContain('"keyPx":60,"fontPx":24');
    expect(siteKeyboardScript('b', 'fr', 'http://127.0.0.1:4000', { textSize: 200, contrast: 'high' })).toContain('"keyPx":90,"fontPx":36');
  });

  it('is a script that parses on its own', () => {
    expect(() => new Function(siteKeyboardScript('b', 'en', 'http://127.0.0.1:4000', STANDARD_DISPLAY))).not.toThrow();
  });

  it("lets one key's text or an erase through, and nothing that would paste or control the page", () => {
    expect(parseKeyboardInput('type:a')).toEqual({ text: 'a' });
    expect(parseKeyboardInput('type: ')).toEqual({ text: ' ' });
    expect(parseKeyboardInput('type:لا')).toEqual({ text: 'لا' });
    expect(parseKeyboardInput('erase')).toEqual({ erase: true });
    for (const payload of ['type:', 'type:hello world', 'type:\n', 'type:\u202e', 'type:a\u0000', 'erase ', 'Type:a', 'back']) {
      expect(parseKeyboardInput(payload)).toBeNull();
    }
  });
});
