import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// Feeds the real lint config one file per rule, placed where it would break a boundary.
const eslint = new ESLint({ cwd: process.cwd() });

async function importErrors(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('folder boundaries', () => {
  it.each([
    ['renderer/src/leak.ts', "import { readFileSync } from 'node:fs';", 'no Node built-ins'],
    ['renderer/src/leak.ts', "import fs from 'fs';", 'no Node built-ins'],
    ['common/leak.ts', "import { join } from 'path';", 'no Node built-ins'],
    ['renderer/src/leak.ts', "import { ipcRenderer } from 'electron';", 'Only main/shells/electron/'],
    ['common/leak.ts', "import { app } from 'electron';", 'Only main/shells/electron/'],
    ['main/host-leak.ts', "import { app } from 'electron';", 'Only main/shells/electron/'],
    ['main/shells/chromium/leak.ts', "import { app } from 'electron';", 'Only main/shells/electron/'],
    ['devices/drivers/leak.ts', "import { runHost } from '../../main/host';", 'never reaches back into main/'],
    ['devices/leak.ts', "import { x } from '../renderer/src/x';", 'never reaches back'],
    ['devices/leak.ts', "import { x } from '../fleet/server';", 'never reaches back'],
    ['renderer/src/leak.ts', "import { x } from '../../main/host';", 'talks to the host through the bridge'],
    ['common/leak.ts', "import { x } from '../kiosk-config/schema';", 'imports zod only'],
  ])('%s: %s is refused', async (file, source, reason) => {
    const errors = await importErrors(file, source);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(reason);
  });

  it.each([
    ['main/shells/electron/ok.ts', "import { app } from 'electron';"],
    ['devices/drivers/ok.ts', "import { ok } from '../../common/result';"],
    ['renderer/src/ok.ts', "import { RendererEventSchema } from '../../common/bridge';"],
    ['common/ok.ts', "import { LanguageSchema } from './language';"],
    ['main/ok.ts', "import { readFile } from 'node:fs/promises';"],
    ['tests/unit/ok.test.ts', "import { ElectronShell } from '../../main/shells/electron/electron-shell';"],
  ])('%s: %s is allowed', async (file, source) => {
    expect(await importErrors(file, source)).toEqual([]);
  });
});
