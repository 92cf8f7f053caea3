import { defineConfig } from '@playwright/test';

// Every spec starts the real kiosk host (Chromium shell) and drives it over its test CDP endpoint.
// One worker: each kiosk owns a whole screen, and the machine has two cores.
export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: { trace: 'retain-on-failure' },
  outputDir: 'test-results',
});
