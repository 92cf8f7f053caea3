import type { MeasurementOf } from '../../common/measurements';
import { ok } from '../../common/result';
import { decodeTemperatureMeasurement, TEMPERATURE_MEASUREMENT_UUID } from '../codecs/temperature-measurement';
import type { DeviceLogger } from '../logger';
import { ReadingGate } from '../reading-gate';
import type { ByteTransport } from '../transports/byte-transport';
import type { GattCharacteristic } from './gatt-characteristic';
import { GattLineDriver } from './gatt-line-driver';

type TemperatureReading = MeasurementOf<'thermometer'>;

/** Temperature Measurement (0x2A1C): a body temperature in Celsius, within its plausible range. */
export const TEMPERATURE: GattCharacteristic<TemperatureReading> = {
  kind: 'thermometer',
  deviceName: 'thermometer',
  uuid: TEMPERATURE_MEASUREMENT_UUID,
  measure(value, gate) {
    const temperature = decodeTemperatureMeasurement(value);
    if (!temperature.ok) return temperature;
    // The gate logs its own refusal: the frame was well formed, the value is what is wrong.
    return ok(gate.admit('thermometer', 'bodyTemperature', temperature.value.celsius) ? { kind: 'thermometer', ...temperature.value } : null);
  },
};

/** A thermometer behind a BLE-to-serial bridge (gatt-line-driver.ts): every plausible 0x2A1C reading it sends. */
export class ThermometerDriver extends GattLineDriver<TemperatureReading> {
  constructor(transport: ByteTransport, logger: DeviceLogger, gate = new ReadingGate(logger)) {
    super(transport, TEMPERATURE, logger, gate);
  }
}
