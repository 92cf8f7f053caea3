import { z } from 'zod';

/** `https://www.service-public.fr`: scheme, host and port, nothing more. */
const OriginSchema = z.string().max(2048).refine((text) => {
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === text;
  } catch {
    return false;
  }
}, 'give an origin: http or https, host and port, no path and no trailing slash (for example https://www.service-public.fr)');

/**
 * What a visit may reach besides the kiosk's own pages. Here, in common/, because the profile schema
 * and the fleet validate with it; main/lockdown/ turns it into decisions and Chromium policies.
 */
export const LockdownConfigSchema = z.object({
  /** Official sites a visit may open, by origin and path prefix. Everything else is refused. */
  allow: z.array(z.object({
    origin: OriginSchema,
    pathPrefix: z.string().max(2048).startsWith('/', 'a path prefix starts with /').default('/'),
  }).strict()).max(500).default([]),
  /** Origins that may use the camera and the microphone (video appointments, teleconsultation). */
  mediaOrigins: z.array(OriginSchema).max(50).default([]),
}).strict();
export type LockdownConfig = z.infer<typeof LockdownConfigSchema>;
