import { z } from 'zod';

/**
 * An agent's badge, as the badge reader's driver announces it: an opaque id (a keyed hash of the badge
 * number made in devices/, see devices/codecs/badge-token.ts), never the number itself, and when it was read.
 */
export const BadgeScanSchema = z.object({
  kind: z.literal('badgeReader'),
  /** 32 hex characters: equal for the same badge on kiosks that share a salt, and nothing more. */
  id: z.string().regex(/^[0-9a-f]{32}$/),
  /** How the reader sent it: typed as a keyboard would, or in a HID data report. */
  via: z.enum(['keyboard-wedge', 'data']),
  at: z.iso.datetime(),
}).strict();
export type BadgeScan = z.infer<typeof BadgeScanSchema>;
