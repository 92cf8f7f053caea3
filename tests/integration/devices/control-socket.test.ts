import { connect, type Socket } from 'node:net';
import { writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fail, ok } from '../../../common/result';
import { askHost } from '../../../devices/control-client';
import { MAX_REQUEST_BYTES } from '../../../devices/control-protocol';
import { ControlServer } from '../../../devices/control-server';
import { silentLogger } from '../../../devices/logger';
import { DeviceManager } from '../../../devices/manager';
import { tempFolder } from './support';

/** Sends raw text on a fresh connection and answers every line the server sends back until it closes or goes quiet. */
function exchange(socketPath: string, text: string, quietMs = 300): Promise<{ lines: string[]; closed: boolean }> {
  return new Promise((resolve) => {
    const socket = connect(socketPath);
    let received = '';
    let closed = false;
    let quiet: NodeJS.Timeout;
    const done = () => {
      socket.destroy();
      resolve({ lines: received.split('\n').filter(Boolean), closed });
    };
    socket.on('connect', () => socket.write(text));
    socket.on('data', (chunk) => {
      received += chunk.toString();
      clearTimeout(quiet);
      quiet = setTimeout(done, quietMs);
    });
    socket.on('close', () => {
      closed = true;
      clearTimeout(quiet);
      done();
    });
    quiet = setTimeout(done, quietMs * 3);
  });
}

describe('the device control socket', () => {
  let folder: Awaited<ReturnType<typeof tempFolder>>;
  let manager: DeviceManager;
  let server: ControlServer | undefined;
  let visitOn = false;
  let socketPath: string;

  beforeEach(async () => {
    folder = await tempFolder();
    socketPath = folder.path('devices.sock');
    visitOn = false;
    manager = new DeviceManager({
      thermometer: { serial: { path: folder.path('thermometer'), baudRate: 9600 }, simulator: { everySeconds: 0.2, celsius: 37 } },
    }, silentLogger);
    await manager.start();
    const opened = await ControlServer.open({ socketPath, manager, logger: silentLogger,
      mayRead: () => (visitOn ? fail('a visit is on') : ok(undefined)) });
    if (!opened.ok) throw new Error(opened.error);
    server = opened.value;
  });

  afterEach(async () => {
    await server?.close();
    await manager.stop();
    await folder.remove();
  });

  it('answers status with each device\'s health, and a reading only while no visit is on', async () => {
    expect(await askHost(socketPath, { op: 'status' }, 5_000)).toEqual(ok({ ok: true, devices: [
      { id: 'thermometer', kind: 'thermometer', state: 'ok', lastError: null, malformedFrames: 0, refusedReadings: 0 },
    ] }));
    const read = await askHost(socketPath, { op: 'read', device: 'thermometer', timeoutSeconds: 10 }, 15_000);
    expect(read).toMatchObject({ ok: true, value: { ok: true, measurement: { kind: 'thermometer', site: 'ear' } } });
    visitOn = true;
    expect(await askHost(socketPath, { op: 'read', device: 'thermometer' }, 5_000)).toEqual(ok({ ok: false, error: 'a visit is on' }));
    expect(await askHost(socketPath, { op: 'read', device: 'pulseOximeter' }, 5_000)).toEqual(ok({ ok: false, error: 'this kiosk has no pulseOximeter' }));
  });

  it('answers each malformed request with an error and keeps the connection', async () => {
    const { lines, closed } = await exchange(socketPath, 'not json\n{"op":"reboot"}\n{"op":"read","device":"toaster"}\n{"op":"status"}\n');
    expect(closed).toBe(false);
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      { ok: false, error: 'a request is one JSON object per line, for example {"op":"status"}' },
      { ok: false, error: expect.stringMatching(/^bad request at op: /) },
      { ok: false, error: expect.stringMatching(/^bad request at device: /) },
      { ok: true, devices: [expect.objectContaining({ id: 'thermometer' })] },
    ]);
  });

  it('closes a connection that sends a line too long to be a request, and serves the next one', async () => {
    const { lines, closed } = await exchange(socketPath, 'x'.repeat(MAX_REQUEST_BYTES * 4));
    expect(closed).toBe(true);
    expect(JSON.parse(lines[0]!)).toEqual({ ok: false, error: `a request is one JSON line of at most ${MAX_REQUEST_BYTES} bytes` });
    expect(await askHost(socketPath, { op: 'status' }, 5_000)).toMatchObject({ ok: true });
  });

  it('drops a client that floods requests without reading the answers, and serves the next one', async () => {
    const flooder: Socket = connect(socketPath);
    flooder.pause(); // never reads
    const closed = new Promise<void>((resolve) => flooder.on('close', () => resolve()));
    flooder.on('error', () => {});
    await new Promise<void>((resolve) => flooder.on('connect', () => resolve()));
    const burst = '{"op":"status"}\n'.repeat(2_000);
    const pump = setInterval(() => {
      if (!flooder.destroyed) flooder.write(burst);
    }, 5);
    await closed;
    clearInterval(pump);
    expect(await askHost(socketPath, { op: 'status' }, 5_000)).toMatchObject({ ok: true });
  });

  it('refuses to start where another host answers, and replaces the socket file of a host that died', async () => {
    const second = await ControlServer.open({ socketPath, manager, logger: silentLogger, mayRead: () => ok(undefined) });
    expect(second).toEqual(fail(`another host already answers at ${socketPath}`));
    await server!.close();
    server = undefined;
    await writeFile(socketPath, ''); // what a killed host leaves: a file nobody answers
    const reopened = await ControlServer.open({ socketPath, manager, logger: silentLogger, mayRead: () => ok(undefined) });
    if (!reopened.ok) throw new Error(reopened.error);
    server = reopened.value;
    expect(await askHost(socketPath, { op: 'status' }, 5_000)).toMatchObject({ ok: true });
  });

  it('tells a client there is no host when nothing listens', async () => {
    expect(await askHost(folder.path('nobody.sock'), { op: 'status' }, 5_000))
      .toEqual(fail({ noHost: true, message: 'no kiosk host is running' }));
  });
});
