import type { RendererEvent } from '../../common/bridge';
import type { AssistConfig } from '../../kiosk-config/assist-schema';
import type { Verdict } from '../lockdown/policy';
import type { Logger } from '../log';
import { AgentDesk, type DeskSession } from './agent-desk';
import { AgentGate, type AgentVerdict } from './agent-gate';
import { startAgentServer } from './agent-server';
import { AgentSessions } from './agent-sessions';
import { openAssistJournal } from './assist-journal';
import { citizenMaySend } from './hand';
import type { BridgeConnectionLimits } from '../shells/chromium/bridge-connection';

/** How often sessions are checked for expiry while their pages are open. */
const EXPIRY_CHECK_MS = 5_000;

export interface AssistedMode {
  /** The agent page's origin, e.g. `http://127.0.0.1:8470`. */
  readonly origin: string;
  /** Whether an event from the kiosk's own views may drive the visit: not while an agent has the hand. */
  citizenMaySend(event: RendererEvent): boolean;
  /**
   * An agent's badge read at the kiosk: a known badge takes the hand for its agent (starting a visit
   * from attract), or gives it back when that agent has it. Wrong badges count toward the login lock
   * like wrong PINs.
   */
  badgeRead(badgeId: string): Promise<BadgeOutcome>;
  stop(): Promise<void>;
}

/** `not-now`: a known badge the visit cannot act on (out of service, or another agent has the hand). */
export type BadgeOutcome = Exclude<AgentVerdict['verdict'], 'accepted'> | 'took' | 'started' | 'gave-back' | 'not-now';

export interface AssistedModeOptions {
  config: AssistConfig;
  session: DeskSession & { subscribe(listener: (state: ReturnType<DeskSession['getSnapshot']>) => void): { unsubscribe(): void } };
  siteMayOpen(url: string): Verdict;
  rendererDir: string;
  stateDir: string;
  log: Logger;
  /** Tests only: the clock sessions expire by, and tighter socket limits. */
  now?: () => number;
  limits?: BridgeConnectionLimits;
}

/**
 * Starts assisted mode: the journal, the agents' login gate and sessions, the desk that mirrors the
 * visit to their pages, and the server for those pages. The host calls this only when the profile
 * has an `assist` section.
 */
export async function startAssistedMode({ config, session, siteMayOpen, rendererDir, stateDir, log, now, limits }: AssistedModeOptions): Promise<AssistedMode> {
  const journal = await openAssistJournal(stateDir, log);
  const gate = new AgentGate(config, journal, log);
  const sessions = new AgentSessions(config.sessionMinutes, now);
  const desk = new AgentDesk(session, sessions, journal, siteMayOpen, log);
  const server = await startAgentServer({
    host: config.listen.host,
    port: config.listen.port,
    rendererDir,
    gate,
    sessions,
    hubFor: (token) => desk.hubFor(token),
    onLogout: (token, agentSession) => desk.loggedOut(token, agentSession, 'logout'),
    log,
    limits,
  });
  const subscription = session.subscribe((state) => desk.stateChanged(state));
  desk.stateChanged(session.getSnapshot());
  const expiry = setInterval(() => {
    for (const token of desk.expire()) server.closeSession(token);
  }, EXPIRY_CHECK_MS).unref();

  return {
    origin: server.origin,
    badgeRead: async (badgeId) => {
      const verdict = await gate.checkBadge(badgeId);
      if (verdict.verdict !== 'accepted') return verdict.verdict;
      return desk.badged(verdict.agent) ?? 'not-now';
    },
    citizenMaySend: (event) => citizenMaySend(session.getSnapshot().context.hand, event),
    stop: async () => {
      clearInterval(expiry);
      subscription.unsubscribe();
      await server.close();
    },
  };
}
