import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { CardKindSchema } from '../common/cards';
import { BadgeScanSchema } from '../common/badge';
import { DeviceHealthSchema, DeviceKindSchema } from '../common/devices';
import { MeasurementSchema } from '../common/measurements';
import { PrintJobSchema } from '../common/print-job';

/**
 * What the technician CLI asks a running host over its local control socket, one JSON object per
 * line each way. `read` arms a device and answers its next measurement (a card reader: the kind of its card; a badge reader: its next badge); the host refuses it while a
 * visit is on, so that a technician never sees a citizen's reading. `print-test` prints the test receipt
 * and answers its job once done or failed.
 */
export const ControlRequestSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('status') }).strict(),
  z.object({ op: z.literal('read'), device: DeviceKindSchema, timeoutSeconds: z.number().positive().max(600).default(60) }).strict(),
  z.object({ op: z.literal('print-test'), device: DeviceKindSchema, timeoutSeconds: z.number().positive().max(600).default(60) }).strict(),
]);
export type ControlRequest = z.input<typeof ControlRequestSchema>;

export const ControlResponseSchema = z.union([
  z.object({ ok: z.literal(false), error: z.string() }).strict(),
  z.object({ ok: z.literal(true), devices: z.array(DeviceHealthSchema) }).strict(),
  z.object({ ok: z.literal(true), measurement: MeasurementSchema }).strict(),
  /** A badge reader's `read`: the badge's opaque id, never its number. */
  z.object({ ok: z.literal(true), badge: BadgeScanSchema }).strict(),
  z.object({ ok: z.literal(true), job: PrintJobSchema }).strict(),
  /** A card reader's `read`: the kind of the card in it, never more. */
  z.object({ ok: z.literal(true), card: z.union([CardKindSchema, z.literal('unknown')]) }).strict(),
]);
export type ControlResponse = z.infer<typeof ControlResponseSchema>;

/** A request line longer than this is not a request: the connection is answered with an error and closed. */
export const MAX_REQUEST_BYTES = 4096;

/**
 * Where the host listens and the CLI asks: `BORNE_DEVICES_SOCKET`, or `devices.sock` in this user's
 * private folder in memory (the runtime folder, else /dev/shm), the same for both without configuration.
 */
export function controlSocketPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.BORNE_DEVICES_SOCKET) return env.BORNE_DEVICES_SOCKET;
  const base = [env.XDG_RUNTIME_DIR, '/dev/shm'].find((dir) => dir && existsSync(dir)) ?? tmpdir();
  return path.join(base, `borne-${process.getuid?.() ?? 'user'}`, 'devices.sock');
}
