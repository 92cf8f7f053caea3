import type { BadgeScan } from '../../common/badge';
import type { BadgeReaderMode } from '../../common/device-config';
import type { DeviceCommand } from '../../common/devices';
import { ok, type Result } from '../../common/result';
import { badgeFromDataReport } from '../codecs/badge-data-report';
import { badgeNumberOfBytes, badgeToken } from '../codecs/badge-token';
import { KeyboardWedgeDecoder } from '../codecs/hid-keyboard';
import { WedgeScanDetector } from '../codecs/wedge-scan';
import type { DeviceLogger } from '../logger';
import type { HidTransport } from '../transports/hid-transport';
import { TransportDriver } from './transport-driver';

export interface BadgeReaderOptions {
  mode: BadgeReaderMode;
  /** Keys the hash that replaces the badge number (codecs/badge-token.ts). */
  salt: string;
  /** For tests: the time of each report, in ms; a real reader's reports are timed as they arrive. */
  now?: () => number;
}

/**
 * An agent badge reader on USB HID. It announces each badge as a `badge` event carrying an opaque id (the
 * number's keyed hash), never the number: the number does not leave this file, nor reach a log. In
 * keyboard-wedge mode a person typing on the reader's keyboard interface (or a keyboard on the same id)
 * is told apart by timing and dropped, its keys never kept nor logged. Reports that do not decode are
 * counted (`malformed`) and logged by reason only. It takes no commands: a reader reads whenever a badge
 * comes, and the host decides what a badge means.
 */
export class BadgeReaderDriver extends TransportDriver<never, HidTransport> {
  private readonly keyboard = new KeyboardWedgeDecoder();
  private readonly scans: WedgeScanDetector | undefined;
  private readonly now: () => number;

  constructor(transport: HidTransport, private readonly logger: DeviceLogger, private readonly options: BadgeReaderOptions) {
    super(transport);
    const { mode } = options;
    this.scans = mode.type === 'keyboard-wedge' ? new WedgeScanDetector(mode) : undefined;
    this.now = options.now ?? (() => performance.now());
    transport.on('report', (report) => this.receive(report));
  }

  async command(_command: DeviceCommand): Promise<Result<void>> {
    return ok(undefined);
  }

  /** Half a scan from before the device went away is not the start of the next one. */
  protected forgetPartialInput(): void {
    this.keyboard.reset();
    this.scans?.reset();
  }

  private receive(report: Uint8Array): void {
    if (this.options.mode.type === 'data') this.receiveData(report, this.options.mode);
    else this.receiveKeys(report);
  }

  private receiveKeys(report: Uint8Array): void {
    const strokes = this.keyboard.push(report, this.now());
    if (!strokes.ok) {
      this.scans?.reset();
      this.malformed(strokes.error);
      return;
    }
    for (const stroke of strokes.value) {
      const outcome = this.scans?.push(stroke);
      if (outcome?.type === 'scan') this.announce(outcome.text, 'keyboard-wedge');
      // The reason only: what was typed is someone's, and not ours to keep.
      else if (outcome?.type === 'typed') this.logger.debug({ device: 'badgeReader', reason: outcome.reason }, 'typing ignored');
    }
  }

  private receiveData(report: Uint8Array, layout: BadgeReaderMode & { type: 'data' }): void {
    const number = badgeFromDataReport(report, layout);
    if (!number.ok) this.malformed(number.error);
    else if (number.value) this.announce(badgeNumberOfBytes(number.value), 'data');
  }

  private announce(number: string, via: BadgeScan['via']): void {
    this.logger.info({ device: 'badgeReader', via }, 'badge read');
    this.emit('badge', { kind: 'badgeReader', id: badgeToken(number, this.options.salt), via, at: new Date().toISOString() });
  }

  private malformed(reason: string): void {
    this.logger.warn({ device: 'badgeReader', reason }, 'bad report skipped');
    this.emit('malformed', reason);
  }
}
