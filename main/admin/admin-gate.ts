import type { AdminConfig } from '../../kiosk-config/admin-schema';
import type { Logger } from '../log';
import { appendOrLog, type AuditEntry, type AuditJournal } from './audit-journal';
import { afterAttempt, lockoutAt, minutesLeft, UNLOCKED, type LockoutState } from './lockout';
import { verifyPin } from '../../kiosk-config/secret-hash';

/** The answer to one PIN. */
export type PinVerdict =
  | { verdict: 'accepted' }
  | { verdict: 'wrong'; attemptsLeft: number }
  | { verdict: 'locked'; minutesLeft: number };

type AttemptEntry = Extract<AuditEntry, { failures: number }>;
const isAttempt = (entry: AuditEntry): entry is AttemptEntry => 'failures' in entry;

const ATTEMPT_LOG: Record<AttemptEntry['event'], { level: 'info' | 'warn'; message: string }> = {
  'pin-accepted': { level: 'info', message: 'administrator PIN accepted' },
  'pin-wrong': { level: 'warn', message: 'administrator PIN refused: wrong' },
  'pin-refused-locked': { level: 'warn', message: 'administrator PIN refused: locked, not checked' },
};

/**
 * Checks administrator PINs against the profile's hash, with the lock. Every attempt is logged and
 * journaled without the PIN; an attempt while locked is refused without being checked. The lock is
 * read back from the journal's last attempt, so powering the kiosk off and on does not lift it.
 */
export class AdminGate {
  private state: LockoutState;

  constructor(
    private readonly config: AdminConfig,
    private readonly journal: AuditJournal,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {
    const last = journal.latest(isAttempt);
    this.state = last ? { failures: last.failures, lockedUntil: last.lockedUntil } : UNLOCKED;
    const left = this.lockedMinutesLeft();
    if (left !== null) log.warn({ minutesLeft: left }, 'administrator PIN screen still locked from before the restart');
  }

  /** Minutes the PIN screen stays locked, or null. */
  lockedMinutesLeft(): number | null {
    return minutesLeft(this.current(), this.now());
  }

  async check(pin: string): Promise<PinVerdict> {
    const before = this.current();
    const lockedFor = minutesLeft(before, this.now());
    if (lockedFor !== null) {
      await this.record('pin-refused-locked', before);
      return { verdict: 'locked', minutesLeft: lockedFor };
    }
    const right = await verifyPin(pin, this.config.pinHash);
    this.state = afterAttempt(before, right, this.now(), this.config);
    await this.record(right ? 'pin-accepted' : 'pin-wrong', this.state);
    if (right) return { verdict: 'accepted' };
    const locked = minutesLeft(this.state, this.now());
    return locked !== null ? { verdict: 'locked', minutesLeft: locked } : { verdict: 'wrong', attemptsLeft: this.config.maxAttempts - this.state.failures };
  }

  private current(): LockoutState {
    return (this.state = lockoutAt(this.state, this.now(), this.config));
  }

  private async record(event: AttemptEntry['event'], state: LockoutState): Promise<void> {
    const fields = { failures: state.failures, lockedUntil: state.lockedUntil };
    const { level, message } = ATTEMPT_LOG[event];
    this.log[level]({ event, ...fields }, message);
    await appendOrLog(this.journal, { event, ...fields }, this.log);
  }
}
