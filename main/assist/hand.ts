import type { RendererEvent } from '../../common/bridge';
import type { HandView } from '../../common/hand';

/**
 * Who drives the visit in assisted mode, as the session machine keeps it (a per-visit field: the wipe
 * puts it back to the citizen). The agent's id stays in the host; views see the name only.
 */
export type Hand =
  | { holder: 'citizen'; helpAsked: boolean }
  | { holder: 'agent'; agentId: string; agentName: string; helpAsked: false };

export const CITIZEN_HAND: Hand = { holder: 'citizen', helpAsked: false };

/** Raised by the agent server for a logged-in agent; never from the kiosk's bridge (the contract excludes them). */
export type AgentHandEvent =
  | { type: 'AGENT.TAKE_HAND'; agentId: string; agentName: string }
  | { type: 'AGENT.GIVE_BACK'; agentId: string };

type HandEvent = AgentHandEvent | Extract<RendererEvent, { type: 'HELP.ASK' | 'HAND.RECLAIM' }>;

/**
 * The hand after `event`, or null when the event changes nothing (the machine then refuses it, and
 * `can` says so). Asking for help is remembered until an agent takes the hand; an agent takes it only
 * from the citizen, and gives back only their own; the citizen may always take it back.
 */
export function nextHand(hand: Hand, event: HandEvent): Hand | null {
  switch (event.type) {
    case 'HELP.ASK':
      return hand.holder === 'citizen' && !hand.helpAsked ? { holder: 'citizen', helpAsked: true } : null;
    case 'AGENT.TAKE_HAND':
      return hand.holder === 'citizen' ? { holder: 'agent', agentId: event.agentId, agentName: event.agentName, helpAsked: false } : null;
    case 'AGENT.GIVE_BACK':
      return hand.holder === 'agent' && hand.agentId === event.agentId ? CITIZEN_HAND : null;
    case 'HAND.RECLAIM':
      return hand.holder === 'agent' ? CITIZEN_HAND : null;
  }
}

export const handView = (hand: Hand): HandView =>
  hand.holder === 'agent'
    ? { hand: 'agent', agentName: hand.agentName, helpAsked: false }
    : { hand: 'citizen', agentName: null, helpAsked: hand.helpAsked };

/**
 * What the kiosk's own views may still send while an agent holds the hand: signs of life, presence,
 * the administrator's gesture, and taking the hand back. Every other touch is the agent's to make.
 */
const WHILE_AGENT_DRIVES: ReadonlySet<RendererEvent['type']> = new Set([
  'USER.ACTIVITY', 'VIEW.ALIVE', 'VIEW.PAINTED', 'HAND.RECLAIM',
  'ADMIN.OPEN', 'ADMIN.PIN', 'ADMIN.CLOSE', 'ADMIN.MAINTENANCE', 'ADMIN.RESTART', 'ADMIN.EXIT_TO_DESKTOP',
]);

export const citizenMaySend = (hand: Hand, event: RendererEvent): boolean =>
  hand.holder === 'citizen' || WHILE_AGENT_DRIVES.has(event.type);
