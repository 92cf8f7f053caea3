import { EventEmitter } from 'node:events';
import type { DeviceStatus } from '../../common/devices';
import type { TemperatureMeasurement } from '../../common/measurements';
import { ok, type Result } from '../../common/result';
import { decodeGattFrame, formatUuid } from '../codecs/gatt-frame';
import { SlipDecoder } from '../codecs/slip';
import { decodeTemperatureMeasurement, TEMPERATURE_MEASUREMENT_UUID } from '../codecs/temperature-measurement';
import type { DeviceLogger } from '../logger';
import { ReadingGate } from '../reading-gate';
import type { ByteTransport } from '../transports/byte-transport';

export interface ThermometerEvents {
  measurement: [measurement: TemperatureMeasurement];
  /** The link's status, forwarded from the transport. */
  status: [status: DeviceStatus];
}

// A full Temperature Measurement frame is 15 bytes with its UUID; 64 leaves room for future fields
// while a line spewing garbage without END is cut short.
const MAX_FRAME_BYTES = 64;

/**
 * A thermometer behind a BLE-to-serial bridge: SLIP frames, each a GATT characteristic UUID and value
 * (docs/devices.md). Emits every Temperature Measurement it can decode and `gate` finds plausible; a bad
 * frame is logged as a warning and skipped, and the driver goes on with the next one. The driver owns
 * its transport; the gate is shared with the other drivers when the DeviceManager passes one.
 */
export class ThermometerDriver extends EventEmitter<ThermometerEvents> {
  private readonly slip = new SlipDecoder(MAX_FRAME_BYTES);

  constructor(
    private readonly transport: ByteTransport,
    private readonly logger: DeviceLogger,
    private readonly gate = new ReadingGate(logger),
  ) {
    super();
    transport.on('data', (chunk) => this.receive(chunk));
    transport.on('status', (status) => {
      if (status.state !== 'ready') this.slip.reset(); // half a frame from a previous connection is garbage
      this.emit('status', status);
    });
  }

  get status(): DeviceStatus {
    return this.transport.status;
  }

  /** Opens the line; resolves once the first attempt settled. The transport keeps reconnecting after that. */
  start(): Promise<void> {
    return this.transport.open();
  }

  /** Closes the line; idempotent. */
  stop(): Promise<void> {
    return this.transport.close();
  }

  // Logs carry reasons, never the bytes: a frame holds a body temperature, and logs rest on disk.
  private receive(chunk: Uint8Array): void {
    for (const frame of this.slip.push(chunk)) {
      const handled = frame.ok ? this.handle(frame.value) : frame;
      if (!handled.ok) this.logger.warn({ device: 'thermometer', reason: handled.error }, 'bad frame skipped');
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
      this.emit('measurement', measurement.value);
    }
    return ok(undefined);
  }
}
