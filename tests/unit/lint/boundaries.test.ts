import { describe, expect, it } from 'vitest';
import { importErrors } from './lint-imports';

// One file per boundary of ARCHITECTURE.md's "may import" column, placed where it would break it.
describe('folder boundaries', () => {
  it.each([
    // common/: zod only, no other folder.
    ['common/leak.ts', "import { x } from '../kiosk-config/schema';", 'common/ may not import kiosk-config/'],
    ['common/leak.ts', "import { x } from '../devices/manager';", 'common/ may not import devices/'],
    ['common/leak.ts', "import { x } from '../main/host';", 'common/ may not import main/'],
    ['common/leak.ts', "import { x } from '../renderer/src/App';", 'common/ may not import renderer/'],
    ['common/leak.ts', "import { x } from '../fleet/server';", 'common/ may not import fleet/'],
    ['common/leak.ts', "import { join } from 'path';", "may not import the package 'path'"],
    ['common/leak.ts', "import { readFile } from 'node:fs/promises';", "may not import the package 'node:fs/promises'"],
    ['common/leak.ts', "import { app } from 'electron';", "may not import the package 'electron'"],
    ['common/leak.ts', "import { useState } from 'react';", 'it may import zod only'],
    // kiosk-config/: common only.
    ['kiosk-config/leak.ts', "import { x } from '../devices/registry';", 'kiosk-config/ may not import devices/'],
    ['kiosk-config/leak.ts', "import { x } from '../main/host';", 'kiosk-config/ may not import main/'],
    ['kiosk-config/leak.ts', "import { x } from '../renderer/src/App';", 'kiosk-config/ may not import renderer/'],
    ['kiosk-config/leak.ts', "import { x } from '../fleet/server';", 'kiosk-config/ may not import fleet/'],
    ['kiosk-config/leak.ts', "import { app } from 'electron';", 'Only main/shells/electron/'],
    // main/: common, kiosk-config, devices.
    ['main/leak.ts', "import { x } from '../renderer/src/App';", 'main/ may not import renderer/'],
    ['main/leak.ts', "import { x } from '../fleet/server';", 'main/ may not import fleet/'],
    ['main/session/leak.ts', "import { x } from '../../fleet/server/api';", 'main/ may not import fleet/'],
    ['main/shells/electron/leak.ts', "import { x } from '../../../renderer/src/bridge/connect';", 'main/ may not import renderer/'],
    ['main/leak.ts', "import { x } from '../vite.config';", 'main/ may not import (repository root)'],
    ['main/leak.ts', "import { app } from 'electron';", 'Only main/shells/electron/'],
    ['main/shells/chromium/leak.ts', "import { app } from 'electron';", 'Only main/shells/electron/'],
    // renderer/: common only, browser APIs, no Node.
    ['renderer/src/leak.ts', "import { x } from '../../main/host';", 'renderer/ may not import main/'],
    ['renderer/src/leak.ts', "import { x } from '../../devices/manager';", 'renderer/ may not import devices/'],
    ['renderer/src/leak.ts', "import { x } from '../../kiosk-config/schema';", 'renderer/ may not import kiosk-config/'],
    ['renderer/src/leak.ts', "import { x } from '../../fleet/server';", 'renderer/ may not import fleet/'],
    ['renderer/src/leak.ts', "import { readFileSync } from 'node:fs';", 'no Node built-ins'],
    ['renderer/src/leak.ts', "import fs from 'fs';", 'no Node built-ins'],
    ['renderer/src/leak.ts', "import { ipcRenderer } from 'electron';", 'Only main/shells/electron/'],
    // devices/: common only.
    ['devices/drivers/leak.ts', "import { runHost } from '../../main/host';", 'devices/ may not import main/'],
    ['devices/leak.ts', "import { x } from '../renderer/src/x';", 'devices/ may not import renderer/'],
    ['devices/leak.ts', "import { x } from '../fleet/server';", 'devices/ may not import fleet/'],
    ['devices/leak.ts', "import { x } from '../kiosk-config/schema';", 'devices/ may not import kiosk-config/'],
    ['devices/leak.ts', "import { app } from 'electron';", 'Only main/shells/electron/'],
    // fleet/: common, kiosk-config.
    ['fleet/server/leak.ts', "import { x } from '../../main/host';", 'fleet/ may not import main/'],
    ['fleet/server/leak.ts', "import { x } from '../../devices/manager';", 'fleet/ may not import devices/'],
    ['fleet/console/leak.ts', "import { x } from '../../renderer/src/App';", 'fleet/ may not import renderer/'],
    ['fleet/server/leak.ts', "import { app } from 'electron';", 'Only main/shells/electron/'],
    // A folder nobody placed on the map is refused until someone does.
    ['scripts/leak.ts', 'export const x = 1;', 'scripts/ has no entry in the layer map'],
  ])('%s: %s is refused', async (file, source, reason) => {
    const errors = await importErrors(file, source);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(reason);
  });

  it('names the layer, the resolved path, what is allowed and why', async () => {
    const [error] = await importErrors('main/session/leak.ts', "import { x } from '../../renderer/src/App';");
    expect(error).toBe(
      "main/ may not import renderer/: '../../renderer/src/App' resolves to renderer/src/App. " +
        'main/ may import main/, common/, kiosk-config/, devices/. ' +
        'The host never reaches into a view (renderer/) or the server (fleet/).',
    );
  });

  it.each([
    ['common/ok.ts', "import { LanguageSchema } from './language';"],
    ['common/ok.ts', "import { z } from 'zod';"],
    ['common/ok.ts', "import { z } from 'zod/v4';"],
    ['kiosk-config/ok.ts', "import { LanguageSchema } from '../common/language';"],
    ['kiosk-config/ok.ts', "import { open } from 'node:fs/promises';"],
    ['main/ok.ts', "import { loadProfile } from '../kiosk-config/load';"],
    ['main/ok.ts', "import { DeviceManager } from '../devices/manager';"],
    ['main/ok.ts', "import { readFile } from 'node:fs/promises';"],
    ['main/shells/electron/ok.ts', "import { app } from 'electron';"],
    ['main/shells/electron/ok.ts', "import { runHost } from '../../host';"],
    ['renderer/src/ok.ts', "import { RendererEventSchema } from '../../common/bridge';"],
    ['devices/drivers/ok.ts', "import { ok } from '../../common/result';"],
    ['fleet/server/ok.ts', "import { ProfileSchema } from '../../kiosk-config/schema';"],
    ['fleet/server/ok.ts', "import { HostMessageSchema } from '../../common/bridge';"],
    ['tests/unit/ok.test.ts', "import { ElectronShell } from '../../main/shells/electron/electron-shell';"],
    ['tests/unit/ok.test.ts', "import { App } from '../../renderer/src/App';"],
    ['bench/benches/ok.ts', "import { runHost } from '../../main/host';"],
    ['build/ok.mjs', "import { x } from '../fleet/server';"],
    ['vite.config.ts', "import { x } from './renderer/src/App';"],
  ])('%s: %s is allowed', async (file, source) => {
    expect(await importErrors(file, source)).toEqual([]);
  });
});
