import { z } from 'zod';

/**
 * Commands the host takes from its own side (the fleet agent, later over MQTT), never from a renderer.
 * Parsed with this schema wherever they come from; the host journals them as sent by the fleet.
 */
export const HostCommandSchema = z.discriminatedUnion('type', [
  /** Takes the kiosk out of service (after the visit under way, if any), or back into service. */
  z.object({ type: z.literal('maintenance'), on: z.boolean() }).strict(),
]);
export type HostCommand = z.infer<typeof HostCommandSchema>;
