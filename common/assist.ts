import { z } from 'zod';
import { PinSchema } from './admin';
import { RendererEventSchema, type RendererEvent } from './bridge';
import { AgentNameSchema } from './hand';
import { SessionSnapshotSchema } from './snapshot';

/*
 * Assisted mode: an agent (a town hall or France Services agent) follows a visit from a page of their
 * own, takes the hand, pushes the next step, and hands the screen back. This is the contract between
 * that page and the host's agent server (main/assist/); the citizen's screen only sees `HandView` (common/hand.ts).
 */

/**
 * The steps an agent may push on the citizen's behalf, when they hold the hand and the machine would
 * take the event now. Not the citizen's own answers (consent, satisfaction, asking for help), not the
 * administrator's, not the page's own reports.
 */
export const PUSHABLE_EVENT_TYPES = [
  'LANGUAGE.CHOOSE', 'PROCEDURE.OPEN', 'PROCEDURE.START', 'PROCEDURE.CLOSE', 'SITE.OPEN', 'SITE.CLOSE',
  'MEASURE.DONE', 'MEASURE.CANCEL', 'VISIT.FINISH',
] as const satisfies ReadonlyArray<RendererEvent['type']>;
const PUSHABLE: ReadonlySet<string> = new Set(PUSHABLE_EVENT_TYPES);
export type PushableEvent = Extract<RendererEvent, { type: (typeof PUSHABLE_EVENT_TYPES)[number] }>;
export const PushableEventSchema = RendererEventSchema.refine(
  (event) => PUSHABLE.has(event.type), { message: `an agent may push only ${PUSHABLE_EVENT_TYPES.join(', ')}` },
) as unknown as z.ZodType<PushableEvent>;

/** What the agent page sends over its socket. */
export const AgentCommandSchema = z.discriminatedUnion('type', [
  /** Takes the hand: the citizen's touches stop driving the visit until it is handed back. */
  z.object({ type: z.literal('HAND.TAKE') }).strict(),
  z.object({ type: z.literal('HAND.GIVE_BACK') }).strict(),
  /** Sends one step on the citizen's behalf (the agent must hold the hand). */
  z.object({ type: z.literal('STEP.PUSH'), event: PushableEventSchema }).strict(),
]);
export type AgentCommand = z.infer<typeof AgentCommandSchema>;

/** What the host sends the agent page: the visit as the kiosk shows it, and what the agent may do now. */
export const AgentMessageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('mirror'),
    snapshot: SessionSnapshotSchema,
    /** The agent this page is logged in as. */
    agent: z.object({ id: z.string(), name: AgentNameSchema }).strict(),
    /** The steps the machine would take now, to offer as buttons (empty unless this agent holds the hand). */
    pushes: z.array(PushableEventSchema),
    /** Whether this agent may take the hand now (a visit is under way and the citizen holds it). */
    mayTake: z.boolean(),
    /** Whether this agent holds the hand (agents' names need not differ; their ids do). */
    holdsHand: z.boolean(),
  }).strict(),
  z.object({ type: z.literal('rejected'), reason: z.string() }).strict(),
]);
export type AgentMessage = z.infer<typeof AgentMessageSchema>;

/** The agent server's paths (main/assist/agent-server.ts). */
export const AGENT_PATHS = {
  page: '/',
  login: '/login',
  logout: '/logout',
  /** GET: 200 with the agent's name while logged in, 401 otherwise. */
  me: '/me',
  /** The mirror framed in the agent page (renderer/mirror.html). */
  mirror: '/mirror',
  socket: '/socket',
} as const;

/** The login form's body; a wrong one is answered 400 without checking anything. */
export const AgentLoginSchema = z.object({
  agent: z.string().min(1).max(40).regex(/^[a-z0-9][a-z0-9-]*$/, 'an agent id: lowercase letters, digits and dashes'),
  pin: PinSchema,
}).strict();

/** The login's answer, in JSON, whatever the status. */
export type AgentLoginAnswer =
  | { verdict: 'accepted'; name: string }
  | { verdict: 'wrong'; attemptsLeft: number }
  | { verdict: 'locked'; minutesLeft: number }
  /** Another login is being checked (one at a time): try again. */
  | { verdict: 'busy' }
  | { verdict: 'invalid'; reason: string };
