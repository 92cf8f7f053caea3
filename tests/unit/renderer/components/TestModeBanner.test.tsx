import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { TestModeBanner } from '../../../../renderer/src/components/TestModeBanner';
import '../../../../renderer/src/i18n/index';

// The renderer has no DOM test setup; rendering to markup on Node is enough for a component that
// only decides whether to show and what to say. Its look is checked in the e2e screenshots.
describe('TestModeBanner', () => {
  it('says nothing when test automation is off', () => {
    expect(renderToStaticMarkup(<TestModeBanner snapshot={{ testAutomation: false, language: 'fr' }} />)).toBe('');
  });

  it('says the kiosk can be driven remotely, in the snapshot language', () => {
    const fr = renderToStaticMarkup(<TestModeBanner snapshot={{ testAutomation: true, language: 'fr' }} />);
    expect(fr).toContain('Mode test : la borne est pilotable à distance');
    const en = renderToStaticMarkup(<TestModeBanner snapshot={{ testAutomation: true, language: 'en' }} />);
    expect(en).toContain('Test mode: this kiosk can be remote-controlled');
  });

  it('is a note for assistive technologies, with its pictogram hidden from them', () => {
    const html = renderToStaticMarkup(<TestModeBanner snapshot={{ testAutomation: true, language: 'en' }} />);
    expect(html).toMatch(/^<div class="test-mode-banner" role="note" data-notice="test-automation">/);
    expect(html).toMatch(/<svg[^>]*aria-hidden="true"/);
  });
});
