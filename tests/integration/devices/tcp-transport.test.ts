import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DeviceStatus } from '../../../common/devices';
import { TcpTransport, type TcpTransportOptions } from '../../../devices/transports/tcp-transport';
import { freePort, listening } from './tcp-support';

// Real sockets on loopback: refused, closed, reset, and a peer that never reads.
describe('TcpTransport', () => {
  const servers: Server[] = [];
  const peers: Socket[] = [];
  const transports: TcpTransport[] = [];

  afterEach(async () => {
    for (const transport of transports.splice(0)) await transport.close();
    for (const peer of peers.splice(0)) peer.destroy();
    for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
  });

  function transportTo(port: number, options: Partial<TcpTransportOptions> = {}): { transport: TcpTransport; statuses: DeviceStatus[] } {
    const transport = new TcpTransport({ host: '127.0.0.1', port, retry: { firstMs: 20, maxMs: 100 }, ...options });
    const statuses: DeviceStatus[] = [];
    transport.on('status', (status) => statuses.push(status));
    transports.push(transport);
    return { transport, statuses };
  }

  /** A server on `port` that hands each connection to `accept`, closed after the test. */
  async function serve(port: number, accept: (socket: Socket) => void): Promise<Server> {
    const server = createServer((socket) => {
      socket.on('error', () => {});
      peers.push(socket);
      accept(socket);
    });
    await listening(server, port);
    servers.push(server);
    return server;
  }

  it('says nothing listens at the address, as absent, and connects by itself once something does', async () => {
    const port = await freePort();
    const { transport, statuses } = transportTo(port);
    await transport.open();
    expect(transport.status).toEqual({
      state: 'offline', absent: true,
      reason: `nothing listens at 127.0.0.1:${port} (connection refused): is the device on, and are its address and port right?`,
    });
    await serve(port, () => {});
    await vi.waitFor(() => expect(transport.status).toEqual({ state: 'ready' }));
    expect(statuses.map((s) => s.state)).toEqual(['connecting', 'offline', 'ready']);
  });

  it('passes bytes both ways while connected, and refuses to write when not', async () => {
    const port = await freePort();
    const received: Buffer[] = [];
    await serve(port, (socket) => {
      socket.on('data', (chunk: Buffer) => received.push(chunk));
      socket.write(Uint8Array.of(0x12));
    });
    const { transport } = transportTo(port);
    const data: number[] = [];
    transport.on('data', (chunk) => data.push(...chunk));
    await transport.open();
    expect(await transport.write(Uint8Array.of(0x10, 0x04, 0x01))).toEqual({ ok: true, value: undefined });
    await vi.waitFor(() => expect(Buffer.concat(received)).toEqual(Buffer.of(0x10, 0x04, 0x01)));
    await vi.waitFor(() => expect(data).toEqual([0x12]));
    await transport.close();
    expect(transport.status).toEqual({ state: 'offline', reason: 'closed' });
    expect(await transport.write(Uint8Array.of(0x0a))).toEqual({ ok: false, error: `cannot write to 127.0.0.1:${port}: not connected` });
  });

  it('tells a peer that closed from one that reset, and reconnects after either', async () => {
    const port = await freePort();
    let connections = 0;
    await serve(port, (socket) => {
      connections++;
      if (connections === 1) socket.end();
      else if (connections === 2) socket.once('data', () => socket.resetAndDestroy());
    });
    const { transport, statuses } = transportTo(port);
    await transport.open();
    await vi.waitFor(() => expect(connections).toBe(2));
    await vi.waitFor(() => expect(transport.status).toEqual({ state: 'ready' }));
    await transport.write(Uint8Array.of(0x0a));
    await vi.waitFor(() => expect(connections).toBe(3));
    await vi.waitFor(() => expect(transport.status).toEqual({ state: 'ready' }));
    expect(statuses).toContainEqual({ state: 'offline', reason: `lost 127.0.0.1:${port}: the device closed the connection` });
    expect(statuses).toContainEqual({ state: 'offline', reason: `lost 127.0.0.1:${port}: the device reset the connection` });
  });

  it('holds at most its limit for a peer that never reads, then drops the connection and makes it again', async () => {
    const port = await freePort();
    let connections = 0;
    await serve(port, (socket) => {
      connections++;
      socket.pause(); // accepts, never reads
    });
    const maxUnsentBytes = 64 * 1024;
    const { transport, statuses } = transportTo(port, { maxUnsentBytes, writeTimeoutMs: 60_000 });
    await transport.open();
    const chunk = new Uint8Array(16 * 1024);
    let mostHeld = 0;
    let refusal: string | undefined;
    // The OS's buffers on loopback take a few megabytes before anything is held in Borne's memory.
    for (let i = 0; i < 20_000 && refusal === undefined; i++) {
      void transport.write(chunk).then((written) => {
        if (!written.ok) refusal ??= written.error;
      });
      mostHeld = Math.max(mostHeld, transport.unsentBytes);
      if (i % 64 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    expect(refusal).toMatch(new RegExp(`^(cannot write to|write to) 127\\.0\\.0\\.1:${port}`));
    expect(mostHeld).toBeGreaterThan(0);
    expect(mostHeld).toBeLessThanOrEqual(maxUnsentBytes + chunk.length);
    expect(statuses).toContainEqual({ state: 'offline', reason: expect.stringMatching(new RegExp(`^lost 127\\.0\\.0\\.1:${port}: the device stopped reading \\(\\d+ KB not taken\\)$`)) });
    expect(transport.unsentBytes).toBe(0);
    await vi.waitFor(() => expect(connections).toBeGreaterThanOrEqual(2));
  });

  it('gives up a write the peer does not take in time, and says the peer stopped reading', async () => {
    const port = await freePort();
    await serve(port, (socket) => socket.pause());
    const { transport, statuses } = transportTo(port, { writeTimeoutMs: 200, maxUnsentBytes: 1024 * 1024 * 1024 });
    await transport.open();
    const chunk = new Uint8Array(1024 * 1024);
    let written = await transport.write(chunk);
    for (let i = 0; i < 200 && written.ok; i++) written = await transport.write(chunk);
    expect(written).toEqual({ ok: false, error: `write to 127.0.0.1:${port} timed out: the device stopped reading` });
    expect(statuses).toContainEqual({ state: 'offline', reason: `lost 127.0.0.1:${port}: the device stopped reading (nothing taken for 200 ms)` });
  });

  it('says an unknown host is unknown, as absent', async () => {
    const transport = new TcpTransport({ host: 'printer.invalid', port: 9100, retry: { firstMs: 60_000, maxMs: 60_000 } });
    transports.push(transport);
    await transport.open();
    expect(transport.status).toEqual({ state: 'offline', absent: true, reason: 'unknown host printer.invalid: check the device\'s address in the profile' });
  });
});
