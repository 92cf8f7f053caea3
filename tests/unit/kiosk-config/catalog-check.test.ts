import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CATALOG_USAGE, checkCatalog } from '../../../kiosk-config/catalog-check';
import { catalogFolder, sampleFacts } from '../../support/catalog-folder';

let catalog: ReturnType<typeof catalogFolder>;
beforeEach(() => { catalog = catalogFolder(); });
afterEach(() => catalog.remove());

describe('npm run catalog -- check', () => {
  it('prints the count per group and per language of a valid catalog', async () => {
    catalog.addProcedure('passport');
    catalog.addProcedure('energy-cheque', ['fr', 'en'], { ...sampleFacts, group: 'energy', demo: true });
    const outcome = await checkCatalog(['check', '--dir', catalog.dir], '/unused');
    expect(outcome.exitCode).toBe(0);
    expect(outcome.output.split('\n')).toEqual([
      `${catalog.dir}: valid, 2 procedures in fr, en`,
      '1 marked demo: their addresses are examples, check them against the live sites before public use',
      'per group:', '  identity     1', '  energy       1',
      'per language:', '  fr           2', '  en           2',
    ]);
  });

  it('prints every problem, one line each, and fails', async () => {
    catalog.addProcedure('passport', ['fr']);
    const outcome = await checkCatalog(['check', '--dir', catalog.dir, '--languages', 'fr,en'], '/unused');
    expect(outcome).toEqual({
      exitCode: 1,
      output: `${catalog.dir}: 1 problem to fix:\n${path.join(catalog.dir, 'en')}: missing: the kiosk offers en, so create this folder with the en texts of every procedure`,
    });
  });

  it('explains its usage when the command line is wrong', async () => {
    expect(await checkCatalog([], '/unused')).toEqual({ exitCode: 2, output: CATALOG_USAGE });
    expect(await checkCatalog(['check', '--dir'], '/unused')).toEqual({ exitCode: 2, output: `--dir needs a value\n${CATALOG_USAGE}` });
    expect((await checkCatalog(['check', '--languages', 'fr,de'], '/unused')).output).toBe('--languages: de is not a language the kiosk speaks (fr, en, ar)');
  });

  it('runs as a command that exits 1 on an invalid catalog and 0 on the shipped one', async () => {
    const run = (...args: string[]) => promisify(execFile)(process.execPath, ['--import', 'tsx', 'main/catalog-cli.ts', ...args]);
    catalog.addProcedure('passport', ['fr', 'en'], { ...sampleFacts, minutes: 'twenty' });
    await expect(run('check', '--dir', catalog.dir)).rejects.toMatchObject({
      code: 1, stderr: expect.stringContaining('(procedure passport): minutes: give the estimated minutes as a whole number'),
    });
    const shipped = await run('check');
    expect(shipped.stdout).toMatch(/kiosk-config\/catalog: valid, \d+ procedures in fr, en, ar/);
  });
});
