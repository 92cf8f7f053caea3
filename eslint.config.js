// Lint enforces ARCHITECTURE.md's "may import" column: a wrong import fails CI, not a code review.
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', ...builtinModules, ...builtinModules.map((m) => `${m}/*`)];

const noNode = {
  group: nodeBuiltins,
  message: 'This folder runs in the browser or everywhere: no Node built-ins. Ask the host over the bridge instead.',
};
const noElectron = {
  // A regex, so that relative paths into main/shells/electron/ (from its tests) are not mistaken for it.
  regex: '^electron(/|$)',
  message: 'Only main/shells/electron/ may import electron, so the Chromium shell stays a full alternative.',
};
/** Forbids reaching the named top-level folders by climbing out with `../` (the only way to reach them). */
const noFolders = (folders, why) => ({
  regex: `^(\\.\\./)+(${folders.join('|')})(/|$)`,
  message: why,
});

const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'test-results/**', 'playwright-report/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // Every folder but the Electron glue: no electron.
  { files: ['**/*.{ts,tsx,js,mjs}'], ignores: ['main/shells/electron/**'], rules: restrict(noElectron) },
  {
    files: ['common/**'],
    rules: restrict(noElectron, noNode, noFolders(['main', 'renderer', 'devices', 'fleet', 'kiosk-config'],
      'common/ is the shared contract: it imports zod only.')),
  },
  {
    files: ['renderer/**'],
    rules: restrict(noElectron, noNode, noFolders(['main', 'devices', 'fleet', 'kiosk-config'],
      'The renderer is a view: it talks to the host through the bridge contract in common/ only.')),
  },
  {
    files: ['devices/**'],
    rules: restrict(noElectron, noFolders(['main', 'renderer', 'fleet'],
      'devices/ is a library the host uses: it never reaches back into main/, renderer/ or fleet/.')),
  },
  {
    files: ['kiosk-config/**'],
    rules: restrict(noElectron, noFolders(['main', 'renderer', 'devices', 'fleet'],
      'kiosk-config/ imports common/ only, so the fleet server can validate with the same schema.')),
  },
);
