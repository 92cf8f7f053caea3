import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openPtyPair, type PtyPair } from '../../../devices/simulators/pty-pair';
import { SerialTransport } from '../../../devices/transports/serial-transport';
import { tempFolder } from './support';

// Parity only matters on a real UART, but the setting still reaches the kernel on a pty, where stty reads
// it back. Linux's pty driver forces CS8 and clears PARENB on every change (drivers/tty/pty.c,
// pty_set_termios) and keeps PARODD: so a pty shows `odd` arriving, and cannot tell `even` from `none`.
/** Every word `stty -a` prints for the line: its speed and flags such as `parodd` or `-cstopb`. */
const termiosFlags = async (path: string): Promise<string[]> => {
  const { stdout } = await promisify(execFile)('stty', ['-F', path, '-a']);
  return stdout.split(/[\s;]+/);
};

let folder: Awaited<ReturnType<typeof tempFolder>>;
let pair: PtyPair;
let transport: SerialTransport | undefined;

beforeEach(async () => {
  folder = await tempFolder();
  const opened = await openPtyPair({ kioskPath: folder.path('line'), devicePath: folder.path('line.sim') });
  if (!opened.ok) throw new Error(opened.error);
  pair = opened.value;
});

afterEach(async () => {
  await transport?.close();
  transport = undefined;
  await pair.stop();
  await folder.remove();
});

it.each([
  ['odd parity when asked (the CMS50D+ runs 8O1)', 'odd', 'parodd'],
  ['no parity by default', undefined, '-parodd'],
] as const)('opens the line with %s', async (_label, parity, flag) => {
  transport = new SerialTransport({ path: pair.kioskPath, baudRate: 19200, parity });
  await transport.open();
  expect(transport.status).toEqual({ state: 'ready' });
  expect(await termiosFlags(pair.kioskPath)).toEqual(expect.arrayContaining(['19200', flag, 'cs8', '-cstopb']));
});
