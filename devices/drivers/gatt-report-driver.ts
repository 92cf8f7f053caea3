import type { DeviceCommand } from '../../common/devices';
import type { Measurement } from '../../common/measurements';
import { ok, type Result } from '../../common/result';
import { decodeGattReport } from '../codecs/gatt-report';
import type { DeviceLogger } from '../logger';
import { ReadingGate } from '../reading-gate';
import type { HidTransport } from '../transports/hid-transport';
import { readGattRecord, type GattCharacteristic } from './gatt-characteristic';
import { readyToMeasure, TransportDriver } from './transport-driver';

/**
 * A measuring device on USB HID: one GATT record per input report (codecs/gatt-report.ts), read as the
 * same device behind a serial bridge is (gatt-line-driver.ts): every plausible value of its characteristic,
 * records of another characteristic ignored, a bad report logged by reason and counted (`malformed`),
 * never its bytes. It measures by itself; arming only checks that the device is there.
 */
export class GattReportDriver<M extends Measurement> extends TransportDriver<M, HidTransport> {
  constructor(
    transport: HidTransport,
    private readonly characteristic: GattCharacteristic<M>,
    private readonly logger: DeviceLogger,
    private readonly gate = new ReadingGate(logger),
  ) {
    super(transport);
    transport.on('report', (report) => this.receive(report));
  }

  async command(command: DeviceCommand): Promise<Result<void>> {
    return command === 'arm' ? readyToMeasure(this.transport.status, this.characteristic.deviceName) : ok(undefined);
  }

  /** A record is one report: nothing is ever half read. */
  protected forgetPartialInput(): void {}

  private receive(report: Uint8Array): void {
    const record = decodeGattReport(report);
    const measurement = record.ok ? readGattRecord(record.value, this.characteristic, this.gate, this.logger) : record;
    if (measurement.ok) {
      if (measurement.value) this.emit('measurement', measurement.value);
      return;
    }
    this.logger.warn({ device: this.characteristic.kind, reason: measurement.error }, 'bad report skipped');
    this.emit('malformed', measurement.error);
  }
}
