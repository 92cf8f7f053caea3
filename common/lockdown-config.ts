import { z } from 'zod';
import { LanguageSchema } from './language';
import { CallKindSchema } from './sites';

/** `https://www.service-public.fr`: scheme, host and port, nothing more. */
const OriginSchema = z.string().max(2048).refine((text) => {
  if (!URL.canParse(text)) return false;
  const url = new URL(text);
  return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === text;
}, 'give an origin: http or https, host and port, no path and no trailing slash (for example https://www.service-public.fr)');

/**
 * A tile's name on the home screen, on one line, in the languages the profile offers (the profile
 * checks that each offered one is there): a kiosk that does not offer Arabic needs no Arabic label.
 */
const SiteLabelSchema = z.partialRecord(LanguageSchema, z.string().min(1).max(60).regex(/^[^\u0000-\u001f\u007f-\u009f]*$/, 'write the label on one line'));

/**
 * Where an allow entry reaches: an origin and a path prefix. Also the shape of a guided procedure's
 * sites (common/procedure-catalog.ts), so both lists mean the same thing to the lockdown policy.
 */
export const SiteScopeSchema = z.object({
  origin: OriginSchema,
  pathPrefix: z.string().max(2048).startsWith('/', 'a path prefix starts with /').default('/'),
}).strict();
export type SiteScope = z.infer<typeof SiteScopeSchema>;

const SiteRuleSchema = SiteScopeSchema.extend({
  /** With a label, the home screen offers this site as a tile (until guided procedures list them). */
  label: SiteLabelSchema.optional(),
  /** The page the tile opens; the origin itself (under the prefix) when omitted. */
  start: z.url({ protocol: /^https?$/ }).max(2048).optional(),
  /** A video call's site (common/sites.ts): its origin may use the camera and microphone, like `mediaOrigins`. */
  call: CallKindSchema.optional(),
}).strict().superRefine((rule, ctx) => {
  if (rule.call !== undefined && rule.label === undefined) {
    ctx.addIssue({ code: 'custom', path: ['label'], message: 'a video call is offered as a tile on the home screen: give it a label' });
  }
  if (rule.start !== undefined && !isInsideRule(rule.start, rule)) {
    ctx.addIssue({ code: 'custom', path: ['start'], message: `the start page must be under ${rule.origin}${rule.pathPrefix}` });
  }
});

/**
 * `/rdv` holds `/rdv`, `/rdv/` and `/rdv/x`, not `/rdvx`: a prefix is a folder, not a string. The one
 * rule of what an allow entry covers: the lockdown policy decides with it too.
 */
export function isInsideRule(url: string, rule: { origin: string; pathPrefix: string }): boolean {
  if (!URL.canParse(url)) return false;
  const { origin, pathname } = new URL(url);
  if (origin !== rule.origin) return false;
  if (rule.pathPrefix === '/' || pathname === rule.pathPrefix) return true;
  const folder = rule.pathPrefix.endsWith('/') ? rule.pathPrefix : `${rule.pathPrefix}/`;
  return pathname.startsWith(folder);
}

/** The page a site's tile opens. */
export function siteStart(rule: { origin: string; pathPrefix: string; start?: string | undefined }): string {
  return rule.start ?? `${rule.origin}${rule.pathPrefix}`;
}

/**
 * What a visit may reach besides the kiosk's own pages. Here, in common/, because the profile schema
 * and the fleet validate with it; main/lockdown/ turns it into decisions and Chromium policies.
 */
export const LockdownConfigSchema = z.object({
  /** Official sites a visit may open, by origin and path prefix. Everything else is refused. */
  allow: z.array(SiteRuleSchema).max(500).default([]),
  /** Origins that may use the camera and the microphone, besides the `call` sites of `allow` (which always may). */
  mediaOrigins: z.array(OriginSchema).max(50).default([]),
}).strict();
export type LockdownConfig = z.infer<typeof LockdownConfigSchema>;
