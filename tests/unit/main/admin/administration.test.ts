import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AdminConfigSchema } from '../../../../kiosk-config/admin-schema';
import { Administration } from '../../../../main/admin/administration';
import { captureLog } from '../../../support/capture-log';

const PIN_HASH = 'scrypt$N=16384,r=8,p=1$3SsVL/HlZTVqP8thab0fKQ==$ecvrCO3D11vU70OMm4Yxp+uTkg3jrg1kXZRkZL4kkyU=';
const config = AdminConfigSchema.parse({ pinHash: PIN_HASH });
const folders: string[] = [];
const stateDir = () => folders[folders.push(mkdtempSync(path.join(tmpdir(), 'borne-admin-'))) - 1]!;
afterEach(() => { for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true }); });
const always = () => true;
const never = () => false;

describe('the host side of the administrator exit', () => {
  it('ignores the gesture on a profile without an admin section, and says so once', async () => {
    const { log, lines } = captureLog();
    const admin = await Administration.open(undefined, stateDir(), log);
    expect(admin.admit({ type: 'ADMIN.OPEN' }, always)).toEqual({ admit: false });
    expect(admin.admit({ type: 'ADMIN.OPEN' }, always)).toEqual({ admit: false });
    expect(lines.filter((l) => String(l.msg).startsWith('administrator gesture ignored'))).toHaveLength(1);
  });

  it('refuses a panel command the machine would not take, logs it and says why', async () => {
    const { log, lines } = captureLog();
    const admin = await Administration.open(config, stateDir(), log);
    expect(admin.admit({ type: 'ADMIN.RESTART' }, never)).toEqual({ admit: false, reason: 'ADMIN.RESTART refused: not authenticated' });
    expect(lines.at(-1)).toMatchObject({ msg: 'refused an administrator command: the panel is not open with a right PIN', command: 'ADMIN.RESTART' });
    expect(admin.admit({ type: 'ADMIN.RESTART' }, always)).toEqual({ admit: true });
  });

  it('remembers across a restart that an administrator left maintenance mode on', async () => {
    const dir = stateDir();
    const { log } = captureLog();
    const first = await Administration.open(config, dir, log);
    expect(first.maintenanceWasOn).toBe(false);
    first.record('maintenance-on', 'fleet');
    await first.journal.append({ event: 'restart', source: 'panel' });
    expect((await Administration.open(config, dir, log)).maintenanceWasOn).toBe(true);
    const again = await Administration.open(config, dir, log);
    await again.journal.append({ event: 'maintenance-off', source: 'panel' });
    expect((await Administration.open(config, dir, log)).maintenanceWasOn).toBe(false);
  });
});
