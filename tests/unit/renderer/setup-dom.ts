/// <reference lib="dom" />
// Setup for the `components` project (jsdom): DOM matchers, a clean document between tests, and the
// renderer's translations loaded once, as main.tsx loads them.
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import '../../../renderer/src/i18n/index';

// Testing Library only cleans up by itself when the runner has global hooks; ours imports them.
// The App sets the page's lang; each test starts from a page without one.
afterEach(() => {
  cleanup();
  document.documentElement.removeAttribute('lang');
});
