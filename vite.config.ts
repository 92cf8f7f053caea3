import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { coloursAsCss } from './common/colours.ts';

/** `import 'virtual:kiosk-colours.css'`: the palette of common/colours.ts as CSS variables. */
function kioskColours(): Plugin {
  const id = 'virtual:kiosk-colours.css';
  return {
    name: 'borne-kiosk-colours',
    resolveId: (source) => (source === id ? `\0${id}` : null),
    load: (resolved) => (resolved === `\0${id}` ? coloursAsCss() : null),
  };
}

// The renderer is a static bundle: Electron loads it from disk with loadFile, the Chromium shell
// serves it on 127.0.0.1. Relative asset URLs (`base: './'`) make both work from any folder.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), kioskColours()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // Both shells run a current Chromium; no legacy syntax or preload polyfill to ship.
    target: 'chrome120',
    modulePreload: { polyfill: false },
    // Two pages: the kiosk's, and the agent page of assisted mode (served by main/assist/agent-server.ts).
    // The mirror is the kiosk's own screens, framed in the agent page.
    rollupOptions: { input: { index: 'renderer/index.html', agent: 'renderer/agent.html', mirror: 'renderer/mirror.html' } },
  },
});
