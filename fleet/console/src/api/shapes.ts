import { z } from 'zod';
import { COMMAND_NAMES, KioskStatusSchema } from '../../../../common/fleet-messages';
import { AuditLineSchema } from '../../../server/api/audit-line';
import { COMMAND_DELIVERIES, COMMAND_STATES, KIOSK_STATES, ROLES } from '../../../server/store/schema';

/**
 * The API's answers as the console reads them, checked on arrival: a server of another version gets
 * "unexpected answer", never a blank page. Fields the MQTT ingest adds are optional, so a server
 * without it still lists its kiosks.
 */
export const SessionSchema = z.object({ username: z.string(), role: z.enum(ROLES), csrfToken: z.string() });
export type ConsoleSession = z.infer<typeof SessionSchema>;

export const KioskSchema = z.object({
  id: z.string(),
  name: z.string(),
  state: z.enum(KIOSK_STATES),
  created_at: z.string(),
  last_seen_at: z.string().nullable().optional(),
  group_name: z.string().nullable().optional(),
  config_reported_version: z.number().nullable().optional(),
  config_error: z.string().nullable().optional(),
  online: z.boolean().optional(),
  heardAt: z.string().nullable().optional(),
  // A status this console cannot read (a newer kiosk) shows as "no status" rather than hiding the kiosk.
  status: KioskStatusSchema.nullable().optional().catch(null),
});
export type Kiosk = z.infer<typeof KioskSchema>;
export const KioskListSchema = z.object({ kiosks: z.array(KioskSchema) });
/** GET /api/kiosks/:id answers the kiosk itself or wrapped in `{ kiosk }`. */
export const OneKioskSchema = z.union([z.object({ kiosk: KioskSchema }).transform((a) => a.kiosk), KioskSchema]);

export const HistorySchema = z.object({
  history: z.array(z.object({ heardAt: z.string().optional(), at: z.string().optional(), status: KioskStatusSchema })),
});

export const ConfigStateSchema = z.object({
  desired: z.object({ version: z.number(), config: z.unknown() }).nullable(),
  reported: z.object({ version: z.number(), error: z.string().optional() }).nullable(),
});
export type ConfigState = z.infer<typeof ConfigStateSchema>;

export const CommandSchema = z.object({
  id: z.string(),
  name: z.enum(COMMAND_NAMES).or(z.string()),
  delivery: z.enum(COMMAND_DELIVERIES),
  state: z.enum(COMMAND_STATES),
  created_at: z.string(),
  result_at: z.string().nullable().optional(),
  error: z.string().nullable().optional(),
  attachment: z.string().nullable().optional(),
});
export type Command = z.infer<typeof CommandSchema>;
export const CommandListSchema = z.object({ commands: z.array(CommandSchema) });

export const AlertSchema = z.object({
  id: z.number().or(z.string()),
  kiosk_id: z.string().nullable(),
  rule: z.string(),
  detail: z.string().nullable().optional(),
  raised_at: z.string(),
  cleared_at: z.string().nullable().optional(),
  acknowledged_by: z.string().nullable().optional(),
});
export type Alert = z.infer<typeof AlertSchema>;
export const AlertListSchema = z.object({ alerts: z.array(AlertSchema) });

export const STATISTICS_GROUPS = ['day', 'kiosk', 'procedure', 'language', 'site', 'outcome'] as const;
export type StatisticsGroup = (typeof STATISTICS_GROUPS)[number];
/** One bar: the group's key (a day, a kiosk id, a procedure…) and how many visits or events it had. */
export const StatisticsSchema = z.object({
  rows: z.array(z.object({ key: z.string().nullable(), count: z.number() }).passthrough()),
});

export const AccountSchema = z.object({ id: z.string(), username: z.string(), role: z.enum(ROLES), created_at: z.string() });
export type Account = z.infer<typeof AccountSchema>;
export const AccountListSchema = z.object({ accounts: z.array(AccountSchema) });

export { AuditLineSchema };
export type AuditLine = z.infer<typeof AuditLineSchema>;
export const AuditPageSchema = z.object({ lines: z.array(AuditLineSchema) });

export const EnrolmentTokenSchema = z.object({ id: z.string(), token: z.string(), expiresAt: z.string() });
export const ReleaseSchema = z.object({
  version: z.string(),
  files: z.array(z.object({ url: z.string(), sha512: z.string(), size: z.number() })),
  releaseNotes: z.string().nullable(),
  releaseDate: z.string(),
});
export const ReleaseListSchema = z.object({ releases: z.array(ReleaseSchema) });
export const RolloutSchema = z.object({
  id: z.string(),
  version: z.string(),
  fromVersion: z.string().nullable(),
  stages: z.array(z.object({ percent: z.number(), groups: z.array(z.string()).optional() })),
  stage: z.number(),
  state: z.enum(['running', 'paused', 'complete', 'rolled-back']),
  healthMinutes: z.number(),
  progress: z.object({
    targeted: z.number(), healthy: z.number(), waiting: z.number(), unhealthy: z.number(),
    holding: z.array(z.object({ id: z.string(), name: z.string(), why: z.string() })),
  }).optional(),
});
export type Rollout = z.infer<typeof RolloutSchema>;
export const RolloutListSchema = z.object({ rollouts: z.array(RolloutSchema) });

export const AnySchema = z.unknown();
