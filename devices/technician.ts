import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DevicesConfigSchema, type DevicesConfig } from '../common/device-config';
import type { CardKind } from '../common/cards';
import { badgeHashOf } from './codecs/badge-token';
import { DEVICE_KINDS, DeviceKindSchema, isPrinterKind, type DeviceHealth, type DeviceKind, type PrinterCondition } from '../common/devices';
import { DisposableStore } from '../common/disposables';
import type { BadgeScan } from '../common/badge';
import type { Measurement } from '../common/measurements';
import type { PrintJob } from '../common/print-job';
import { fail, ok, type Result } from '../common/result';
import { askHost } from './control-client';
import type { ControlRequest, ControlResponse } from './control-protocol';
import { describeLine, deviceLine, lineAt } from './device-line';
import { silentLogger, type DeviceLogger } from './logger';
import { DeviceManager } from './manager';
import { DEVICE_REGISTRY, simulate, type DeviceKindEntry, type SimulatedConfigOf } from './registry';
import { formatTable } from './table';
import { testReceipt } from './test-receipt';

export const TECHNICIAN_USAGE = `usage: npm run devices -- <command> [--profile <name|file.json>] [--json]
  list                          the devices the profile declares
  status                        each device's health (from the running kiosk, else by opening them)
  read <id>                     arms a device and prints its next measurement
  simulate <kind> --port <path> plays a device on <path> (a new pty whose kiosk side is <path>, or an existing line) until Ctrl+C;
                                a printer also on a TCP port: --port 9100 (loopback) or --port <host>:<port>;
                                a smart card in vpcd: --port 35963
  print-test <id>               prints a test receipt on a printer and says whether it printed`;

export interface TechnicianContext {
  devices: DevicesConfig;
  socketPath: string;
  out(text: string): void;
  logger?: DeviceLogger;
  /** Resolves when the person asks `simulate` to stop (Ctrl+C). */
  interrupted?: Promise<void>;
}

/** How long `read` waits for a measurement (a person has to take one), and `print-test` for its receipt. */
const READ_TIMEOUT_SECONDS = 60;

/**
 * `npm run devices` (main/devices-cli.ts loads the profile): what a technician on site asks of the
 * devices. `status` and `read` go to the running host over its control socket, so that the CLI never
 * fights the kiosk for a port; with no host running they open the devices themselves. Answers the exit
 * code; tables for a person, `--json` for scripts.
 */
export async function runTechnician(argv: readonly string[], context: TechnicianContext): Promise<Result<void>> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, options: { json: { type: 'boolean' }, port: { type: 'string' } } });
  } catch (error) {
    return fail(`${(error as Error).message}\n${TECHNICIAN_USAGE}`);
  }
  const [command, target, ...extra] = parsed.positionals;
  const json = parsed.values.json ?? false;
  if (extra.length > 0) return fail(`unexpected ${extra.join(' ')}\n${TECHNICIAN_USAGE}`);
  switch (command) {
    case 'list': return list(context, json);
    case 'status': return status(context, json);
    case 'read': return read(target, context, json);
    case 'simulate': return simulateOn(target, parsed.values.port, context);
    case 'print-test': return printTest(target, context, json);
    default: return fail(command ? `unknown command ${command}\n${TECHNICIAN_USAGE}` : TECHNICIAN_USAGE);
  }
}

const configured = (devices: DevicesConfig): DeviceKind[] => DEVICE_KINDS.filter((kind) => devices[kind] !== undefined);

function list({ devices, out }: TechnicianContext, json: boolean): Result<void> {
  const rows = configured(devices).map((kind) => {
    const config = devices[kind]!;
    // A print queue and a card reader are on no line of their own: CUPS and pcscd name them.
    const where: { transport: string; path: string; baudRate?: number } = 'uri' in config
      ? { transport: 'ipp', path: config.uri }
      : 'reader' in config ? { transport: 'pcsc', path: config.reader } : describeLine(deviceLine(config));
    return { id: kind, kind, ...where, simulated: config.simulator !== undefined };
  });
  if (json) out(JSON.stringify(rows, null, 2));
  else if (rows.length === 0) out('this profile declares no device');
  else {
    out(formatTable(['ID', 'KIND', 'TRANSPORT', 'PATH', 'SIMULATED'],
      rows.map((r) => [r.id, r.kind, r.baudRate ? `${r.transport} ${r.baudRate} baud` : r.transport, r.path, r.simulated ? 'yes' : 'no'])));
  }
  return ok(undefined);
}

async function status(context: TechnicianContext, json: boolean): Promise<Result<void>> {
  const answer = await fromHostOrLocally(context, { op: 'status' }, async (manager) => ok(manager.health()));
  if (!answer.ok) return answer;
  const { value: devices, source } = answer.value;
  if (json) context.out(JSON.stringify(devices, null, 2));
  else {
    context.out(formatTable(['ID', 'KIND', 'STATE', 'PAPER', 'LAST ERROR'],
      devices.map((d) => [d.id, d.kind, d.state, d.printer ? paperWords(d.printer) : '-', d.lastError ? `${d.lastError.message} (${d.lastError.at})` : '-'])));
    context.out(source);
  }
  return ok(undefined);
}

async function read(target: string | undefined, context: TechnicianContext, json: boolean): Promise<Result<void>> {
  const kind = knownDevice(target, context.devices);
  if (!kind.ok) return kind;
  if (kind.value === 'smartCardReader') return readCard(kind.value, context, json);
  const answer = await fromHostOrLocally(context, { op: 'read', device: kind.value, timeoutSeconds: READ_TIMEOUT_SECONDS },
    (manager) => manager.read(kind.value, READ_TIMEOUT_SECONDS * 1000));
  if (!answer.ok) return answer;
  const reading = answer.value.value;
  context.out(json ? JSON.stringify(reading, null, 2) : reading.kind === 'badgeReader' ? describeBadge(reading) : describeMeasurement(reading));
  return ok(undefined);
}

async function simulateOn(target: string | undefined, port: string | undefined, context: TechnicianContext): Promise<Result<void>> {
  const kind = DeviceKindSchema.safeParse(target);
  if (!kind.success) return fail(`say which kind of device to play: ${DEVICE_KINDS.join(', ')}`);
  const entry = DEVICE_REGISTRY[kind.data] as DeviceKindEntry<typeof kind.data>;
  const declared = context.devices[kind.data];
  // A kind that may be on either line is played on HID when its profile entry puts it there.
  if (entry.plugInto && (!entry.play || (declared !== undefined && 'hid' in declared && declared.hid !== undefined))) {
    return simulateOnHidBus(kind.data, port, context);
  }
  if (!port) return fail('say where with --port <path>, for example --port /tmp/borne-thermometer');
  if (entry.playVirtual) return playVirtual(kind.data, port, context);
  const logger = context.logger ?? silentLogger;
  // The profile's settings for this kind when it has some, the simulator's defaults otherwise.
  const where = lineAt(port);
  if ('tcp' in where && !entry.listen) return fail(`a ${kind.data} is played on a serial line: give --port a path, for example --port /tmp/borne-${kind.data}`);
  const line = 'uri' in (declared ?? {}) || kind.data === 'documentPrinter'
    ? { uri: queueUriAt('tcp' in where ? where.tcp.port : 0, declared && 'uri' in declared ? declared.uri : undefined) }
    : 'tcp' in where ? where : { serial: { ...(declared && 'serial' in declared ? declared.serial : {}), ...where.serial } };
  const parsed = DevicesConfigSchema.shape[kind.data].unwrap().safeParse({ ...line, simulator: declared?.simulator ?? {} });
  if (!parsed.success) return fail(`--port ${port}: ${parsed.error.issues[0]!.message}`);
  const config = parsed.data as SimulatedConfigOf<typeof kind.data>;
  // An existing line is played as is; a path that does not exist yet becomes the kiosk side of a new pty;
  // a TCP port is listened on.
  const started = 'serial' in where && existsSync(port) && entry.play
    ? await entry.play(port, config, logger)
    : await simulate(kind.data, config, logger);
  if (!started.ok) return started;
  const running = new DisposableStore();
  for (const stop of started.value) running.add(stop);
  context.out(`playing a ${kind.data} on ${'tcp' in where ? `${where.tcp.host}:${where.tcp.port}` : port}; Ctrl+C stops it`);
  await context.interrupted;
  await running.dispose();
  return ok(undefined);
}

/** A simulated print queue on this machine at `port`, named as the profile's queue (KioskPDF otherwise). */
function queueUriAt(port: number, declared: string | undefined): string {
  const name = declared?.split('/').at(-1) ?? 'KioskPDF';
  return `ipp://127.0.0.1:${port}/printers/${name}`;
}

/** The kind of the card in a reader, or of the next one put in: never more than the kind. */
async function readCard(kind: DeviceKind, context: TechnicianContext, json: boolean): Promise<Result<void>> {
  const answer = await fromHostOrLocally<CardKind | 'unknown'>(context, { op: 'read', device: kind, timeoutSeconds: READ_TIMEOUT_SECONDS },
    (manager) => manager.readCard(kind, READ_TIMEOUT_SECONDS * 1000));
  if (!answer.ok) return answer;
  const card = answer.value.value;
  context.out(json ? JSON.stringify({ card }) : `${kind}: ${card === 'unknown' ? 'a card of no kind this kiosk knows' : `${card} card`}`);
  return ok(undefined);
}

/** A card in vpcd's virtual reader: `--port` is vpcd's TCP port (35963 for "Virtual PCD 00 00"). */
async function playVirtual(kind: DeviceKind, port: string, context: TechnicianContext): Promise<Result<void>> {
  const declared = context.devices.smartCardReader;
  const endpoint = lineAt(port);
  if (!('tcp' in endpoint)) return fail('a smart card is played in vpcd\'s virtual reader: give --port its TCP port, for example --port 35963');
  const parsed = DevicesConfigSchema.shape.smartCardReader.unwrap().safeParse({
    reader: declared?.reader ?? 'Virtual PCD 00 00', cards: declared?.cards,
    simulator: { ...declared?.simulator, card: declared?.simulator?.card === 'none' ? undefined : declared?.simulator?.card, vpcdHost: endpoint.tcp.host, vpcdPort: endpoint.tcp.port },
  });
  if (!parsed.success) return fail(`--port ${port}: ${parsed.error.issues[0]!.message}`);
  const started = await simulate('smartCardReader', parsed.data, context.logger ?? silentLogger);
  if (!started.ok) return started;
  const running = new DisposableStore();
  for (const stop of started.value) running.add(stop);
  context.out(`playing a ${parsed.data.simulator!.card} card in vpcd at ${endpoint.tcp.host}:${endpoint.tcp.port} (${kind}); Ctrl+C removes it`);
  await context.interrupted;
  await running.dispose();
  return ok(undefined);
}

/**
 * A HID device is simulated on a bus inside one process (devices/simulators/simulated-hid-bus.ts), which no
 * other process can open: this plays the profile's device with its simulator and reads it with its own
 * driver, printing what the kiosk would receive, until Ctrl+C.
 */
async function simulateOnHidBus(kind: DeviceKind, port: string | undefined, context: TechnicianContext): Promise<Result<void>> {
  if (port) return fail(`a ${kind} is simulated on USB HID inside this command: leave out --port`);
  const declared = context.devices[kind];
  if (!declared) return fail(`declare the ${kind} in the profile first (its HID address): nothing to play`);
  const parsed = DevicesConfigSchema.safeParse({ [kind]: { ...declared, simulator: declared.simulator ?? {} } });
  if (!parsed.success) return fail(`${kind}: ${parsed.error.issues[0]!.message}`);
  const manager = new DeviceManager(parsed.data, context.logger ?? silentLogger);
  manager.on('badge', (scan) => context.out(describeBadge(scan)));
  manager.on('measurement', (measurement) => context.out(describeMeasurement(measurement)));
  try {
    await manager.start();
    const status = manager.statuses()[kind];
    if (status?.state === 'offline') return fail(`the simulated ${kind} did not start: ${status.reason}`);
    context.out(`playing a ${kind} on the simulated HID bus of this command, read by its driver; Ctrl+C stops it`);
    await context.interrupted;
    return ok(undefined);
  } finally {
    await manager.stop();
  }
}

async function printTest(target: string | undefined, context: TechnicianContext, json: boolean): Promise<Result<void>> {
  const kind = knownDevice(target, context.devices);
  if (!kind.ok) return kind;
  if (!isPrinterKind(kind.value)) return fail(`${kind.value} is not a printer: print-test prints on a printer`);
  const answer = await fromHostOrLocally(context, { op: 'print-test', device: kind.value, timeoutSeconds: READ_TIMEOUT_SECONDS },
    (manager) => manager.printAndWait(kind.value, testReceipt(new Date()), READ_TIMEOUT_SECONDS * 1000));
  if (!answer.ok) return answer;
  const { value: job, source } = answer.value;
  if (json) context.out(JSON.stringify(job, null, 2));
  if (job.state !== 'done') return fail(`the test receipt was not printed on ${kind.value}: ${job.state === 'failed' ? job.reason : job.state}`);
  if (!json) context.out(`test receipt printed on ${kind.value} (${source})`);
  return ok(undefined);
}

function paperWords({ paper, cover }: PrinterCondition): string {
  const words = { ok: 'ok', 'near-end': 'near end', out: 'out', unknown: 'unknown' }[paper];
  return cover === 'open' ? `${words}, cover open` : words;
}

function knownDevice(target: string | undefined, devices: DevicesConfig): Result<DeviceKind> {
  const ids = configured(devices);
  if (!target) return fail(`say which device: ${ids.join(', ') || 'this profile declares none'}`);
  const found = ids.find((id) => id === target);
  return found ? ok(found) : fail(`no device ${target} in this profile; it declares ${ids.join(', ') || 'none'}`);
}

type Answer<T> = { value: T; source: string };

/** Asks the running host; with none, opens the profile's devices for the time of `locally`. */
async function fromHostOrLocally<T extends DeviceHealth[] | Measurement | BadgeScan | PrintJob | CardKind | 'unknown'>(
  context: TechnicianContext,
  request: ControlRequest,
  locally: (manager: DeviceManager) => Promise<Result<T>>,
): Promise<Result<Answer<T>>> {
  const asked = await askHost(context.socketPath, request, (READ_TIMEOUT_SECONDS + 5) * 1000);
  if (asked.ok) {
    const value = valueOf(asked.value);
    return value.ok ? ok({ value: value.value as T, source: 'from the running kiosk' }) : value;
  }
  if (!asked.error.noHost) return fail(asked.error.message);
  const manager = new DeviceManager(context.devices, context.logger ?? silentLogger);
  try {
    await manager.start();
    const value = await locally(manager);
    return value.ok ? ok({ value: value.value, source: 'no kiosk running: devices opened by this command' }) : value;
  } finally {
    await manager.stop();
  }
}

function valueOf(response: ControlResponse): Result<DeviceHealth[] | Measurement | BadgeScan | PrintJob | CardKind | 'unknown'> {
  if (!response.ok) return fail(response.error);
  if ('devices' in response) return ok(response.devices);
  if ('card' in response) return ok(response.card);
  if ('badge' in response) return ok(response.badge);
  return ok('measurement' in response ? response.measurement : response.job);
}

/** With the line that enrols it for an agent in the profile; the badge's number never reaches this process. */
const describeBadge = (scan: BadgeScan): string =>
  `badge reader: badge ${scan.id} (${scan.via}, ${scan.at}); to enrol it, give its agent "badgeHash": "${badgeHashOf(scan.id)}"`;

function describeMeasurement(measurement: Measurement): string {
  switch (measurement.kind) {
    case 'thermometer': return `thermometer: ${measurement.celsius.toFixed(1)} °C${measurement.site ? ` (${measurement.site})` : ''}`;
    case 'pulseOximeter': {
      const { spo2Percent, pulsePerMinute, flags = [] } = measurement;
      return `pulse oximeter: SpO2 ${spo2Percent} %, pulse ${pulsePerMinute}/min${flags.length > 0 ? `; noticed: ${flags.join(', ')}` : ''}`;
    }
    case 'bloodPressureMonitor': {
      const { systolicMmHg, diastolicMmHg, meanArterialMmHg, pulsePerMinute, sentIn, flags } = measurement;
      return `blood pressure monitor: ${Math.round(systolicMmHg)}/${Math.round(diastolicMmHg)} mmHg, mean ${Math.round(meanArterialMmHg)} mmHg`
        + `${pulsePerMinute === null ? '' : `, pulse ${Math.round(pulsePerMinute)}/min`}${sentIn === 'kPa' ? ' (sent in kPa)' : ''}`
        + `${flags.length > 0 ? `; noticed: ${flags.join(', ')}` : ''}`;
    }
    case 'scale': {
      const { kilograms, sentIn, bmi, heightMetres } = measurement;
      return `scale: ${kilograms.toFixed(1)} kg${sentIn === 'lb' ? ' (sent in lb)' : ''}`
        + `${bmi === null || heightMetres === null ? '' : `, BMI ${bmi.toFixed(1)}, height ${heightMetres.toFixed(2)} m`}`;
    }
  }
}
