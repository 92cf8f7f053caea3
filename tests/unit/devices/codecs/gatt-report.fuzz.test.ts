import { it } from 'vitest';
import type { Measurement } from '../../../../common/measurements';
import { encodeBloodPressureMeasurement } from '../../../../devices/codecs/blood-pressure-measurement';
import { encodeGattFrame } from '../../../../devices/codecs/gatt-frame';
import { decodeGattReport, encodeGattReport } from '../../../../devices/codecs/gatt-report';
import { encodePlxSpotCheck } from '../../../../devices/codecs/plx-spot-check';
import { encodeSlip } from '../../../../devices/codecs/slip';
import { encodeTemperatureMeasurement } from '../../../../devices/codecs/temperature-measurement';
import { encodeWeightMeasurement } from '../../../../devices/codecs/weight-measurement';
import { BLOOD_PRESSURE } from '../../../../devices/drivers/blood-pressure-monitor';
import type { GattCharacteristic } from '../../../../devices/drivers/gatt-characteristic';
import { GattLineDriver } from '../../../../devices/drivers/gatt-line-driver';
import { GattReportDriver } from '../../../../devices/drivers/gatt-report-driver';
import { PLX_SPOT_CHECK } from '../../../../devices/drivers/plx-pulse-oximeter';
import { WEIGHT } from '../../../../devices/drivers/scale';
import { TEMPERATURE } from '../../../../devices/drivers/thermometer';
import { silentLogger } from '../../../../devices/logger';
import { SimulatedHidBus } from '../../../../devices/simulators/simulated-hid-bus';
import { HidReportTransport } from '../../../../devices/transports/hid-transport';
import { MemoryTransport } from '../../../../devices/transports/memory-transport';
import { check, checkSame, FUZZ_TIMEOUT_MS, fuzzFrame, randomTime, runFuzz, toHex, type Prng } from './fuzz';

const KNOWN_UUIDS = [0x2a1c, 0x2a35, 0x2a5e, 0x2a9d];

/** The format's rule, written here apart from the codec: the record a report carries, or null when it carries none. */
function recordOf(bytes: Uint8Array): { uuid: number; value: Uint8Array } | null {
  if (bytes.length < 4 || bytes.length > 64 || bytes[0] !== 0x01) return null;
  const uuid = bytes[1]! + bytes[2]! * 256;
  const length = bytes[3]!;
  if (!KNOWN_UUIDS.includes(uuid) || length === 0 || 4 + length > bytes.length) return null;
  if (bytes.subarray(4 + length).some((byte) => byte !== 0)) return null;
  return { uuid, value: bytes.slice(4, 4 + length) };
}

const anyReport = (rng: Prng): Uint8Array => {
  const value = rng.bytes(1 + rng.below(20));
  return encodeGattReport({ uuid: rng.pick(KNOWN_UUIDS), value }, 4 + value.length + rng.below(64 - 4 - value.length + 1));
};

it('decodes 100,000 random and mutated reports: accepted exactly when they hold one known record, which re-encodes byte for byte', () => {
  runFuzz('GATT report', (rng) => fuzzFrame(rng, anyReport, 70), (bytes) => {
    const result = decodeGattReport(bytes);
    const expected = recordOf(bytes);
    check(result.ok === (expected !== null), () => `${result.ok ? 'accepted' : `refused (${result.error})`}, the format says otherwise`);
    if (!result.ok) return false;
    checkSame(result.value, expected, 'the record');
    check(toHex(encodeGattReport(result.value, bytes.length)) === toHex(bytes), () => 'a different report re-encoded');
    return true;
  });
}, FUZZ_TIMEOUT_MS);

/** A plausible reading of each characteristic, as a device would send it, so that most valid reports measure. */
const READINGS: ReadonlyArray<(rng: Prng) => Uint8Array> = [
  (rng) => encodeTemperatureMeasurement({ celsius: 34 + rng.below(800) / 100, takenAt: rng.chance(0.5) ? randomTime(rng) : undefined, site: rng.chance(0.5) ? 'ear' : undefined }),
  (rng) => {
    const diastolic = 60 + rng.below(30);
    return encodeBloodPressureMeasurement({
      systolicMmHg: diastolic + 20 + rng.below(60), diastolicMmHg: diastolic, meanArterialMmHg: diastolic + 10,
      pulsePerMinute: rng.chance(0.5) ? 50 + rng.below(60) : undefined, takenAt: rng.chance(0.5) ? randomTime(rng) : undefined,
      status: rng.chance(0.5) ? { irregularPulse: rng.chance(0.5) } : undefined,
    });
  },
  (rng) => encodePlxSpotCheck({ spo2Percent: 88 + rng.below(13), pulsePerMinute: 45 + rng.below(80), takenAt: rng.chance(0.5) ? randomTime(rng) : undefined }),
  (rng) => encodeWeightMeasurement({ kilograms: 30 + rng.below(9000) / 100, takenAt: rng.chance(0.5) ? randomTime(rng) : undefined }),
];
const CHARACTERISTICS: ReadonlyArray<GattCharacteristic<Measurement>> = [TEMPERATURE, BLOOD_PRESSURE, PLX_SPOT_CHECK, WEIGHT];

/** One device's driver on each wire, recording what it makes of each input. */
function pathsFor(characteristic: GattCharacteristic<Measurement>, bus: SimulatedHidBus, productId: number) {
  const seen = () => ({ measurements: [] as Measurement[], malformed: 0 });
  const hid = { device: bus.plug({ vendorId: 1, productId }), driver: new GattReportDriver(new HidReportTransport({ address: { vendorId: 1, productId }, binding: bus }), characteristic, silentLogger), seen: seen() };
  const line = new MemoryTransport();
  const serial = { line, driver: new GattLineDriver(line, characteristic, silentLogger), seen: seen() };
  for (const path of [hid, serial]) {
    path.driver.on('measurement', (m) => path.seen.measurements.push(m));
    path.driver.on('malformed', () => void path.seen.malformed++);
  }
  const take = (path: typeof hid | typeof serial) => {
    const taken = path.seen;
    path.seen = seen();
    return taken;
  };
  return {
    start: () => Promise.all([hid.driver.start(), serial.driver.start()]),
    stop: () => Promise.all([hid.driver.stop(), serial.driver.stop()]),
    overHid: (report: Uint8Array) => (hid.device.sendReport(report), take(hid)),
    overSerial: (record: { uuid: number; value: Uint8Array }) => (line.deviceSends(encodeSlip(encodeGattFrame(record))), take(serial)),
  };
}

it('reads 100,000 random and mutated reports through each measuring driver: a measurement only from a whole record, the same as over serial', async () => {
  const bus = new SimulatedHidBus();
  const paths = CHARACTERISTICS.map((characteristic, i) => pathsFor(characteristic, bus, 1 + i));
  await Promise.all(paths.map((path) => path.start()));
  type Input = { device: number; report: Uint8Array };
  runFuzz<Input>('GATT report drivers', (rng) => {
    const device = rng.below(CHARACTERISTICS.length);
    const characteristic = rng.chance(0.9) ? device : rng.below(CHARACTERISTICS.length);
    const valid = (r: Prng) => encodeGattReport({ uuid: CHARACTERISTICS[characteristic]!.uuid, value: READINGS[characteristic]!(r) }, 24 + r.below(41));
    return { device, report: fuzzFrame(rng, valid, 64) };
  }, ({ device, report }) => {
    const path = paths[device]!;
    const hid = path.overHid(report);
    const record = recordOf(report);
    if (!record) {
      checkSame(hid, { measurements: [], malformed: 1 }, `a report holding no record [${toHex(report)}]`);
      return false;
    }
    checkSame(hid, path.overSerial(record), `over HID and over serial [${toHex(report)}]`);
    return hid.measurements.length > 0;
  });
  await Promise.all(paths.map((path) => path.stop()));
}, FUZZ_TIMEOUT_MS);
