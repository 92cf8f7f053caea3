import { describe, expect, it } from 'vitest';
import { HIGH_CONTRAST_COLOURS, KIOSK_COLOURS } from '../../../../../common/colours';
import { parseSiteBarSignal, SITE_BAR_BINDING, siteBarScript } from '../../../../../main/shells/site-bar/bar-script';

describe("Borne's bar on a site", () => {
  it('speaks the visit\'s language and wears the palette of common/colours.ts', () => {
    const fr = siteBarScript('fr', 'http://127.0.0.1:4000');
    const en = siteBarScript('en', 'http://127.0.0.1:4000');
    expect(fr).toContain('"back":"Retour"');
    expect(fr).toContain('"end":"Terminer"');
    expect(en).toContain('"back":"Back"');
    expect(en).toContain('"end":"Finish"');
    expect(en).toContain('"stillHere":"Are you still there? Touch the screen:"');
    expect(fr).toContain(`"bar":"${KIOSK_COLOURS.blue}"`);
    expect(fr).toContain(`"binding":"${SITE_BAR_BINDING}"`);
  });

  it('follows the visit\'s text size and high contrast', () => {
    const standard = siteBarScript('fr', 'http://127.0.0.1:4000');
    expect(standard).toContain('"heightPx":72,"fontPx":22');
    const large = siteBarScript('fr', 'http://127.0.0.1:4000', { textSize: 200, contrast: 'high' });
    expect(large).toContain('"heightPx":144,"fontPx":44');
    expect(large).toContain(`"bar":"${HIGH_CONTRAST_COLOURS.blue}"`);
  });

  it('is a script that parses on its own: a function called with its settings', () => {
    expect(() => new Function(siteBarScript('fr', 'http://127.0.0.1:4000'))).not.toThrow();
  });

  it('carries back, end, activity, help, reclaim and ready, and nothing else', () => {
    const signals = ['back', 'end', 'activity', 'help', 'reclaim', 'ready'];
    expect(signals.map(parseSiteBarSignal)).toEqual(signals);
    for (const payload of ['BACK', 'back ', '{"type":"VISIT.FINISH"}', '', 'SITE.OPEN', null, 42]) {
      expect(parseSiteBarSignal(payload)).toBeNull();
    }
  });
});

describe("Borne's bar in Arabic", () => {
  it('is laid out right to left, with Arabic words, and French and English left to right', () => {
    const ar = siteBarScript('ar', 'http://127.0.0.1:4000');
    expect(ar).toContain('"lang":"ar"');
    expect(ar).toContain('"dir":"rtl"');
    expect(ar).toContain('"back":"رجوع"');
    // The agent's name, in Latin letters most often, is isolated so that it keeps its place in the Arabic line.
    expect(ar).toContain('"agent":"\u2068{name}\u2069، موظف الاستقبال، يتحكم في الشاشة."');
    expect(siteBarScript('fr', 'http://127.0.0.1:4000')).toContain('"dir":"ltr"');
    expect(siteBarScript('en', 'http://127.0.0.1:4000')).toContain('"dir":"ltr"');
  });
});
