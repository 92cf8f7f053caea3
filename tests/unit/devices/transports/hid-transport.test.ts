import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceStatus } from '../../../../common/devices';
import { SimulatedHidBus } from '../../../../devices/simulators/simulated-hid-bus';
import { HidReportTransport, type HidAddress } from '../../../../devices/transports/hid-transport';
import { nodeHidBinding } from '../../../../devices/transports/node-hid-binding';

const READER: HidAddress = { vendorId: 0x0c27, productId: 0x3bfa };
const FAST = { firstMs: 5, maxMs: 20 };

/** Resolves once `transport` reports a status that `wanted` accepts (now or later). */
function statusWhere(transport: HidReportTransport, wanted: (status: DeviceStatus) => boolean): Promise<DeviceStatus> {
  if (wanted(transport.status)) return Promise.resolve(transport.status);
  return new Promise((resolve) => {
    const listener = (status: DeviceStatus) => {
      if (!wanted(status)) return;
      transport.off('status', listener);
      resolve(status);
    };
    transport.on('status', listener);
  });
}

describe('HidReportTransport over a simulated HID bus', () => {
  const open: HidReportTransport[] = [];
  const transportOn = (bus: SimulatedHidBus, address: HidAddress = READER) => {
    const transport = new HidReportTransport({ address, binding: bus, retry: FAST });
    open.push(transport);
    return transport;
  };
  afterEach(async () => {
    await Promise.all(open.splice(0).map((t) => t.close()));
  });

  it('opens a plugged device, delivers its reports whole, and writes output reports to it', async () => {
    const bus = new SimulatedHidBus();
    const device = bus.plug(READER);
    const transport = transportOn(bus);
    const reports: Uint8Array[] = [];
    transport.on('report', (r) => reports.push(r));
    await transport.open();
    expect(transport.status).toEqual({ state: 'ready' });
    device.sendReport(Uint8Array.of(0, 0, 4, 0, 0, 0, 0, 0));
    device.sendReport(Uint8Array.of(0, 0, 0, 0, 0, 0, 0, 0));
    expect(reports).toEqual([Uint8Array.of(0, 0, 4, 0, 0, 0, 0, 0), Uint8Array.of(0, 0, 0, 0, 0, 0, 0, 0)]);
    expect(await transport.write(Uint8Array.of(0, 1))).toEqual({ ok: true, value: undefined });
    expect(device.written).toEqual([Uint8Array.of(0, 1)]);
  });

  it('says absent, with the address, when nothing is plugged in, and opens the device once it comes', async () => {
    const bus = new SimulatedHidBus();
    const transport = transportOn(bus);
    await transport.open();
    expect(transport.status).toMatchObject({ state: 'offline', absent: true });
    expect(transport.status.state === 'offline' && transport.status.reason).toMatch(/usb 0c27:3bfa.*No HID devices/);
    bus.plug(READER);
    await statusWhere(transport, (s) => s.state === 'ready');
  });

  it('goes offline absent when the device is unplugged, refuses writes, and reopens it when plugged back', async () => {
    const bus = new SimulatedHidBus();
    const first = bus.plug(READER);
    const transport = transportOn(bus);
    const reports: Uint8Array[] = [];
    transport.on('report', (r) => reports.push(r));
    await transport.open();
    first.unplug();
    const lost = await statusWhere(transport, (s) => s.state === 'offline');
    expect(lost).toMatchObject({ state: 'offline', absent: true, reason: expect.stringContaining('could not read data from device') });
    expect(first.openHandles).toBe(0); // the dead handle was closed, not leaked
    expect((await transport.write(Uint8Array.of(0, 1))).ok).toBe(false);
    const second = bus.plug(READER);
    await statusWhere(transport, (s) => s.state === 'ready');
    second.sendReport(Uint8Array.of(7));
    expect(reports).toEqual([Uint8Array.of(7)]);
  });

  it('closes cleanly: offline "closed", its handle released, writes refused', async () => {
    const bus = new SimulatedHidBus();
    const device = bus.plug({ path: '/dev/hidraw3' });
    const transport = transportOn(bus, { path: '/dev/hidraw3' });
    await transport.open();
    await transport.close();
    expect(transport.status).toEqual({ state: 'offline', reason: 'closed' });
    expect(device.openHandles).toBe(0);
    expect(device.sendReport(Uint8Array.of(1))).toBe(false);
    expect((await transport.write(Uint8Array.of(0))).ok).toBe(false);
  });

  it('the simulated handle fails as node-hid does: a write after close rejects', async () => {
    const bus = new SimulatedHidBus();
    bus.plug(READER);
    const handle = await bus.open(READER);
    await handle.close();
    await expect(handle.write(Buffer.of(0))).rejects.toThrow('device has been closed');
  });
});

describe('HidReportTransport over node-hid', () => {
  // This machine has no HID device at all (no /dev/hidraw): the real binding must say absent, not crash.
  it('reports an absent reader as offline and absent, with a reason, and closes', async () => {
    const transport = new HidReportTransport({ address: READER, binding: nodeHidBinding, retry: { firstMs: 60_000, maxMs: 60_000 } });
    await transport.open();
    const { status } = transport;
    expect(status.state).toBe('offline');
    expect(status.state === 'offline' && status.reason).toMatch(/^cannot open usb 0c27:3bfa: /);
    await transport.close();
    expect(transport.status).toEqual({ state: 'offline', reason: 'closed' });
  });
});
