import { createHash, randomBytes } from 'node:crypto';
import type { Agent } from './agent-gate';

export interface AgentSession {
  agent: Agent;
  /** Epoch milliseconds after which the session is gone, whatever the cookie says. */
  expiresAt: number;
}

/** The token is looked up by its hash: a heap dump of the host holds no cookie that still works. */
const keyOf = (token: string) => createHash('sha256').update(token).digest('base64url');

/**
 * Agents' logins, in memory only: a restart of the host logs every agent out. A session lasts
 * `sessionMinutes` from the login (a shift, not a visit: an agent follows visit after visit), or
 * until the agent logs out. The token is 32 random bytes; the cookie that carries it is the server's.
 */
export class AgentSessions {
  private readonly sessions = new Map<string, AgentSession>();

  constructor(readonly sessionMinutes: number, private readonly now: () => number = Date.now) {}

  /** A new session for `agent`; the token goes into the cookie and nowhere else. */
  open(agent: Agent): { token: string; session: AgentSession } {
    this.sweep();
    const token = randomBytes(32).toString('base64url');
    const session = { agent, expiresAt: this.now() + this.sessionMinutes * 60_000 };
    this.sessions.set(keyOf(token), session);
    return { token, session };
  }

  /** The live session a token opens, or null (unknown, or expired: then it is forgotten). */
  find(token: string | undefined): AgentSession | null {
    if (!token) return null;
    const key = keyOf(token);
    const session = this.sessions.get(key);
    if (!session) return null;
    if (this.now() >= session.expiresAt) {
      this.sessions.delete(key);
      return null;
    }
    return session;
  }

  /** Ends the session of `token`; returns it when there was one. */
  close(token: string | undefined): AgentSession | null {
    const session = this.find(token);
    if (token) this.sessions.delete(keyOf(token));
    return session;
  }

  private sweep(): void {
    for (const [key, session] of this.sessions) if (this.now() >= session.expiresAt) this.sessions.delete(key);
  }
}
