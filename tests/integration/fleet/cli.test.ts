import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startPostgres } from '../../support/postgres';

const running: ChildProcess[] = [];
afterEach(() => {
  for (const child of running.splice(0)) child.kill('SIGKILL');
});

/** Starts `npm run fleet`'s entry with tsx as npm would, and resolves with what it printed once it listens. */
function startFleet(args: string[]): Promise<{ child: ChildProcess; address: string; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'fleet/server/cli.ts', '--port', '0', '--mqtt-port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  running.push(child);
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const address = /OpenAPI: (http:\/\/\S+)\/api\/openapi\.json/.exec(output)?.[1];
      if (address) resolve({ child, address, output });
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`fleet server exited with ${code}: ${output}`)));
  });
}

function stopped(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

const login = (address: string, username: string, password: string) =>
  fetch(`${address}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });

describe('npm run fleet', () => {
  it.each(['sqlite', 'postgres'] as const)('on %s: prints the first administrator once, whose password logs in over HTTP', async (engine) => {
    const state = mkdtempSync(path.join(tmpdir(), 'borne-fleet-cli-'));
    const postgres = engine === 'postgres' ? await startPostgres() : undefined;
    try {
      const where = postgres ? ['--database', await postgres.freshDatabase()] : ['--state', state];
      const first = await startFleet(where);
      const [, username, password] = /first administrator \(shown this once\): (\S+) \/ (\S+)/.exec(first.output) ?? [];
      expect(username).toBe('admin');
      expect((await login(first.address, username!, password!)).status).toBe(200);
      expect((await login(first.address, username!, 'wrong')).status).toBe(401);
      expect(await stopped(first.child)).toBe(0);

      const second = await startFleet(where);
      expect(second.output).not.toMatch(/first administrator/);
      expect((await login(second.address, username!, password!)).status).toBe(200);
      expect(await stopped(second.child)).toBe(0);
    } finally {
      await postgres?.stop();
      rmSync(state, { recursive: true, force: true });
    }
  }, 60_000);

  it('refuses a --database that is not a PostgreSQL URL, saying so', async () => {
    await expect(startFleet(['--database', 'mysql://db/fleet'])).rejects.toThrow(/--database must be a postgres:\/\/ URL/);
  });

  it('refuses an --alert-interval that is not a whole number of seconds, saying so', async () => {
    await expect(startFleet(['--alert-interval', '0.5'])).rejects.toThrow(/--alert-interval must be 1 to 3600 seconds, not 0\.5/);
  });
});
