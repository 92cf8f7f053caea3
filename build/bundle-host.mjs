// Compiles the host for Node and Electron. npm packages stay external (they are installed beside
// it); the sandboxed preload is the exception: it may only require 'electron', so it is bundled whole.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning' };

await Promise.all([
  build({
    ...common,
    entryPoints: { cli: 'main/cli.ts', 'electron-main': 'main/shells/electron/main.ts' },
    outdir: 'dist/host',
    format: 'esm',
    packages: 'external',
  }),
  build({
    ...common,
    entryPoints: { preload: 'main/shells/electron/preload.ts' },
    outdir: 'dist/host',
    outExtension: { '.js': '.cjs' },
    format: 'cjs',
    external: ['electron'],
  }),
]);
