import { timingSafeEqual } from 'node:crypto';
import { badgeHashOf } from '../../devices/codecs/badge-token';
import type { AssistConfig } from '../../kiosk-config/assist-schema';
import { appendOrLog, type AuditJournal, type JournalEntry } from '../admin/audit-journal';
import { afterAttempt, lockoutAt, minutesLeft, UNLOCKED, type LockoutState } from '../admin/lockout';
import { verifyPin } from '../../kiosk-config/secret-hash';
import type { Logger } from '../log';
import type { AssistAttempt, AssistEvent } from './assist-journal';

export interface Agent {
  id: string;
  name: string;
}

/** The answer to one login. */
export type AgentVerdict =
  | { verdict: 'accepted'; agent: Agent }
  | { verdict: 'wrong'; attemptsLeft: number }
  | { verdict: 'locked'; minutesLeft: number };

const isAttempt = (entry: JournalEntry<AssistEvent>): entry is JournalEntry<AssistAttempt> => 'failures' in entry;


/**
 * Checks agents' PINs (and badges) against the profile's hashes, with one lock for the whole login:
 * `maxAttempts` wrong tries in a row, whichever agent they named, lock it for `lockoutMinutes`, so
 * nobody on the network tries PINs agent after agent. A try while locked is refused unchecked. Every
 * try is journaled with the lock state it left, and the lock is read back from there at start.
 */
export class AgentGate {
  private state: LockoutState;

  constructor(
    private readonly config: AssistConfig,
    private readonly journal: AuditJournal<AssistEvent>,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {
    const last = journal.latest(isAttempt);
    this.state = last ? { failures: last.failures, lockedUntil: last.lockedUntil } : UNLOCKED;
  }

  async checkPin(agentId: string, pin: string): Promise<AgentVerdict> {
    return this.attempt('pin', async () => {
      const agent = this.config.agents.find((a) => a.id === agentId);
      // An unknown id costs the same scrypt as a known one: the answer's time does not say which ids exist.
      const right = await verifyPin(pin, (agent ?? this.config.agents[0]!).pinHash);
      return { named: agent ?? null, right: agent !== undefined && right };
    });
  }

  /** The seam for a badge reader: the host hands the badge's id; only its hash is compared, in constant time. */
  async checkBadge(badgeId: string): Promise<AgentVerdict> {
    return this.attempt('badge', async () => {
      const given = Buffer.from(badgeHashOf(badgeId));
      const agent = this.config.agents.find((a) => a.badgeHash !== undefined && a.badgeHash.length === given.length
        && timingSafeEqual(Buffer.from(a.badgeHash), given));
      return { named: agent ?? null, right: agent !== undefined };
    });
  }

  /** Minutes the login stays locked, or null. */
  lockedMinutesLeft(): number | null {
    return minutesLeft(this.current(), this.now());
  }

  /** Runs one check unless locked; `check` says which agent was named (for the journal) and whether they were proved. */
  private async attempt(by: 'pin' | 'badge', check: () => Promise<{ named: Agent | null; right: boolean }>): Promise<AgentVerdict> {
    const before = this.current();
    const lockedFor = minutesLeft(before, this.now());
    if (lockedFor !== null) {
      await this.record({ event: 'agent-login-refused-locked', by, agent: null, ...before });
      return { verdict: 'locked', minutesLeft: lockedFor };
    }
    const { named, right } = await check();
    this.state = afterAttempt(before, right, this.now(), this.config);
    await this.record({ event: right ? 'agent-login' : 'agent-login-wrong', by, agent: named?.id ?? null, ...this.state });
    if (right && named) return { verdict: 'accepted', agent: { id: named.id, name: named.name } };
    const locked = minutesLeft(this.state, this.now());
    return locked !== null ? { verdict: 'locked', minutesLeft: locked } : { verdict: 'wrong', attemptsLeft: this.config.maxAttempts - this.state.failures };
  }

  private current(): LockoutState {
    return (this.state = lockoutAt(this.state, this.now(), this.config));
  }

  private async record(event: AssistAttempt): Promise<void> {
    const level = event.event === 'agent-login' ? 'info' : 'warn';
    this.log[level]({ event: event.event, by: event.by, agent: event.agent, failures: event.failures, lockedUntil: event.lockedUntil }, `assisted mode: ${event.event}`);
    await appendOrLog(this.journal, event, this.log);
  }
}
