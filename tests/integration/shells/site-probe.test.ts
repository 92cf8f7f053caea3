import type { Browser, CDPSession, Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSitePaintProbe } from '../../../main/shells/chromium/site-probe';
import { launchChromium } from '../../support/renderer-preview/preview';

// Real Chromium: the probe is what tells the watchdog that a site shown in the kiosk window still paints.
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

async function probeOf(html: string): Promise<{ page: Page; session: CDPSession; probe: () => ReturnType<ReturnType<typeof createSitePaintProbe>> }> {
  const page = await browser.newPage();
  await page.setContent(html);
  const session: CDPSession = await page.context().newCDPSession(page);
  const probe = createSitePaintProbe((method, params) => session.send(method as 'Page.getFrameTree', params), 2_000);
  return { page, session, probe };
}

describe('the site paint probe', () => {
  it('finds a page with text painting', async () => {
    const { page, probe } = await probeOf('<p>Prendre rendez-vous</p>');
    expect(await probe()).toBe('painting');
    await page.close();
  });

  it('finds an image alone painting', async () => {
    const { page, probe } = await probeOf('<img width="200" height="100" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">');
    expect(await probe()).toBe('painting');
    await page.close();
  });

  it('finds an empty page, or one whose content is hidden, blank', async () => {
    const { page, probe } = await probeOf('<body style="background: white"><div style="display:none">caché</div></body>');
    expect(await probe()).toBe('blank');
    await page.close();
  });

  it('is not fooled by a site that overrides requestAnimationFrame and innerText', async () => {
    const { page, probe } = await probeOf(`<body><script>
      window.requestAnimationFrame = (callback) => callback(0);
      Object.defineProperty(HTMLElement.prototype, 'innerText', { get: () => 'fake' });
    </script></body>`);
    expect(await probe()).toBe('blank');
    await page.close();
  });

  it('finds a page whose main thread is stuck silent, without hanging itself', async () => {
    const { page, session, probe } = await probeOf('<p>bientôt bloquée</p>');
    expect(await probe()).toBe('painting');
    // On the probe's own session, so the loop surely starts before the probe's next look arrives
    // (through Playwright's connection it could start after it, on a loaded machine).
    void session.send('Runtime.evaluate', { expression: 'for (;;) {}' }).catch(() => {});
    expect(await probe()).toBe('silent');
    await page.close({ runBeforeUnload: false }).catch(() => {});
  });

  it('keeps working after a navigation tore its world down', async () => {
    const { page, probe } = await probeOf('<p>première page</p>');
    expect(await probe()).toBe('painting');
    await page.goto('data:text/html,<p>deuxième page</p>');
    expect(await probe()).toBe('painting');
    await page.close();
  });
});
