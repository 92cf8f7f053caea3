import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { processesMentioning } from './support';

export const PCSCD = '/usr/sbin/pcscd';
/** vpcd's first reader, on TCP 35963 (/etc/reader.conf.d/vpcd). */
export const VPCD_READER = 'Virtual PCD 00 00';

export interface Pcscd {
  /** False when a pcscd was already running: the tests use it and never stop it. */
  owned: boolean;
  stop(): Promise<void>;
}

/**
 * pcscd for the smart-card tests: a running one is reused as it is; otherwise one is started in the
 * foreground as a child and stopped by `stop()`. Resolves once it says it is ready.
 */
export async function startPcscd(): Promise<Pcscd> {
  if (!existsSync(PCSCD)) throw new Error(`${PCSCD} is missing: run build/system-packages.sh (pcscd, vsmartcard-vpcd)`);
  const running = (await processesMentioning('pcscd')).filter((line) => line.split(' ')[0]?.endsWith('pcscd'));
  if (running.length > 0) return { owned: false, stop: async () => {} };
  const child = spawn(PCSCD, ['--foreground', '--info'], { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    let said = '';
    const listen = (chunk: Buffer): void => {
      said += chunk.toString();
      if (said.includes('daemon ready')) resolve();
    };
    child.stdout!.on('data', listen);
    child.stderr!.on('data', listen);
    child.once('exit', (code) => reject(new Error(`pcscd exited (${code}) before it was ready: ${said.slice(-500)}`)));
  });
  return { owned: true, stop: () => stopChild(child) };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
