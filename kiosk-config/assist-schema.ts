import { z } from 'zod';
import { AgentNameSchema } from '../common/hand';
import { PinHashSchema } from './admin-schema';

/** The agent badge's id as the profile keeps it: `sha256$<base64 of the SHA-256 of the id>`, never the id itself. */
const BADGE_HASH = /^sha256\$[A-Za-z0-9+/]{43}=$/;

const AgentSchema = z.object({
  /** What the agent types on the login form, and what the journal records. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'use lowercase letters, digits and dashes (1 to 40)'),
  /** What the citizen's screen shows while this agent has the hand ("Marie"). */
  name: AgentNameSchema,
  /** The agent's own PIN, hashed as the administrator's is (`npm run admin-pin` makes the line). */
  pinHash: PinHashSchema,
  /** The agent's badge, hashed: a badge read by the host may log the agent in (docs/security.md). */
  badgeHash: z.string().regex(BADGE_HASH, 'a badge hash is sha256$ and the base64 of the SHA-256 of the badge id').optional(),
}).strict();

/** An IPv4 or IPv6 literal: the server checks each request's Host against it, so a name would not do. */
const IpAddressSchema = z.union([z.ipv4(), z.ipv6()], { error: 'an IP address (127.0.0.1 for this machine only, or the kiosk\'s LAN address)' });

/**
 * Assisted mode (docs/security.md, "Assisted mode"): an agent's page that mirrors the visit and can take
 * the hand. Absent, there is no agent page and no hand: the kiosk serves alone.
 */
export const AssistConfigSchema = z.object({
  listen: z.object({
    /** Loopback by default (a second window on this machine); the kiosk's LAN address is an explicit choice. */
    host: IpAddressSchema.default('127.0.0.1'),
    /** 0 picks a free port (tests); the agent server logs the one it got. */
    port: z.number().int().min(0).max(65535).default(8470),
  }).strict().default({ host: '127.0.0.1', port: 8470 }),
  agents: z.array(AgentSchema).min(1, 'list at least one agent').max(50)
    .refine((agents) => new Set(agents.map((a) => a.id)).size === agents.length, 'give each agent a different id'),
  /** How long an agent stays logged in: a shift, not a visit. Logging out ends it sooner. */
  sessionMinutes: z.number().int().min(5).max(12 * 60).default(240),
  /** Wrong PINs in a row (whichever agent) before the login locks. */
  maxAttempts: z.number().int().min(1).max(20).default(5),
  /** How long the login stays locked; it survives a restart (read back from the assist journal). */
  lockoutMinutes: z.number().int().min(1).max(24 * 60).default(15),
}).strict();
export type AssistConfig = z.infer<typeof AssistConfigSchema>;
