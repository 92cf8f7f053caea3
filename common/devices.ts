import { z } from 'zod';

export const DEVICE_KINDS = ['thermometer'] as const;
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
