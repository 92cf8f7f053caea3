import { z } from 'zod';
import type { FleetStore } from '../store/store';

/**
 * The alert rules' parameters and where notifications go, edited by administrators and kept in the
 * settings table as one JSON value. The SMTP password is write-only: `publicAlertSettings` hides it.
 */
export const ALERT_RULES = ['offline', 'paper', 'device-error', 'crash-loop', 'wipe-failure'] as const;
export type AlertRule = (typeof ALERT_RULES)[number];

const Enabled = z.boolean();
export const AlertRulesSchema = z.object({
  offline: z.object({ enabled: Enabled, minutes: z.number().int().min(1).max(7 * 24 * 60) }).strict(),
  /** `nearEnd`: alert on a low roll too, not only an empty one. */
  paper: z.object({ enabled: Enabled, nearEnd: z.boolean() }).strict(),
  /** `absent`: a device that is not there (unplugged) counts as an error too. */
  'device-error': z.object({ enabled: Enabled, absent: z.boolean() }).strict(),
  'crash-loop': z.object({ enabled: Enabled, restartsPerHour: z.number().int().min(1).max(1000) }).strict(),
  'wipe-failure': z.object({ enabled: Enabled }).strict(),
}).strict();
export type AlertRules = z.infer<typeof AlertRulesSchema>;

/** http(s) only: a webhook is called by the server, so a file: or other scheme has no business here. */
const WebhookUrlSchema = z.url({ protocol: /^https?$/, error: 'an http:// or https:// URL' }).max(2048);
const EmailSchema = z.email().max(254);

const SmtpFields = {
  host: z.string().trim().min(1).max(253),
  port: z.number().int().min(1).max(65535),
  /** TLS from the first byte (port 465); otherwise STARTTLS is used when the server offers it. */
  secure: z.boolean(),
  user: z.string().max(254).nullable(),
  from: EmailSchema,
  to: z.array(EmailSchema).min(1).max(20),
};
const StoredSmtpSchema = z.object({ ...SmtpFields, password: z.string().max(1024).nullable() }).strict();

export const AlertSettingsSchema = z.object({
  rules: AlertRulesSchema,
  webhook: z.object({ url: WebhookUrlSchema }).strict().nullable(),
  smtp: StoredSmtpSchema.nullable(),
}).strict();
export type AlertSettings = z.infer<typeof AlertSettingsSchema>;
export type SmtpSettings = NonNullable<AlertSettings['smtp']>;

/**
 * What PUT /api/alert-settings takes: what GET gave, edited. The password is write-only: left out, the
 * stored one is kept; null removes it; a string replaces it. What GET adds (`passwordSet`, `delivery`)
 * is read-only and ignored, so an answer can be sent back as it came.
 */
export const AlertSettingsInputSchema = z.object({
  rules: AlertRulesSchema,
  webhook: z.object({ url: WebhookUrlSchema }).strict().nullable(),
  smtp: z.object({ ...SmtpFields, password: z.string().max(1024).nullable().optional(), passwordSet: z.boolean().optional() }).strict().nullable(),
  delivery: z.unknown().optional(),
}).strict();
export type AlertSettingsInput = z.infer<typeof AlertSettingsInputSchema>;

/** What GET answers: everything but the password, of which it says only whether one is set. */
export const PublicAlertSettingsSchema = z.object({
  rules: AlertRulesSchema,
  webhook: z.object({ url: z.string() }).nullable(),
  smtp: z.object({ ...SmtpFields, passwordSet: z.boolean() }).nullable(),
});
export type PublicAlertSettings = z.infer<typeof PublicAlertSettingsSchema>;

export const DEFAULT_ALERT_SETTINGS: AlertSettings = {
  rules: {
    offline: { enabled: true, minutes: 10 },
    paper: { enabled: true, nearEnd: true },
    'device-error': { enabled: true, absent: false },
    'crash-loop': { enabled: true, restartsPerHour: 3 },
    'wipe-failure': { enabled: true },
  },
  webhook: null,
  smtp: null,
};

const SETTING_NAME = 'alerts';

/** The stored settings, or the defaults when none were saved or the stored value no longer parses. */
export async function loadAlertSettings(store: FleetStore): Promise<AlertSettings> {
  return (await store.settings.parsed(SETTING_NAME, AlertSettingsSchema)) ?? DEFAULT_ALERT_SETTINGS;
}

/** Saves an administrator's edit, keeping the stored SMTP password when the edit leaves it out. */
export async function saveAlertSettings(store: FleetStore, input: AlertSettingsInput): Promise<AlertSettings> {
  const previous = await loadAlertSettings(store);
  let smtp: AlertSettings['smtp'] = null;
  if (input.smtp) {
    const { password, passwordSet: _readOnly, ...fields } = input.smtp;
    smtp = { ...fields, password: password === undefined ? previous.smtp?.password ?? null : password };
  }
  const settings: AlertSettings = { rules: input.rules, webhook: input.webhook, smtp };
  await store.settings.put(SETTING_NAME, JSON.stringify(settings));
  return settings;
}

export function publicAlertSettings({ rules, webhook, smtp }: AlertSettings): PublicAlertSettings {
  if (!smtp) return { rules, webhook, smtp: null };
  const { password, ...rest } = smtp;
  return { rules, webhook, smtp: { ...rest, passwordSet: password !== null && password !== '' } };
}
