import { describe, expect, it } from 'vitest';
import { importErrors } from './lint-imports';

// borne/layers resolves each import to a path in the repository before naming its layer: a folder
// named like a layer is judged by where it really is, and no spelling of a path or import syntax escapes.
describe('layer resolution', () => {
  it.each([
    ['devices/x.ts', "import { x } from './main';"],
    ['devices/main.ts', "import { DeviceManager } from './manager';"],
    ['devices/drivers/x.ts', "import { x } from '../main/host';"],
    ['renderer/src/devices/x.ts', "import { y } from '../devices/y';"],
    ['renderer/src/screens/x.ts', "import { x } from '../main';"],
    ['renderer/src/fleet/x.ts', "import { x } from '../../src/main/y';"],
    ['common/renderer/x.ts', "import { y } from '../renderer/y';"],
    ['fleet/server/main/x.ts', "import { y } from '../main/y';"],
    ['main/shells/chromium/x.ts', "import { BridgeHub } from '../../bridge/hub';"],
    ['main/shells/chromium/a/b/c.ts', "import { Logger } from '../../../../log';"],
    ['main/x.ts', "import { y } from './renderer/y';"],
  ])('%s: %s stays inside its own folder and is allowed', async (file, source) => {
    expect(await importErrors(file, source)).toEqual([]);
  });

  it.each([
    ['renderer/src/x.ts', "import { x } from './../../main/host';", 'renderer/ may not import main/'],
    ['renderer/src/x.ts', "import { x } from '../src/../../main/host';", 'renderer/ may not import main/'],
    ['renderer/src/x.ts', "import { x } from '../../renderer/../devices/manager';", 'renderer/ may not import devices/'],
    ['devices/x.ts', "import { x } from '..//main/host';", 'devices/ may not import main/'],
    ['main/x.ts', "import { x } from '../../outside';", 'resolves outside the repository'],
    ['main/x.ts', "import { x } from '/etc/passwd';", 'resolves outside the repository'],
  ])('%s: %s is resolved and refused', async (file, source, reason) => {
    const errors = await importErrors(file, source);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(reason);
  });

  it.each([
    ['import type', "import type { Profile } from '../../main/host';"],
    ['export from', "export { runHost } from '../../main/host';"],
    ['export *', "export * from '../../main/host';"],
    ['dynamic import', "export const load = () => import('../../main/host');"],
    ['require', "export const host = require('../../main/host');"],
    ['import = require', "import host = require('../../main/host');\nexport { host };"],
    ['type-level import()', "export type Host = import('../../main/host').Host;"],
  ])('%s of a forbidden layer is refused', async (_syntax, source) => {
    const errors = await importErrors('renderer/src/x.ts', source);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('renderer/ may not import main/');
  });
});
