import { z } from 'zod';

export const DEVICE_KINDS = ['thermometer', 'pulseOximeter'] as const;
export const DeviceKindSchema = z.enum(DEVICE_KINDS);
export type DeviceKind = z.infer<typeof DeviceKindSchema>;

/**
 * What the kiosk knows of a peripheral. `connecting` while its port opens, `ready` when it can
 * measure, `offline` with a reason a technician can act on.
 */
export const DeviceStatusSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('connecting') }).strict(),
  z.object({ state: z.literal('ready') }).strict(),
  z.object({ state: z.literal('offline'), reason: z.string() }).strict(),
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
