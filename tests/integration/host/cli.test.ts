import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServer, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { removeProfile, writeProfile } from '../../support/kiosk-process';
import { TEST_PROFILE } from '../../support/test-profile';
import { catalogFolder, sampleTexts } from '../../support/catalog-folder';

// The built host, started as `npm start` starts it, refusing to start for reasons a technician can fix.
function startHost(args: string[], env: NodeJS.ProcessEnv = {}) {
  const run = spawnSync(process.execPath, ['dist/host/cli.js', ...args],
    { encoding: 'utf8', timeout: 20_000, env: { ...process.env, ...env } });
  return { code: run.status, stderr: run.stderr, stdout: run.stdout };
}

const written: string[] = [];
const profileFile = (profile: unknown) => {
  const file = writeProfile(profile);
  written.push(file);
  return file;
};
afterEach(() => written.splice(0).forEach(removeProfile));

/** A port nobody listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Whether something accepts TCP connections on 127.0.0.1:port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
    socket.connect(port, '127.0.0.1');
  });
}

describe('the kiosk host refuses to start, with one readable message', () => {
  it('on an invalid profile: file, field path and reason', () => {
    const file = profileFile({ kiosk: { id: 'mairie-x', name: 'x' }, languages: { offered: ['fr'], default: 'fr' },
      session: { idleTimeoutSeconds: 2 } });
    const { code, stderr } = startHost(['--shell', 'chromium', '--profile', file]);
    expect(code).toBe(1);
    expect(stderr).toContain('Borne could not start: the profile is invalid:');
    expect(stderr).toContain(`${file}: session.idleTimeoutSeconds: Too small: expected number to be >=5`);
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace on the console
  });

  it('on an invalid procedure catalog, or a profile offering a procedure it does not have: file, procedure, field and reason', () => {
    const catalog = catalogFolder();
    try {
      catalog.addProcedure('passport');
      catalog.write('fr/passport.json', { ...sampleTexts('Passeport'), steps: ['Ouvrez\tle site.'] });
      const base = { kiosk: { id: 'mairie-x', name: 'x' }, languages: { offered: ['fr', 'en'], default: 'fr' } };
      const broken = startHost(['--shell', 'chromium', '--profile', profileFile({ ...base, catalog: { dir: catalog.dir } })]);
      expect(broken.code).toBe(1);
      expect(broken.stderr).toContain('Borne could not start: the procedure catalog is invalid:');
      expect(broken.stderr).toContain(`${catalog.dir}/fr/passport.json (procedure passport): steps.0: write step on one line, without tabs or control characters`);

      catalog.addProcedure('passport');
      const file = profileFile({ ...base, catalog: { dir: catalog.dir, procedures: ['id-card'] } });
      const unknown = startHost(['--shell', 'chromium', '--profile', file]);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toContain(`${file}: catalog.procedures.0: there is no procedure "id-card" in the catalog ${catalog.dir}`);
      expect(unknown.stderr).not.toMatch(/\n\s+at /);
    } finally {
      catalog.remove();
    }
  });

  it('when a copy of a production profile turns test automation on: no DevTools port opens', async () => {
    const mairie = JSON.parse(readFileSync('kiosk-config/profiles/mairie.json', 'utf8'));
    const file = profileFile({ ...mairie, shell: { allowTestAutomation: true } });
    const port = await freePort();
    const { code, stderr, stdout } = startHost(['--shell', 'chromium', '--profile', file, '--test-cdp-port', String(port)]);
    expect(code).toBe(1);
    expect(stderr).toBe('Borne could not start: the profile is invalid:\n'
      + `${file}: shell.allowTestAutomation: refused on a production kiosk (kiosk.purpose is "production", the default): `
      + 'set it to false, or set kiosk.purpose to "demo" or "test" if this kiosk never serves the public\n');
    // Refused while loading the profile: Chromium was never launched, so nothing ever listened on the port.
    expect(stdout).not.toContain('chromium launched');
    expect(stdout).not.toContain('cdpEndpoint');
    expect(await listening(port)).toBe(false);
  });

  it('when the test CDP endpoint is asked of a profile that does not allow it', () => {
    const { code, stderr } = startHost(['--shell', 'chromium', '--profile', 'mairie', '--test-cdp-port', '0']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/--test-cdp-port is refused: .*mairie\.json does not set shell\.allowTestAutomation/);
  });

  it('when Chromium cannot be found', () => {
    const { code, stderr } = startHost(['--shell', 'chromium', '--profile', TEST_PROFILE],
      { CHROMIUM_PATH: '/nonexistent/chromium' });
    expect(code).toBe(1);
    expect(stderr).toContain('CHROMIUM_PATH=/nonexistent/chromium is not an executable file');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('on options it does not know, with the usage', () => {
    const { code, stderr } = startHost(['--shell', 'firefox']);
    expect(code).toBe(2);
    expect(stderr).toContain('--shell must be one of electron, chromium');
    expect(stderr).toContain('usage: borne');
  });

  it('on a production profile whose Chromium policies are not installed, naming the command that installs them', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'borne-policies-'));
    try {
      const refused = startHost(['--shell', 'chromium', '--profile', 'mairie'], { BORNE_CHROMIUM_POLICY_DIR: dir });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/Borne could not start: Chromium's managed policies for this profile are not in place \(.*borne\.json is missing\): run sudo npm run install-policies -- --profile .*mairie\.json/);

      const install = spawnSync(process.execPath, ['dist/host/install-policies.js', '--profile', 'mairie'],
        { encoding: 'utf8', env: { ...process.env, BORNE_CHROMIUM_POLICY_DIR: dir } });
      expect(install.status).toBe(0);
      expect(install.stdout).toContain(`${dir}/borne.json`);
      // Past the policy check: the next thing it needs is Chromium itself.
      const next = startHost(['--shell', 'chromium', '--profile', 'mairie'], { BORNE_CHROMIUM_POLICY_DIR: dir, CHROMIUM_PATH: '/nonexistent/chromium' });
      expect(next.stderr).not.toContain('managed policies');
      expect(next.stderr).toContain('CHROMIUM_PATH=/nonexistent/chromium is not an executable file');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
