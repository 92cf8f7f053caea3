import { setTimeout as sleep } from 'node:timers/promises';
import { SerialPort } from 'serialport';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeviceStatus } from '../../../common/devices';
import { openPtyPair, type PtyPair } from '../../../devices/simulators/pty-pair';
import { SerialTransport } from '../../../devices/transports/serial-transport';
import { nextEvent, tempFolder } from './support';

describe('SerialTransport on a real pty', () => {
  let folder: Awaited<ReturnType<typeof tempFolder>>;
  let pair: PtyPair | undefined;
  let transport: SerialTransport;
  let devicePort: SerialPort | undefined;

  const kioskPath = () => folder.path('line');
  const openPair = async (): Promise<PtyPair> => {
    const opened = await openPtyPair({ kioskPath: kioskPath(), devicePath: folder.path('line.sim') });
    if (!opened.ok) throw new Error(opened.error);
    return (pair = opened.value);
  };

  beforeEach(async () => {
    folder = await tempFolder();
    transport = new SerialTransport({
      path: kioskPath(), baudRate: 9600, retry: { firstMs: 20, maxMs: 50 }, livenessMs: 50,
    });
  });

  afterEach(async () => {
    await transport.close();
    if (devicePort?.isOpen) await new Promise((resolve) => devicePort?.close(resolve));
    await pair?.stop();
    pair = undefined;
    await folder.remove();
  });

  it('carries bytes both ways', async () => {
    await openPair();
    await transport.open();
    devicePort = new SerialPort({ path: folder.path('line.sim'), baudRate: 9600 });
    await nextEvent(devicePort, 'open');

    const atDevice = nextEvent<[Buffer]>(devicePort, 'data');
    expect(await transport.write(Uint8Array.of(1, 2, 3))).toEqual({ ok: true, value: undefined });
    expect([...(await atDevice)[0]]).toEqual([1, 2, 3]);

    const atKiosk = nextEvent<[Uint8Array]>(transport, 'data');
    devicePort.write(Buffer.from([4, 5]));
    expect([...(await atKiosk)[0]]).toEqual([4, 5]);
  });

  it('fails writes when not open, and after close', async () => {
    expect((await transport.write(Uint8Array.of(1))).ok).toBe(false);
    await openPair();
    await transport.open();
    await transport.close();
    expect(await transport.write(Uint8Array.of(1))).toEqual({ ok: false, error: expect.stringMatching(/not open/) });
  });

  it('reports offline "closed" on close, and closing twice is harmless', async () => {
    await openPair();
    await transport.open();
    const statuses: DeviceStatus[] = [];
    transport.on('status', (s) => statuses.push(s));
    await transport.close();
    await transport.close();
    expect(statuses).toEqual([{ state: 'offline', reason: 'closed' }]);
  });

  it('goes offline when socat is killed outright, leaving a dangling link', async () => {
    const killed = await openPair();
    await transport.open();
    const offline = nextEvent<[DeviceStatus]>(transport, 'status', (s) => s.state === 'offline');
    process.kill(killed.pid, 'SIGKILL');
    // Whichever sees it first (the port's hang-up or the liveness check), the dangling link means the device is absent.
    expect((await offline)[0]).toEqual({ state: 'offline', reason: expect.stringContaining('lost'), absent: true });
  });

  it('stops retrying once closed', async () => {
    await transport.open();
    expect(transport.status.state).toBe('offline');
    await transport.close();
    const statuses: DeviceStatus[] = [];
    transport.on('status', (s) => statuses.push(s));
    await openPair();
    await sleep(300); // several times the longest backoff: a pending retry would have opened the line by now
    expect(statuses).toEqual([]);
    expect(transport.status).toEqual({ state: 'offline', reason: 'closed' });
  });
});
