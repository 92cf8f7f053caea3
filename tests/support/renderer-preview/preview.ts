import { chromium, type Browser, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { SessionSnapshot } from '../../../common/snapshot';
import { findChromium } from '../../../main/shells/chromium/find-chromium';
import { fakePreloadScript, type FakePreloadWindow } from './fakePreload';

const repo = resolve(import.meta.dirname, '../../..');

/** Builds the renderer with the project's Vite config; returns the folder to serve. */
export function buildRenderer(): string {
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: repo, stdio: 'inherit' });
  return resolve(repo, 'dist/renderer');
}

/** The system's Chromium, found as the kiosk finds it, never a downloaded one: kiosks have no internet either. */
export function launchChromium(): Promise<Browser> {
  const found = findChromium();
  if (!found.ok) throw new Error(found.error);
  return chromium.launch({
    executablePath: found.value,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/**
 * Opens the served renderer in a new page fed `snapshot` by the fake preload, and resolves once the
 * renderer reported painting its screen. `problems` collects page errors and console errors/warnings.
 */
export async function openSnapshot(
  browser: Browser, origin: string, snapshot: SessionSnapshot | null,
  viewport = { width: 1920, height: 1080 },
): Promise<{ page: Page; problems: string[] }> {
  // A context of its own, which closes with the page; unlike browser.newPage(), it lets axe-core open its helper page.
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  // Closing the browser right after the page may close the context first: nothing is left to close then.
  page.once('close', () => context.close().catch(() => undefined));
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  await page.addInitScript(fakePreloadScript(snapshot));
  await page.goto(`${origin}/index.html`);
  const screen = snapshot?.screen ?? 'connecting';
  await page.locator(`[data-screen="${screen}"]`).waitFor();
  if (snapshot) {
    // The renderer reports the paint; waiting for it also checks that it does.
    // A function, not a string: polling a string predicate needs eval, which the page's CSP forbids.
    await page.waitForFunction(
      (painted) => (globalThis as unknown as FakePreloadWindow).borneSent.some((e) => e.type === 'VIEW.PAINTED' && e.screen === painted),
      screen,
    );
  }
  return { page, problems };
}
