import type { Measurement } from '../../common/measurements';
import type { Result } from '../../common/result';
import { decodeGattFrame } from '../codecs/gatt-frame';
import { SlipDecoder } from '../codecs/slip';
import type { DeviceLogger } from '../logger';
import { ReadingGate } from '../reading-gate';
import type { ByteTransport } from '../transports/byte-transport';
import { readGattRecord, type GattCharacteristic } from './gatt-characteristic';
import { LineDriver } from './line-driver';

// The longest value read here (0x2A35 with every field) is 21 bytes with its UUID; 64 leaves room for
// future fields while a line spewing garbage without END is cut short.
const MAX_FRAME_BYTES = 64;

/**
 * A device behind a BLE-to-serial bridge: SLIP frames, each a GATT characteristic UUID and value
 * (docs/devices.md). Emits every value of its characteristic that decodes and that the gate finds
 * plausible; other characteristics are ignored (debug), and a bad frame is logged as a warning and
 * skipped, the driver going on with the next one. Such devices measure when the person presses their
 * button and send every reading by themselves: arming only checks that the line is up, and the session
 * decides which readings it takes. The gate is shared with the other drivers when the DeviceManager passes one.
 */
export class GattLineDriver<M extends Measurement> extends LineDriver<M> {
  private readonly slip = new SlipDecoder(MAX_FRAME_BYTES);

  constructor(
    transport: ByteTransport,
    private readonly characteristic: GattCharacteristic<M>,
    private readonly logger: DeviceLogger,
    private readonly gate = new ReadingGate(logger),
  ) {
    super(transport, characteristic.deviceName);
  }

  protected forgetPartialInput(): void {
    this.slip.reset();
  }

  // Logs carry reasons, never the bytes: a frame holds a measured value, and logs rest on disk.
  protected receive(chunk: Uint8Array): void {
    for (const frame of this.slip.push(chunk)) {
      const handled = frame.ok ? this.handle(frame.value) : frame;
      if (!handled.ok) {
        this.logger.warn({ device: this.characteristic.kind, reason: handled.error }, 'bad frame skipped');
        this.emit('malformed', handled.error);
      }
    }
  }

  private handle(payload: Uint8Array): Result<unknown> {
    const frame = decodeGattFrame(payload);
    if (!frame.ok) return frame;
    const measurement = readGattRecord(frame.value, this.characteristic, this.gate, this.logger);
    if (measurement.ok && measurement.value) this.emit('measurement', measurement.value);
    return measurement;
  }
}
