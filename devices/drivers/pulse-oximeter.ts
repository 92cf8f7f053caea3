import type { MeasurementOf, Oximetry } from '../../common/measurements';
import { Cms50dDecoder, type Cms50dFrame } from '../codecs/cms50d';
import type { DeviceLogger } from '../logger';
import { ReadingGate } from '../reading-gate';
import type { ByteTransport } from '../transports/byte-transport';
import { LineDriver } from './line-driver';
import { sameReading, SteadyOximetry } from './steady-oximetry';

type OximeterMeasurement = MeasurementOf<'pulseOximeter'>;

/**
 * A Contec CMS50D+ pulse oximeter (older firmware) on a serial line, 19200 baud 8O1: it streams live frames
 * by itself (devices/codecs/cms50d.ts). The driver emits a spot measurement when the reading has been steady
 * for about a second (steady-oximetry.ts), once per change of reading, after `gate` found both values
 * plausible. A bad frame is logged as a warning and breaks steadiness; the stream goes on.
 */
export class PulseOximeterDriver extends LineDriver<OximeterMeasurement> {
  private readonly decoder = new Cms50dDecoder();
  private readonly steady = new SteadyOximetry();
  /** The last reading emitted, so a still finger gives one measurement and not one per second. */
  private lastEmitted: Oximetry | undefined;
  private probeError = false;

  constructor(
    transport: ByteTransport,
    private readonly logger: DeviceLogger,
    private readonly gate = new ReadingGate(logger),
  ) {
    super(transport, 'pulse oximeter');
  }

  /**
   * The older firmware streams without being asked; arming forgets the last reading, so that the step
   * gets a fresh one even if it equals the previous visitor's.
   */
  protected override armed(): void {
    this.steady.reset();
    this.lastEmitted = undefined;
  }

  /** Half a frame, or half a run, from a previous connection means nothing on the next one. */
  protected forgetPartialInput(): void {
    this.decoder.reset();
    this.steady.reset();
  }

  // Logs carry reasons, never bytes or values: a frame holds an SpO2 and a pulse, and logs rest on disk.
  protected receive(chunk: Uint8Array): void {
    for (const frame of this.decoder.push(chunk)) {
      if (!frame.ok) {
        this.steady.reset();
        this.logger.warn({ device: 'pulseOximeter', reason: frame.error }, 'bad frame skipped');
        this.emit('malformed', frame.error);
        continue;
      }
      this.noteProbeError(frame.value);
      const reading = this.steady.push(frame.value);
      if (reading) this.offer(reading);
    }
  }

  /** A probe fault is for a technician; logged when it starts and ends, not 60 times a second. */
  private noteProbeError(frame: Cms50dFrame): void {
    if (frame.probeError === this.probeError) return;
    this.probeError = frame.probeError;
    if (frame.probeError) this.logger.warn({ device: 'pulseOximeter' }, 'the device reports a probe error');
    else this.logger.info({ device: 'pulseOximeter' }, 'probe error cleared');
  }

  private offer(reading: Oximetry): void {
    if (this.lastEmitted && sameReading(this.lastEmitted, reading)) return;
    // Both are asked before deciding, so that each implausible quantity is counted; the gate logs refusals.
    const spo2 = this.gate.admit('pulseOximeter', 'spo2', reading.spo2Percent);
    const pulse = this.gate.admit('pulseOximeter', 'pulseRate', reading.pulsePerMinute);
    if (!spo2 || !pulse) return;
    this.lastEmitted = reading;
    this.emit('measurement', { kind: 'pulseOximeter', ...reading });
  }
}
