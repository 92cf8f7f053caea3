import { nextHand, type Hand } from '../assist/hand';
import type { SessionEvent } from './session-types';

const HAND_EVENTS = new Set(['HELP.ASK', 'HAND.RECLAIM', 'AGENT.TAKE_HAND', 'AGENT.GIVE_BACK']);
const isHandEvent = (event: SessionEvent): event is Parameters<typeof nextHand>[1] => HAND_EVENTS.has(event.type);

/** The hand after `event`, when it is an event of the hand (main/assist/hand.ts) that moves it; null otherwise. */
export const movedHand = (hand: Hand, event: SessionEvent): Hand | null => (isHandEvent(event) ? nextHand(hand, event) : null);

/**
 * Assisted mode: who drives the visit (main/assist/hand.ts), from the first screen of a visit to its
 * end screen; the wipe puts the hand back to the citizen. The host drops the citizen's touches while an
 * agent has it. The session machine's `handMoves` guard and `moveHand` action, on every visit step.
 */
export const HAND_MOVES = {
  'HELP.ASK': { guard: 'handMoves', actions: 'moveHand' },
  'HAND.RECLAIM': { guard: 'handMoves', actions: 'moveHand' },
  'AGENT.TAKE_HAND': { guard: 'handMoves', actions: 'moveHand' },
  'AGENT.GIVE_BACK': { guard: 'handMoves', actions: 'moveHand' },
} as const;
