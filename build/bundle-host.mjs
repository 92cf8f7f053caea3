// Compiles the host for Node and Electron into single files. Pure-JS dependencies are bundled in:
// resolving ~200 modules one by one took most of the host's start-up (measured by `npm run bench boot`).
// Native code (serialport's binding finds its prebuilt .node beside itself, better-sqlite3 and pcsclite the one they
// compiled at install) and electron stay external.
// pcsc-helper is forked beside the entry that opens a smart-card reader (devices/transports/pcsc-transport.ts).
// The sandboxed preload may only require 'electron', so it is bundled whole.
import { build } from 'esbuild';

const NATIVE_OR_PLATFORM = ['electron', 'serialport', '@serialport/*', 'node-hid', 'better-sqlite3', 'pcsclite', 'bufferutil', 'utf-8-validate'];
// Bundled CommonJS dependencies call require() for Node built-ins; an ES module has none of its own.
const ESM_REQUIRE = "import { createRequire as __borneRequire } from 'node:module'; const require = __borneRequire(import.meta.url);";

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning' };

await Promise.all([
  build({
    ...common,
    entryPoints: { cli: 'main/cli.ts', 'electron-main': 'main/shells/electron/main.ts', 'install-policies': 'main/install-policies.ts', 'admin-pin': 'main/admin/pin-cli.ts', catalog: 'main/catalog-cli.ts', devices: 'main/devices-cli.ts', 'pcsc-helper': 'devices/transports/pcsc-helper.ts' },
    outdir: 'dist/host',
    format: 'esm',
    external: NATIVE_OR_PLATFORM,
    banner: { js: ESM_REQUIRE },
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
