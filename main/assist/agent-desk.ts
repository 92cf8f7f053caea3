import { AgentCommandSchema, type AgentCommand, type AgentMessage, type PushableEvent } from '../../common/assist';
import type { RendererEvent } from '../../common/bridge';
import { issueLines } from '../../common/issues';
import { appendOrLog, type AuditJournal } from '../admin/audit-journal';
import type { AttachedView } from '../bridge/hub';
import type { Verdict } from '../lockdown/policy';
import type { Logger } from '../log';
import type { SessionEvent } from '../session/machine';
import { toSessionSnapshot, type SessionState } from '../session/snapshot';
import type { Agent } from './agent-gate';
import type { AgentSessions, AgentSession } from './agent-sessions';
import { pushCandidates } from './agent-pushes';
import type { AssistEvent, HandBackReason } from './assist-journal';
import type { Hand } from './hand';

/** The session as the desk needs it: its state, and a way to send it events. */
export interface DeskSession {
  getSnapshot(): SessionState;
  send(event: SessionEvent): void;
}

interface AgentView {
  label: string;
  token: string;
  session: AgentSession;
  send(message: AgentMessage): void;
  /** The last mirror sent: the machine settles on the same view after many events (activity most of all). */
  lastMirror: string;
}

/**
 * Assisted mode's side of the visit: every agent page attached here gets the mirror of the visit
 * (the kiosk's own snapshot, what this agent may push, whether they may take the hand), and its
 * commands are checked against the agent's session and the machine (`can`) before anything acts.
 * The hand goes back to the citizen when its agent logs out, expires or leaves (last page closed).
 */
export class AgentDesk {
  private readonly views = new Set<AgentView>();
  private lastHand: Hand | null = null;
  /** Why the desk itself is handing the hand back, for the journal line the next state writes. */
  private givingBack: HandBackReason | null = null;

  constructor(
    private readonly session: DeskSession,
    private readonly sessions: AgentSessions,
    private readonly journal: AuditJournal<AssistEvent>,
    private readonly siteMayOpen: (url: string) => Verdict,
    private readonly log: Logger,
  ) {}

  /** A hub for one socket opened with `token` (the server checked it before the upgrade). */
  hubFor(token: string) {
    return { attach: (view: { label: string; send(message: AgentMessage): void }) => this.attach(view, token) };
  }

  /** Called with every state the session publishes. */
  stateChanged(state: SessionState): void {
    this.journalHandMove(state.context.hand, state);
    for (const view of this.views) this.mirror(view, state);
  }

  /** Ends every page of the session of `token` (logout), and gives the hand back if it held it. */
  loggedOut(token: string, session: AgentSession, reason: 'logout' | 'expired'): void {
    this.record({ event: 'agent-logout', agent: session.agent.id, reason });
    for (const view of [...this.views]) if (view.token === token) this.views.delete(view);
    this.giveBackIfHeld(session.agent.id, 'agent-left');
  }

  /** Sessions whose time ran out: their pages are told, the hand goes back. Returns the tokens to close. */
  expire(): string[] {
    const expired = [...this.views].filter((view) => this.sessions.find(view.token) === null);
    const tokens = [...new Set(expired.map((view) => view.token))];
    for (const token of tokens) {
      const session = expired.find((view) => view.token === token)!.session;
      this.loggedOut(token, session, 'expired');
    }
    return tokens;
  }

  private attach(view: { label: string; send(message: AgentMessage): void }, token: string): AttachedView {
    const session = this.sessions.find(token);
    if (!session) {
      view.send({ type: 'rejected', reason: 'not logged in' });
      return { receive: () => {}, detach: () => {} };
    }
    const agentView: AgentView = { ...view, token, session, lastMirror: '' };
    this.views.add(agentView);
    this.log.info({ view: view.label, agent: session.agent.id }, 'agent page attached');
    this.mirror(agentView, this.session.getSnapshot());
    return {
      receive: (raw) => this.receive(agentView, raw),
      detach: () => {
        if (!this.views.delete(agentView)) return;
        this.log.info({ view: view.label, agent: session.agent.id }, 'agent page detached');
        // Nobody is left to drive: the citizen gets the hand back rather than a frozen screen.
        if (![...this.views].some((v) => v.session.agent.id === session.agent.id)) this.giveBackIfHeld(session.agent.id, 'agent-left');
      },
    };
  }

  private receive(view: AgentView, raw: unknown): void {
    if (!this.views.has(view)) return;
    if (this.sessions.find(view.token) === null) return view.send({ type: 'rejected', reason: 'session expired: log in again' });
    const parsed = AgentCommandSchema.safeParse(raw);
    if (!parsed.success) {
      const reason = issueLines(parsed.error.issues).join('; ');
      this.log.warn({ view: view.label, reason }, 'rejected a malformed agent command');
      return view.send({ type: 'rejected', reason });
    }
    const refusal = this.carryOut(view.session, parsed.data);
    if (refusal) {
      this.log.warn({ agent: view.session.agent.id, command: parsed.data.type, reason: refusal }, 'refused an agent command');
      view.send({ type: 'rejected', reason: refusal });
    }
  }

  /** Does what the command asks when the machine takes it now; otherwise says why not. */
  private carryOut({ agent }: AgentSession, command: AgentCommand): string | null {
    const state = this.session.getSnapshot();
    switch (command.type) {
      case 'HAND.TAKE': {
        const event = { type: 'AGENT.TAKE_HAND', agentId: agent.id, agentName: agent.name } as const;
        if (!state.can(event)) return 'the hand cannot be taken now (no visit, or someone else has it)';
        this.session.send(event);
        return null;
      }
      case 'HAND.GIVE_BACK':
        return this.giveBackIfHeld(agent.id, 'agent') ? null : 'this agent does not have the hand';
      case 'STEP.PUSH': {
        const hand = state.context.hand;
        if (hand.holder !== 'agent' || hand.agentId !== agent.id) return 'take the hand before pushing a step';
        if (!this.mayPush(state, command.event)) return `${command.event.type} is not a step the visit takes now`;
        this.record({ event: 'step-pushed', agent: agent.id, step: command.event.type });
        this.session.send(command.event);
        // The agent working the visit keeps it alive, as the citizen's touches would.
        this.session.send({ type: 'USER.ACTIVITY' });
        return null;
      }
    }
  }

  /**
   * An agent's badge read at the kiosk itself: the agent standing there takes the hand (starting a visit
   * when the kiosk waits on its attract screen, as an agent seating a citizen does), and the same badge
   * again gives it back. Says what happened, or null when the visit takes neither now (out of service,
   * or another agent has the hand).
   */
  badged(agent: Agent): 'took' | 'started' | 'gave-back' | null {
    if (this.giveBackIfHeld(agent.id, 'agent')) return 'gave-back';
    const take = { type: 'AGENT.TAKE_HAND', agentId: agent.id, agentName: agent.name } as const;
    if (this.session.getSnapshot().can(take)) {
      this.session.send(take);
      return 'took';
    }
    if (!this.session.getSnapshot().can({ type: 'SESSION.START' })) return null;
    this.session.send({ type: 'SESSION.START' });
    if (!this.session.getSnapshot().can(take)) return null;
    this.session.send(take);
    return 'started';
  }

  private mayPush(state: SessionState, event: PushableEvent): boolean {
    if (event.type === 'SITE.OPEN' && !this.siteMayOpen(event.url).allow) return false;
    return state.can(event as RendererEvent);
  }

  private giveBackIfHeld(agentId: string, reason: HandBackReason): boolean {
    const event = { type: 'AGENT.GIVE_BACK', agentId } as const;
    if (!this.session.getSnapshot().can(event)) return false;
    this.givingBack = reason;
    this.session.send(event);
    this.givingBack = null;
    return true;
  }

  private mirror(view: AgentView, state: SessionState): void {
    // Everything the kiosk shows but the readings: an agent helping with a procedure needs no one's temperature.
    const snapshot = { ...toSessionSnapshot(state), measurements: {} };
    const hand = state.context.hand;
    const holds = hand.holder === 'agent' && hand.agentId === view.session.agent.id;
    const mirror: AgentMessage = {
      type: 'mirror',
      snapshot,
      agent: view.session.agent,
      pushes: holds ? pushCandidates(snapshot).filter((event) => this.mayPush(state, event)) : [],
      mayTake: state.can({ type: 'AGENT.TAKE_HAND', agentId: view.session.agent.id, agentName: view.session.agent.name }),
      holdsHand: holds,
    };
    const json = JSON.stringify(mirror);
    if (json === view.lastMirror) return;
    view.lastMirror = json;
    view.send(mirror);
  }

  /** Journals each move of the hand once, from the states on either side of it. */
  private journalHandMove(hand: Hand, state: SessionState): void {
    const before = this.lastHand;
    this.lastHand = hand;
    if (!before || before === hand) return;
    if (before.holder === 'citizen' && hand.holder === 'agent') this.record({ event: 'hand-taken', agent: hand.agentId });
    if (before.holder === 'agent' && hand.holder === 'citizen') {
      const by = this.givingBack ?? (state.hasTag('wipe') || state.hasTag('end') ? 'end-of-visit' : 'citizen');
      this.record({ event: 'hand-given-back', agent: before.agentId, by });
    }
  }

  private record(event: AssistEvent): void {
    this.log.info({ ...event }, `assisted mode: ${event.event}`);
    void appendOrLog(this.journal, event, this.log);
  }
}
