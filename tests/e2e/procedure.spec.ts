/// <reference lib="dom" />
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { standInCatalog } from '../support/catalog-folder';
import { removeProfile, writeProfile } from '../support/kiosk-process';
import { acceptNotice, expect, onScreen, testOnSites } from './fixtures';

const SHOTS = '/tmp/shots-visit-machine';

/**
 * A kiosk whose profile lists no site at all, offering one procedure, `stand-in`, whose catalog entry
 * allows the allowed stand-in site: the site opens under the procedure's own allowlist, nothing more.
 */
const test = testOnSites.extend({
  kioskProfile: async ({ sites }, use) => {
    const catalog = standInCatalog(sites.allowed);
    const profile = writeProfile({
      kiosk: { id: 'e2e-procedure', name: 'Procedure test', purpose: 'test' },
      languages: { offered: ['fr', 'en'], default: 'fr' },
      session: { idleTimeoutSeconds: 120, idleWarningSeconds: 10, endScreenSeconds: 2 },
      shell: { allowTestAutomation: true },
      catalog: { dir: catalog.dir },
    });
    try {
      await use(profile);
    } finally {
      removeProfile(profile);
      catalog.remove();
    }
  },
});

/** What the home screen's tile for a procedure sends, through the bridge as the kiosk page's own scripts reach it. */
async function openProcedure(page: Page, id: string): Promise<void> {
  await page.evaluate(async (procedure) => {
    const token = (window as unknown as { borneLaunchToken: string }).borneLaunchToken;
    const socket = new WebSocket(`ws://${location.host}/bridge?token=${encodeURIComponent(token)}`);
    await new Promise((resolve) => socket.addEventListener('open', resolve));
    socket.send(JSON.stringify({ type: 'PROCEDURE.OPEN', id: procedure }));
    socket.close();
  }, id);
}

test('a procedure\'s site opens from its guide under its own allowlist, refuses a site outside it, and Borne\'s bar leads back to the guide', async ({ kioskPage, kiosk, sites }) => {
  mkdirSync(SHOTS, { recursive: true });
  await onScreen(kioskPage, 'attract').click();
  await kioskPage.getByRole('button', { name: 'Français' }).click();
  await acceptNotice(kioskPage);
  await expect(onScreen(kioskPage, 'home')).toBeVisible();

  await openProcedure(kioskPage, 'stand-in');
  const guide = onScreen(kioskPage, 'guide');
  await expect(guide.getByRole('heading', { level: 1 })).toHaveText('stand-in (fr)');
  await kioskPage.screenshot({ path: `${SHOTS}/guide.png` });

  // The guide's "Go to the website" starts the procedure: its start page, though the profile lists no site.
  await guide.getByRole('button', { name: 'Aller sur le site' }).click();
  await expect.poll(() => kioskPage.url()).toBe(`${sites.allowed}/`);
  await expect.poll(() => kioskPage.evaluate(() => document.querySelector('h1')?.textContent)).toBe('Site officiel de test');
  await kioskPage.screenshot({ path: `${SHOTS}/procedure-site.png` });

  // A link to a site outside the procedure's allowlist is refused: the site stays where it was.
  await kioskPage.evaluate(() => document.getElementById('foreign')!.click());
  await kiosk.waitForLog((l) => l.msg === 'refused a navigation' && String(l.url).startsWith(sites.foreign));
  expect(kioskPage.url()).toBe(`${sites.allowed}/`);

  // The bar's "Retour" (its left button) leads back to the procedure's guide, not to home.
  await kioskPage.mouse.click(100, 36);
  await expect(guide).toBeVisible();
  expect(new URL(kioskPage.url()).origin).not.toBe(sites.allowed);
  expect(kiosk.lines.some((l) => l.msg === 'procedure catalog loaded' && l.procedures === 1)).toBe(true);
});
