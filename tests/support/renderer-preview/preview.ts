import { chromium, type Browser } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '../../..');

/** Builds the renderer with the project's Vite config; returns the folder to serve. */
export function buildRenderer(): string {
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: repo, stdio: 'inherit' });
  return resolve(repo, 'dist/renderer');
}

/** Debian's Chromium, never a downloaded one: the kiosk machines have no internet either. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}
