// One socat pty pair in a bench's temporary folder, and the raw round trip over it: the floor under any
// reading a serial device sends the kiosk.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { DisposableStore } from '../common/disposables';
import { openDeviceLine } from '../devices/simulators/device-line';
import { openPtyPair, type PtyPair } from '../devices/simulators/pty-pair';
import type { SerialTransport } from '../devices/transports/serial-transport';

/** The baud rate of the bench's thermometer; a pty ignores it, but both ends say the same. */
export const BAUD_RATE = 9600;
const WARM_UP_TRIPS = 10;

/** A pty pair with links `<name>-kiosk` and `<name>-device` in `folder`, stopped with `store`. */
export async function ptyPairIn(folder: string, name: string, store: DisposableStore): Promise<PtyPair> {
  const pair = await openPtyPair({ kioskPath: path.join(folder, `${name}-kiosk`), devicePath: path.join(folder, `${name}-device`) });
  if (!pair.ok) throw new Error(pair.error);
  store.add(() => pair.value.stop());
  return pair.value;
}

/** One end of a pair opened through the serial transport the kiosk uses, closed with `store`. */
export async function lineEnd(linkPath: string, name: string, store: DisposableStore): Promise<SerialTransport> {
  const line = await openDeviceLine({ path: linkPath, baudRate: BAUD_RATE }, name);
  if (!line.ok) throw new Error(line.error);
  store.add(() => line.value.close());
  return line.value;
}

/**
 * Milliseconds from each write of `frame` on one end of a fresh pair to its last byte read on the other,
 * `count` times (after a few unmeasured), both ends through the serial transport.
 */
export async function ptyRoundTrips(folder: string, frame: Uint8Array, count: number, store: DisposableStore): Promise<number[]> {
  const pair = await ptyPairIn(folder, 'raw', store);
  const writer = await lineEnd(pair.devicePath, 'raw writer', store);
  const reader = await lineEnd(pair.kioskPath, 'raw reader', store);
  let received = 0;
  let whole: ((at: number) => void) | null = null;
  reader.on('data', (chunk) => {
    const at = performance.now();
    received += chunk.length;
    if (received >= frame.length) whole?.(at);
  });
  const times: number[] = [];
  for (let trip = -WARM_UP_TRIPS; trip < count; trip++) {
    received = 0;
    const read = new Promise<number>((resolve) => (whole = resolve));
    const written = performance.now();
    const sent = await writer.write(frame);
    if (!sent.ok) throw new Error(sent.error);
    const readAt = await read;
    if (trip >= 0) times.push(readAt - written);
  }
  return times;
}
