import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { FLEET_MESSAGE_MAX_BYTES } from '../../common/fleet-messages';
import { freeLoopbackPort } from '../../devices/simulators/free-port';

const run = promisify(execFile);
const PLUGIN = ['/usr/lib/x86_64-linux-gnu/mosquitto_dynamic_security.so', '/usr/lib/aarch64-linux-gnu/mosquitto_dynamic_security.so', '/usr/lib/mosquitto_dynamic_security.so'];

/**
 * A real Mosquitto 2 of the test's own: a private config in a temp folder, a free loopback port, no
 * anonymous access, the dynamic-security plugin with one admin (`admin` / a random password).
 * `stop()` ends it and deletes the folder. Needs Debian's mosquitto and mosquitto-clients.
 */
export interface TestMosquitto {
  port: number;
  /** mqtt://admin:<password>@127.0.0.1:<port>, for `--mqtt`. */
  adminUrl: string;
  stop(): Promise<void>;
}

export async function startMosquitto(): Promise<TestMosquitto> {
  const plugin = PLUGIN.find((file) => existsSync(file));
  if (!plugin) throw new Error('no mosquitto_dynamic_security.so: run build/system-packages.sh');
  const dir = mkdtempSync(path.join(tmpdir(), 'borne-mosquitto-'));
  const password = `admin-${Math.random().toString(36).slice(2)}`;
  const port = await freeLoopbackPort();
  let child: ChildProcess | undefined;
  try {
    await run('mosquitto_ctrl', ['dynsec', 'init', path.join(dir, 'dynsec.json'), 'admin', password]);
    writeFileSync(path.join(dir, 'mosquitto.conf'), [
      `listener ${port} 127.0.0.1`,
      'allow_anonymous false',
      `plugin ${plugin}`,
      `plugin_opt_config_file ${path.join(dir, 'dynsec.json')}`,
      'persistence false',
      `max_packet_size ${FLEET_MESSAGE_MAX_BYTES + 1024}`,
      // Under root Mosquitto would switch to its own user, which cannot read our 0700 temp folder.
      ...(process.getuid?.() === 0 ? ['user root'] : []),
      'log_dest stderr',
      'log_type error',
      'log_type warning',
      '',
    ].join('\n'));
    child = spawn('mosquitto', ['-c', path.join(dir, 'mosquitto.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
    await listening(port, child, () => log);
  } catch (error) {
    child?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const started = child;
  return {
    port,
    adminUrl: `mqtt://admin:${password}@127.0.0.1:${port}`,
    async stop() {
      await new Promise<void>((resolve) => {
        if (started.exitCode !== null) return resolve();
        started.once('exit', () => resolve());
        started.kill('SIGTERM');
      });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Resolves once the port takes connections; rejects if Mosquitto exits first or takes over 10 s. */
async function listening(port: number, child: ChildProcess, log: () => string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) throw new Error(`mosquitto exited: ${log()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`mosquitto did not listen on ${port}: ${log()}`);
}
