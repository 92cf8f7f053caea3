import { z } from 'zod';
import { LanguageSchema } from './language';
import { MeasurementsSchema } from './measurements';
import { DeviceHealthSchema, DeviceKindSchema, DeviceStatusSchema, MeasuringKindSchema } from './devices';
import { ADMIN_SCREENS, AdminViewSchema } from './admin';
import { SiteSchema, SiteTileSchema } from './sites';
import { HandViewSchema } from './hand';
import { HomeCatalogSchema, MemoPrintSchema, ProcedureViewSchema, SatisfactionSchema } from './visit-views';
import { DisplayPreferencesSchema } from './accessibility';

/** The screens of a visit. The renderer picks a screen from this and nothing else. */
export const SCREENS = ['attract', 'language', 'consent', 'home', 'guide', 'measure', 'site', 'end', 'wipe', 'out-of-service', ...ADMIN_SCREENS] as const;
export const isAdminScreen = (screen: Screen) => (ADMIN_SCREENS as readonly string[]).includes(screen);
export const ScreenSchema = z.enum(SCREENS);
export type Screen = z.infer<typeof ScreenSchema>;

/**
 * Where a measurement step stands: `arming` the device, `waiting` for the person to use it, `failed`
 * to arm it or the device went offline, `no-reading` when none came within the device's timeout,
 * `measured` with the reading in `measurements`. `failure` is the reason, for the agent only.
 */
export const MEASURING_PHASES = ['arming', 'waiting', 'failed', 'no-reading', 'measured'] as const;
export const MeasuringPhaseSchema = z.enum(MEASURING_PHASES);
export type MeasuringPhase = z.infer<typeof MeasuringPhaseSchema>;

export const MeasuringSchema = z.object({
  kind: MeasuringKindSchema,
  phase: MeasuringPhaseSchema,
  failure: z.string().nullable(),
}).strict();
export type Measuring = z.infer<typeof MeasuringSchema>;

/** Everything a view needs to draw the kiosk. The host sends a whole snapshot on every change. */
export const SessionSnapshotSchema = z.object({
  screen: ScreenSchema,
  /** The visit's language, or the profile's default between visits. */
  language: LanguageSchema,
  offeredLanguages: z.array(LanguageSchema).min(1),
  /** The visit's text size and contrast; STANDARD_DISPLAY between visits. */
  display: DisplayPreferencesSchema,
  /** Set while the inactivity warning counts down; the visit ends when it reaches zero. */
  idleWarning: z.object({ secondsLeft: z.number().int().nonnegative() }).strict().nullable(),
  /** The visit's latest measurement of each kind; empty outside a visit and after the wipe. */
  measurements: MeasurementsSchema,
  /** The measurement step under way, on the `measure` screen; null otherwise. */
  measuring: MeasuringSchema.nullable(),
  devices: z.partialRecord(DeviceKindSchema, DeviceStatusSchema),
  /** For staff screens only (admin panel, agent view): technical reasons, never a measured value. */
  deviceHealth: z.partialRecord(DeviceKindSchema, DeviceHealthSchema),
  /** The official sites the home screen offers (the profile's labelled sites). */
  siteTiles: z.array(SiteTileSchema),
  /** The site open in the kiosk's view, on the `site` screen; null otherwise. */
  site: SiteSchema.nullable(),
  /** The procedures the home screen offers, grouped by life event, in the visit's language; null on other screens. */
  catalog: HomeCatalogSchema.nullable(),
  /** The procedure the visit chose, on the `guide` screen and on its site; null otherwise. */
  procedure: ProcedureViewSchema.nullable(),
  /** The answer to the end screen's satisfaction question, once given; null otherwise. */
  satisfaction: SatisfactionSchema.nullable(),
  /** The procedure's printed memo, once asked for in this visit; null otherwise. */
  memoPrint: MemoPrintSchema.nullable(),
  /**
   * True while test automation can drive this kiosk remotely (the host got --test-cdp-port and the
   * profile allows it). Every screen then shows a permanent banner, so nobody mistakes it for a kiosk in service.
   */
  testAutomation: z.boolean(),
  /** The administrator's PIN screen or panel; null on every other screen. */
  admin: AdminViewSchema.nullable(),
  /** Assisted mode: who has the hand, and whether help was asked; null when the profile has no assisted mode. */
  assist: HandViewSchema.nullable(),
}).strict().refine((snapshot) => (snapshot.screen === 'measure') === (snapshot.measuring !== null), {
  message: 'a measurement step is shown on the measure screen, and only there', path: ['measuring'],
}).refine((snapshot) => isAdminScreen(snapshot.screen) === (snapshot.admin !== null), {
  message: 'the administrator view is sent on the administrator screens, and only there', path: ['admin'],
}).refine((snapshot) => (snapshot.screen === 'site') === (snapshot.site !== null), {
  message: 'an open site is shown on the site screen, and only there', path: ['site'],
}).refine((snapshot) => (snapshot.screen === 'home') === (snapshot.catalog !== null), {
  message: 'the catalog is sent on the home screen, and only there', path: ['catalog'],
}).refine((snapshot) => snapshot.procedure === null || snapshot.screen === 'guide' || snapshot.screen === 'site', {
  message: 'a chosen procedure is sent on its guide and its site only', path: ['procedure'],
}).refine((snapshot) => snapshot.screen !== 'guide' || snapshot.procedure !== null, {
  message: 'the guide screen needs its procedure', path: ['procedure'],
});
export type SessionSnapshot = z.infer<typeof SessionSnapshotSchema>;
