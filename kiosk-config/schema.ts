import { z } from 'zod';
import { DevicesConfigSchema } from '../common/device-config';
import { LanguageSchema } from '../common/language';
import { LockdownConfigSchema } from '../common/lockdown-config';
import { AdminConfigSchema } from './admin-schema';
import { characters, CONTROL_CHARACTERS } from '../common/screen-text';
import { CARD_KINDS } from '../common/cards';
import { ProcedureIdSchema } from '../common/procedure-catalog';
import type { Screen } from '../common/snapshot';

/**
 * Text limits. A profile comes from a file a person or the fleet wrote: a name of 50 MB or a line
 * break inside it is a mistake (or worse), and it would travel into every log line and to the fleet.
 */
export const KIOSK_NAME_MAX = 80;

/**
 * What a kiosk is for. `production` serves the public, so it is the default: a profile that forgets
 * to say gets the safe behaviour. Only `demo` and `test` kiosks may be driven by test automation.
 */
export const KIOSK_PURPOSES = ['production', 'demo', 'test'] as const;
export type KioskPurpose = (typeof KIOSK_PURPOSES)[number];

const KioskNameSchema = z.string()
  .min(1, 'give the kiosk a name, as people on site call it')
  .refine((name) => characters(name) <= KIOSK_NAME_MAX, {
    error: (issue) =>
      `keep the name to ${KIOSK_NAME_MAX} characters or fewer, this one has ${characters(issue.input as string)}`,
  })
  .refine((name) => !CONTROL_CHARACTERS.test(name), 'write the name on one line, without tabs or control characters');

/** An object whose keys are some of `keys`; an unknown key is named, with the ones to choose from. */
function keyedBy<K extends string, V>(keys: readonly K[], what: string, value: z.ZodType<V>) {
  return z.record(z.string(), value).superRefine((record, ctx) => {
    for (const key of Object.keys(record)) {
      if (!(keys as readonly string[]).includes(key)) {
        ctx.addIssue({ code: 'custom', path: [key], message: `"${key}" is not ${what}: choose among ${keys.join(', ')}` });
      }
    }
  }).transform((record) => record as Partial<Record<K, V>>);
}

/** The visit's steps, each of which may have an inactivity timeout of its own. */
export const VISIT_STEPS = ['language', 'consent', 'home', 'guide', 'measure', 'site'] as const satisfies readonly Screen[];

const IdleSecondsSchema = z.number().int().min(5).max(3600);

const SESSION_DEFAULTS = { idleTimeoutSeconds: 90, idleTimeoutSecondsByScreen: {}, idleWarningSeconds: 20, endScreenSeconds: 8, wipeRetrySeconds: 30 };

export const ProfileSchema = z.object({
  kiosk: z.object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'use lowercase letters, digits and dashes (2 to 63)'),
    name: KioskNameSchema,
    purpose: z.enum(KIOSK_PURPOSES).default('production'),
  }).strict(),
  languages: z.object({
    offered: z.array(LanguageSchema).min(1).refine((l) => new Set(l).size === l.length, 'list each language once'),
    default: LanguageSchema,
  }).strict().refine((l) => l.offered.includes(l.default), {
    message: 'the default language must be one of the offered languages', path: ['default'],
  }),
  session: z.object({
    /** Seconds without a touch before the inactivity warning shows, on every step without its own below. */
    idleTimeoutSeconds: IdleSecondsSchema.default(90),
    /**
     * Steps that need another timeout: longer on an official site (a form takes reading), shorter on
     * home (a person who walked away). A busy step (a call, a print job) never times out.
     */
    idleTimeoutSecondsByScreen: keyedBy(VISIT_STEPS, "one of the visit's steps", IdleSecondsSchema).default({}),
    /** Seconds the warning counts down before the visit ends. */
    idleWarningSeconds: z.number().int().min(3).max(300).default(20),
    /** Seconds the end screen stays before the wipe. */
    endScreenSeconds: z.number().int().min(1).max(120).default(8),
    /** Seconds between wipe attempts while the kiosk is out of service after a failed wipe. */
    wipeRetrySeconds: z.number().int().min(1).max(3600).default(30),
  }).strict().default(SESSION_DEFAULTS),
  watchdog: z.object({
    /** Seconds a page attached to the bridge may stay silent (no heartbeat) before it is reloaded as hung. */
    hangTimeoutSeconds: z.number().int().min(5).max(300).default(15),
    /** This many crashes or hangs within `failureWindowSeconds` and the kiosk stays out of service. */
    maxFailures: z.number().int().min(2).max(100).default(3),
    failureWindowSeconds: z.number().int().min(10).max(3600).default(120),
  }).strict().default({ hangTimeoutSeconds: 15, maxFailures: 3, failureWindowSeconds: 120 }),
  /** Anonymous usage events for the fleet (docs/usage.md): kept locally, within these bounds, until the fleet takes them. */
  usage: z.object({
    /** Off, the kiosk records nothing about its use. */
    enabled: z.boolean().default(true),
    /** Rows kept at most; past it the oldest tenth is dropped, and counted as lost. About 130 bytes a row. */
    maxRows: z.number().int().min(100).max(1_000_000).default(20_000),
    /** Days an event waits for the fleet at most; older ones are dropped, and counted as lost. */
    maxAgeDays: z.number().int().min(1).max(730).default(90),
  }).strict().default({ enabled: true, maxRows: 20_000, maxAgeDays: 90 }),
  shell: z.object({
    /**
     * Lets `--test-cdp-port` expose the Chromium shell's DevTools protocol on loopback so that
     * end-to-end tests can drive the real kiosk. Demo and test kiosks only (checked below).
     */
    allowTestAutomation: z.boolean().default(false),
  }).strict().default({ allowTestAutomation: false }),
  /** One entry per device kind, each validated by its kind's schema (common/device-config.ts). */
  devices: DevicesConfigSchema.default({}),
  /** What a visit may reach besides the kiosk's own pages (common/lockdown-config.ts). */
  lockdown: LockdownConfigSchema.default({ allow: [], mediaOrigins: [] }),
  /**
   * The guided procedures this kiosk offers (docs/catalog.md). `dir`: the catalog's folder, relative to
   * this profile's folder or absolute; the shipped catalog when absent. `procedures`: the ids offered,
   * in the catalog's order on screen; every procedure of the catalog when absent.
   */
  catalog: z.object({
    dir: z.string().min(1, 'give the catalog folder, or leave "dir" out for the shipped catalog').max(4096).optional(),
    procedures: z.array(ProcedureIdSchema).min(1, 'list at least one procedure, or leave "procedures" out to offer them all').max(500)
      .refine((ids) => new Set(ids).size === ids.length, 'list each procedure once').optional(),
  }).strict().default({}),
  /**
   * The procedure whose guide opens when a card of this kind is read (on the attract screen it starts
   * the visit). Checked against the procedures offered when the kiosk starts.
   */
  cards: keyedBy(CARD_KINDS, 'a card kind the kiosk knows', ProcedureIdSchema).default({}),
  /** The administrator exit (kiosk-config/admin-schema.ts); absent, the hidden gesture does nothing. */
  admin: AdminConfigSchema.optional(),
}).strict().superRefine((profile, ctx) => {
  // A copy of a production profile with one flag flipped must not open a remote-control port on a
  // kiosk in public service: the purpose has to be changed too, on purpose.
  if (profile.shell.allowTestAutomation && profile.kiosk.purpose === 'production') {
    ctx.addIssue({
      code: 'custom',
      path: ['shell', 'allowTestAutomation'],
      message: 'refused on a production kiosk (kiosk.purpose is "production", the default): set it to false, '
        + 'or set kiosk.purpose to "demo" or "test" if this kiosk never serves the public',
    });
  }
});
export type Profile = z.infer<typeof ProfileSchema>;
