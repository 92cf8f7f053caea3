import type { BadgeReaderMode } from '../../common/device-config';
import { setTimeout as sleep } from 'node:timers/promises';
import { dataReportFor } from '../codecs/badge-data-report';
import { bootReportFor, KEYS_UP } from '../codecs/hid-keyboard';
import type { HidAddress } from '../transports/hid-transport';
import type { SimulatedHidBus, SimulatedHidDevice } from './simulated-hid-bus';

/** A wedge reader types a character every 4–16 ms: a key goes down, and up half-way to the next one. */
const KEY_EVERY_MS = 8;

/**
 * A badge reader plugged into a simulated HID bus (simulated-hid-bus.ts), sending the reports a real one
 * sends: in keyboard-wedge mode a boot keyboard report per key down and one per key up, a key every few
 * milliseconds, then Enter; in data mode one vendor report with the number where the layout says.
 */
export class BadgeReaderSimulator {
  private periodic: NodeJS.Timeout | undefined;
  private stopped = false;

  private constructor(private readonly device: SimulatedHidDevice, private readonly mode: BadgeReaderMode) {}

  static plug(bus: SimulatedHidBus, address: HidAddress, mode: BadgeReaderMode): BadgeReaderSimulator {
    return new BadgeReaderSimulator(bus.plug(address), mode);
  }

  /**
   * Reads a badge whose number is `badge` (letters and digits; hex pairs in data mode). Resolves once every
   * report is sent; false when nobody had the reader open, or it was unplugged meanwhile.
   * Throws a RangeError on a number the mode cannot carry.
   */
  async scan(badge: string, keyEveryMs = KEY_EVERY_MS): Promise<boolean> {
    if (this.mode.type === 'data') return this.device.sendReport(dataReportFor(bytesOfHex(badge), this.mode));
    return this.type(`${badge}\n`, keyEveryMs);
  }

  /** Types `text` (`\n` is Enter) a key every `keyEveryMs`, as a person on the reader's keyboard would at 150. */
  async type(text: string, keyEveryMs: number): Promise<boolean> {
    const reports = [...text].map(bootReportFor); // a character a keyboard cannot type throws before anything is sent
    let sent = true;
    for (const report of reports) {
      if (this.stopped) return false;
      sent = this.device.sendReport(report) && sent;
      await sleep(keyEveryMs / 2);
      sent = this.device.sendReport(KEYS_UP) && sent;
      await sleep(keyEveryMs / 2);
    }
    return sent;
  }

  /** Throws a RangeError, with the reason, when this reader could not send `badge`; before it is scheduled. */
  checkBadge(badge: string): void {
    if (this.mode.type === 'data') dataReportFor(bytesOfHex(badge), this.mode);
    else [...badge].forEach(bootReportFor);
  }

  /** Sends raw reports, for tests that put garbage on the bus. */
  sendReport(report: Uint8Array): boolean {
    return this.device.sendReport(report);
  }

  /** For the demo: the same badge every `everySeconds`, as an agent coming and going. */
  startPeriodic(everySeconds: number, badge: string): void {
    this.stopPeriodic();
    this.periodic = setInterval(() => void this.scan(badge), everySeconds * 1_000);
  }

  stopPeriodic(): void {
    clearInterval(this.periodic);
    this.periodic = undefined;
  }

  /** Pulled out of the bus: open handles get node-hid's read error. */
  unplug(): void {
    this.device.unplug();
  }

  /** Stops scanning and unplugs. Idempotent. */
  close(): void {
    this.stopped = true;
    this.stopPeriodic();
    this.device.unplug();
  }
}

function bytesOfHex(hex: string): Uint8Array {
  if (!/^(?:[0-9A-Fa-f]{2})+$/.test(hex)) throw new RangeError('a data-mode badge number is pairs of hex digits');
  return Uint8Array.from(hex.match(/../g)!.map((pair) => parseInt(pair, 16)));
}
