import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The administrators' console: a static bundle the fleet server serves from dist/console
// (fleet/server/api/console-static.ts), on the API's own origin so the session cookie and CSP stay simple.
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../../dist/console',
    emptyOutDir: true,
    target: 'es2022',
  },
});
