import { z } from 'zod';

export const DEVICE_KINDS = ['thermometer', 'pulseOximeter', 'bloodPressureMonitor', 'scale'] as const;
export const DeviceKindSchema = z.enum(DEVICE_KINDS);
export type DeviceKind = z.infer<typeof DeviceKindSchema>;

/**
 * What the kiosk knows of a peripheral. `connecting` while its port opens, `ready` when it can
 * measure, `offline` with a reason a technician can act on.
 */
export const DeviceStatusSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('connecting') }).strict(),
  z.object({ state: z.literal('ready') }).strict(),
  /** `absent`: the device node is not there at all (unplugged, wrong path), rather than there and failing. */
  z.object({ state: z.literal('offline'), reason: z.string(), absent: z.literal(true).optional() }).strict(),
]);
export type DeviceStatus = z.infer<typeof DeviceStatusSchema>;

/**
 * What the host may ask of a device. `arm`: a step is about to take a measurement (a cuff inflates,
 * an oximeter starts streaming); `cancel`: the step ended without one. Later kinds add theirs (`print`,
 * `eject`); each kind's registry entry lists the ones it accepts.
 */
export const DEVICE_COMMANDS = ['arm', 'cancel'] as const;
export const DeviceCommandSchema = z.enum(DEVICE_COMMANDS);
export type DeviceCommand = z.infer<typeof DeviceCommandSchema>;

/**
 * A device's health as staff see it (technician CLI, admin panel, agent view, fleet): `ok` while it
 * answers and nothing went wrong lately; `degraded` while it reconnects, or answers but recently sent
 * bad frames or implausible values or failed a command; `absent` when its device node is not there
 * (unplugged, wrong path); `error` when it is there but cannot be used (permissions, a failed
 * simulator, a driver fault). `lastError` outlives the recovery, so that a technician sees what
 * happened an hour ago; it is a reason, never a measured value.
 */
export const DEVICE_HEALTH_STATES = ['ok', 'degraded', 'absent', 'error'] as const;
export const DeviceHealthSchema = z.object({
  /** The device's key in the profile's `devices` section. */
  id: z.string(),
  kind: DeviceKindSchema,
  state: z.enum(DEVICE_HEALTH_STATES),
  lastError: z.object({ message: z.string(), at: z.iso.datetime() }).strict().nullable(),
  /** Since the host started: frames that did not decode, readings outside the plausible range. */
  malformedFrames: z.number().int().nonnegative(),
  refusedReadings: z.number().int().nonnegative(),
}).strict();
export type DeviceHealth = z.infer<typeof DeviceHealthSchema>;
export type DeviceHealthState = DeviceHealth['state'];
