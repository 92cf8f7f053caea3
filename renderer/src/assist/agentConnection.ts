import { AGENT_PATHS, AgentMessageSchema, type AgentCommand, type AgentLoginAnswer, type AgentMessage } from '../../../common/assist';
import { reconnectDelayMs } from '../bridge/reconnectDelay';

/** Why the last login did not open the mirror: the server's answer, or no answer at all. */
export type LoginRefusal = Exclude<AgentLoginAnswer, { verdict: 'accepted' }> | { verdict: 'unreachable' };

/** Where the agent page stands: checking its session, on the login form, or following the visit. */
export type AgentPageState =
  | { phase: 'checking' }
  | { phase: 'login'; answer: LoginRefusal | null; busy: boolean }
  | { phase: 'connecting' }
  | { phase: 'mirror'; mirror: Extract<AgentMessage, { type: 'mirror' }>; rejected: string | null };

export interface AgentConnection {
  getState(): AgentPageState;
  subscribe(listener: () => void): () => void;
  login(agent: string, pin: string): Promise<void>;
  logout(): Promise<void>;
  send(command: AgentCommand): void;
}

/**
 * The agent page's link to the kiosk: the session cookie (HttpOnly, so the page never sees it) opens
 * the mirror's socket; when the socket closes, the page asks whether it is still logged in and either
 * reconnects or shows the login form again (logged out, or the session expired).
 */
export function connectAgent(): AgentConnection {
  let state: AgentPageState = { phase: 'checking' };
  const listeners = new Set<() => void>();
  const update = (next: AgentPageState) => {
    state = next;
    for (const listener of listeners) listener();
  };
  let socket: WebSocket | null = null;
  let failures = 0;

  const loggedIn = async () => (await fetch(AGENT_PATHS.me, { credentials: 'same-origin' }).catch(() => null))?.ok === true;

  const openSocket = () => {
    if (state.phase !== 'mirror') update({ phase: 'connecting' });
    const current = new WebSocket(`ws://${location.host}${AGENT_PATHS.socket}`);
    socket = current;
    current.onmessage = (message) => {
      let parsed;
      try {
        parsed = AgentMessageSchema.safeParse(JSON.parse(String(message.data)));
      } catch {
        return;
      }
      if (!parsed.success) return console.error('agent page: ignored a malformed message from the kiosk');
      failures = 0;
      const received = parsed.data;
      if (received.type === 'mirror') update({ phase: 'mirror', mirror: received, rejected: null });
      else if (state.phase === 'mirror') update({ ...state, rejected: received.reason });
    };
    current.onclose = () => {
      if (socket !== current) return;
      socket = null;
      void loggedIn().then((yes) => {
        if (yes) window.setTimeout(openSocket, reconnectDelayMs(failures++));
        else update({ phase: 'login', answer: null, busy: false });
      });
    };
  };

  void loggedIn().then((yes) => (yes ? openSocket() : update({ phase: 'login', answer: null, busy: false })));

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async login(agent, pin) {
      update({ phase: 'login', answer: null, busy: true });
      const response = await fetch(AGENT_PATHS.login, {
        method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ agent, pin }),
      }).catch(() => null);
      if (response?.ok) return openSocket();
      const answer = (await response?.json().catch(() => null)) as LoginRefusal | null;
      update({ phase: 'login', answer: answer ?? { verdict: 'unreachable' }, busy: false });
    },
    async logout() {
      const closing = socket;
      socket = null;
      closing?.close();
      await fetch(AGENT_PATHS.logout, { method: 'POST', credentials: 'same-origin' }).catch(() => null);
      update({ phase: 'login', answer: null, busy: false });
    },
    send(command) {
      if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(command));
    },
  };
}
