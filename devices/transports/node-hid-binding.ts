import type { HidAddress, HidBinding, HidDeviceHandle } from './hid-transport';

type NodeHid = typeof import('node-hid');

let loading: Promise<NodeHid> | undefined;

/**
 * node-hid, loaded on first use: its native library needs libudev and libusb, and a kiosk missing one
 * must still start, with this device offline and the loader's message as its reason. The hidraw backend
 * is Linux's own (no libusb claim on the device, so the kernel's keyboard driver keeps working beside it).
 */
function nodeHid(): Promise<NodeHid> {
  loading ??= import('node-hid').then((module) => {
    const hid = (module as NodeHid & { default?: NodeHid }).default ?? module;
    if (process.platform === 'linux') hid.setDriverType('hidraw');
    return hid;
  });
  // A failed load is tried again next time: the library may be installed meanwhile.
  return loading.catch((error: unknown) => {
    loading = undefined;
    throw new Error(`node-hid could not load: ${error instanceof Error ? error.message : String(error)}`);
  });
}

/** The real binding: USB HID devices through node-hid's HIDAsync (reads on its own thread, never blocks the host). */
export const nodeHidBinding: HidBinding = {
  async open(address: HidAddress): Promise<HidDeviceHandle> {
    const hid = await nodeHid();
    return 'path' in address ? hid.HIDAsync.open(address.path) : hid.HIDAsync.open(address.vendorId, address.productId);
  },
  async isPresent(address: HidAddress): Promise<boolean> {
    const hid = await nodeHid();
    const devices = await hid.devicesAsync();
    return devices.some((device) => ('path' in address
      ? device.path === address.path
      : device.vendorId === address.vendorId && device.productId === address.productId));
  },
};
