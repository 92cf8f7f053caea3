import type { MeasurementOf } from '../../common/measurements';
import { ok, type Result } from '../../common/result';
import { decodeGattFrame, formatUuid } from '../codecs/gatt-frame';
import { SlipDecoder } from '../codecs/slip';
import { decodeTemperatureMeasurement, TEMPERATURE_MEASUREMENT_UUID } from '../codecs/temperature-measurement';
import type { DeviceLogger } from '../logger';
import { ReadingGate } from '../reading-gate';
import type { ByteTransport } from '../transports/byte-transport';
import { LineDriver } from './line-driver';

// A full Temperature Measurement frame is 15 bytes with its UUID; 64 leaves room for future fields
// while a line spewing garbage without END is cut short.
const MAX_FRAME_BYTES = 64;

/**
 * A thermometer behind a BLE-to-serial bridge: SLIP frames, each a GATT characteristic UUID and value
 * (docs/devices.md). Emits every Temperature Measurement it can decode and `gate` finds plausible; a bad
 * frame is logged as a warning and skipped, and the driver goes on with the next one. The thermometer
 * measures when the person presses its button and sends every reading by itself: arming only checks
 * that it can be heard, and the session decides which readings it takes. The gate is shared with the
 * other drivers when the DeviceManager passes one.
 */
export class ThermometerDriver extends LineDriver<MeasurementOf<'thermometer'>> {
  private readonly slip = new SlipDecoder(MAX_FRAME_BYTES);

  constructor(
    transport: ByteTransport,
    private readonly logger: DeviceLogger,
    private readonly gate = new ReadingGate(logger),
  ) {
    super(transport, 'thermometer');
  }

  protected forgetPartialInput(): void {
    this.slip.reset();
  }

  // Logs carry reasons, never the bytes: a frame holds a body temperature, and logs rest on disk.
  protected receive(chunk: Uint8Array): void {
    for (const frame of this.slip.push(chunk)) {
      const handled = frame.ok ? this.handle(frame.value) : frame;
      if (!handled.ok) {
        this.logger.warn({ device: 'thermometer', reason: handled.error }, 'bad frame skipped');
        this.emit('malformed', handled.error);
      }
    }
  }

  private handle(payload: Uint8Array): Result<unknown> {
    const frame = decodeGattFrame(payload);
    if (!frame.ok) return frame;
    if (frame.value.uuid !== TEMPERATURE_MEASUREMENT_UUID) {
      this.logger.debug({ device: 'thermometer', uuid: formatUuid(frame.value.uuid) }, 'characteristic ignored');
      return ok(undefined);
    }
    const measurement = decodeTemperatureMeasurement(frame.value.value);
    if (!measurement.ok) return measurement;
    // The gate logs its own refusal: the frame was well formed, the value is what is wrong.
    if (this.gate.admit('thermometer', 'bodyTemperature', measurement.value.celsius)) {
      this.emit('measurement', { kind: 'thermometer', ...measurement.value });
    }
    return ok(undefined);
  }
}
