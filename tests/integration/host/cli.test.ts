import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { writeProfile } from '../../support/kiosk-process';

// The built host, started as `npm start` starts it, refusing to start for reasons a technician can fix.
function startHost(args: string[], env: NodeJS.ProcessEnv = {}) {
  const run = spawnSync(process.execPath, ['dist/host/cli.js', ...args],
    { encoding: 'utf8', timeout: 20_000, env: { ...process.env, ...env } });
  return { code: run.status, stderr: run.stderr };
}

describe('the kiosk host refuses to start, with one readable message', () => {
  it('on an invalid profile: file, field path and reason', () => {
    const file = writeProfile({ kiosk: { id: 'mairie-x', name: 'x' }, languages: { offered: ['fr'], default: 'fr' },
      session: { idleTimeoutSeconds: 2 } });
    const { code, stderr } = startHost(['--shell', 'chromium', '--profile', file]);
    expect(code).toBe(1);
    expect(stderr).toContain('Borne could not start: the profile is invalid:');
    expect(stderr).toContain(`${file}: session.idleTimeoutSeconds: Too small: expected number to be >=5`);
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace on the console
  });

  it('when the test CDP endpoint is asked of a profile that does not allow it', () => {
    const { code, stderr } = startHost(['--shell', 'chromium', '--profile', 'mairie', '--test-cdp-port', '0']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/--test-cdp-port is refused: .*mairie\.json does not set shell\.allowTestAutomation/);
  });

  it('when Chromium cannot be found', () => {
    const { code, stderr } = startHost(['--shell', 'chromium', '--profile', 'test'], { CHROMIUM_PATH: '/nonexistent/chromium' });
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
});
