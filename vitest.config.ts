import { defineConfig } from 'vitest/config';

// `unit` runs anywhere in a second, in Node; `components` renders the renderer's screens and components
// into jsdom (only `.test.tsx` files, so a Node test never gets a DOM it would not have in the host);
// `integration` talks to real peers (pty, Chromium).
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'components',
          include: ['tests/unit/renderer/**/*.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['tests/unit/renderer/setup-dom.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 30_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
