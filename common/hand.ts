import { z } from 'zod';

/** An agent's name as the citizen's screen shows it ("Marie has the hand"). */
export const AgentNameSchema = z.string().min(1).max(40);

/**
 * Who drives the visit in assisted mode (common/assist.ts), as every view of it shows: the citizen at
 * the kiosk, or a named agent. In the snapshot, null when the profile has no assisted mode.
 */
export const HandViewSchema = z.object({
  hand: z.enum(['citizen', 'agent']),
  /** The agent holding the hand; null while the citizen has it. */
  agentName: AgentNameSchema.nullable(),
  /** The citizen pressed "ask for help" and no agent has taken the hand since. */
  helpAsked: z.boolean(),
}).strict().refine((view) => (view.hand === 'agent') === (view.agentName !== null), {
  message: 'an agent name goes with an agent holding the hand, and only then', path: ['agentName'],
});
export type HandView = z.infer<typeof HandViewSchema>;
