import { describe, expect, it } from 'vitest';
import type { DeviceStatus } from '../../../../common/devices';
import { MemoryTransport } from '../../../../devices/transports/memory-transport';

// The fake must fail the way a serial port fails, or driver tests prove nothing.
describe('MemoryTransport', () => {
  it('goes connecting then ready on open, and offline "closed" on close', async () => {
    const transport = new MemoryTransport();
    const statuses: DeviceStatus[] = [];
    transport.on('status', (s) => statuses.push(s));
    await transport.open();
    await transport.close();
    expect(statuses).toEqual([{ state: 'connecting' }, { state: 'ready' }, { state: 'offline', reason: 'closed' }]);
  });

  it('refuses writes before open and after close', async () => {
    const transport = new MemoryTransport();
    expect((await transport.write(Uint8Array.of(1))).ok).toBe(false);
    await transport.open();
    expect(await transport.write(Uint8Array.of(2))).toEqual({ ok: true, value: undefined });
    await transport.close();
    expect((await transport.write(Uint8Array.of(3))).ok).toBe(false);
    expect(transport.written).toEqual([Uint8Array.of(2)]);
  });

  it('reports offline while the device is away and delivers nothing', async () => {
    const transport = new MemoryTransport({ present: false });
    const received: Uint8Array[] = [];
    transport.on('data', (chunk) => received.push(chunk));
    await transport.open();
    expect(transport.status).toEqual({ state: 'offline', reason: 'no device' });
    expect(transport.deviceSends(Uint8Array.of(1))).toBe(false);
    transport.deviceReconnects();
    transport.deviceSends(Uint8Array.of(2));
    expect(received).toEqual([Uint8Array.of(2)]);
  });
});
