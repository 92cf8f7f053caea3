// Lint enforces ARCHITECTURE.md's "may import" column: a wrong import fails CI, not a code review.
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';
import borne from './build/eslint/layers.js';

const root = path.dirname(fileURLToPath(import.meta.url));

// ARCHITECTURE.md's Folders table, one entry per top-level folder. A file's own folder is always allowed;
// paths are resolved, so `./main` inside devices/ is devices/main, not main/ (build/eslint/layers.js).
// main/shells/electron/ is "as main": it is main/ here; only the electron package ban below tells it apart.
const layers = {
  common: {
    imports: [],
    packages: ['zod'],
    why: 'common/ is the shared contract: zod only, no Node, no DOM, no Electron.',
  },
  'kiosk-config': {
    imports: ['common'],
    why: 'kiosk-config/ stays importable by the fleet server, which validates with the same schema.',
  },
  main: {
    imports: ['common', 'kiosk-config', 'devices'],
    why: 'The host never reaches into a view (renderer/) or the server (fleet/).',
  },
  renderer: {
    imports: ['common'],
    why: 'The renderer is a view: it talks to the host through the bridge contract in common/ only.',
  },
  devices: {
    imports: ['common'],
    why: 'devices/ is a library the host uses: it never reaches back into main/, renderer/ or fleet/.',
  },
  fleet: {
    imports: ['common', 'kiosk-config'],
    why: 'The fleet server shares the contract and the config schema with kiosks, nothing else.',
  },
  tests: { imports: '*', why: 'Tests may import anything.' },
  bench: { imports: '*', why: 'Benchmarks may import anything.' },
  build: { imports: '*', why: 'Build scripts may import anything.' },
  '(repository root)': { imports: '*', why: 'Tool configs (vite, vitest, playwright, eslint) may import anything.' },
};

const nodeBuiltins = ['node:*', ...builtinModules, ...builtinModules.map((m) => `${m}/*`)];

const noNode = {
  group: nodeBuiltins,
  message: 'This folder runs in the browser: no Node built-ins. Ask the host over the bridge instead.',
};
const noElectron = {
  // A regex on the package name: relative paths into main/shells/electron/ (from its tests) are not it.
  regex: '^electron(/|$)',
  message: 'Only main/shells/electron/ may import electron, so the Chromium shell stays a full alternative.',
};

const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'test-results/**', 'playwright-report/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    plugins: { borne },
    rules: { 'borne/layers': ['error', { root, layers }] },
  },
  // Every folder but the Electron glue: no electron.
  { ignores: ['main/shells/electron/**'], rules: restrict(noElectron) },
  { files: ['renderer/**', 'fleet/console/src/**'], rules: restrict(noElectron, noNode) },
  // common/ needs no package ban of its own: borne/layers lets it import zod and nothing else.
  { files: ['common/**'], rules: { 'no-restricted-imports': 'off' } },
);
