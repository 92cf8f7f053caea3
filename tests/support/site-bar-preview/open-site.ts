import type { Browser, Page } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Language } from '../../../common/language';
import { SITE_BAR_BINDING, siteBarScript } from '../../../main/shells/site-bar/bar-script';
import { serveFolder } from '../renderer-preview/staticServer';

export const SITE_VIEWPORT = { width: 1280, height: 720 };

/** A stand-in official page on loopback; `close` stops it and removes its folder. */
export async function serveStandInSite(): Promise<{ origin: string; close: () => void }> {
  const folder = mkdtempSync(join(tmpdir(), 'borne-site-bar-'));
  writeFileSync(join(folder, 'index.html'), '<!doctype html><html lang="fr"><head><title>Service Public</title></head>'
    + '<body style="font: 20px sans-serif"><h1>Service Public</h1><p>Une page officielle, en français.</p></body></html>');
  const { server, origin }: { server: Server; origin: string } = await serveFolder(folder);
  return { origin, close: () => { server.close(); rmSync(folder, { recursive: true, force: true }); } };
}

/**
 * The stand-in page with Borne's bar for a visit in `language`, as the host installs it but in the
 * page's own world; `signals` collects what the bar sends through its binding.
 */
export async function openSiteWithBar(browser: Browser, siteOrigin: string, language: Language): Promise<{ page: Page; signals: string[] }> {
  const page = await browser.newPage({ viewport: SITE_VIEWPORT });
  const signals: string[] = [];
  await page.exposeFunction('recordSiteBarSignal', (signal: string) => { signals.push(signal); });
  // Run by tsx, esbuild's keepNames wraps the bar's inner functions in __name(), which the page lacks.
  await page.addInitScript('globalThis.__name ??= (target) => target;');
  await page.addInitScript(`globalThis[${JSON.stringify(SITE_BAR_BINDING)}] = (signal) => globalThis.recordSiteBarSignal(signal);`);
  // Any origin but the site's: the bar never draws on the kiosk's own page.
  await page.addInitScript(siteBarScript(language, 'http://127.0.0.1:1'));
  await page.goto(`${siteOrigin}/index.html`);
  await page.waitForFunction(() => document.documentElement.lastElementChild?.matches(':popover-open'));
  return { page, signals };
}
