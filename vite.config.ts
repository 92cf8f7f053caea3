import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is a static bundle: Electron loads it from disk with loadFile, the Chromium shell
// serves it on 127.0.0.1. Relative asset URLs (`base: './'`) make both work from any folder.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // Both shells run a current Chromium; no legacy syntax or preload polyfill to ship.
    target: 'chrome120',
    modulePreload: { polyfill: false },
  },
});
