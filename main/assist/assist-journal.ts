import path from 'node:path';
import type { Logger } from '../log';
import { AuditJournal, lockFieldsValid, type JournalKind } from '../admin/audit-journal';

/**
 * What agents did in assisted mode, for the fleet and for the office: logins (with the lock state
 * they left, so the lock survives a restart), logouts, and every move of the hand. An agent is named
 * by the id the profile gives them; never a PIN, a badge id, nor anything about the citizen.
 */
export type AssistEvent =
  | { event: 'agent-login' | 'agent-login-wrong' | 'agent-login-refused-locked'; by: 'pin' | 'badge'; agent: string | null; failures: number; lockedUntil: number | null }
  | { event: 'agent-logout'; agent: string; reason: 'logout' | 'expired' }
  | { event: 'hand-taken'; agent: string }
  | { event: 'hand-given-back'; agent: string; by: HandBackReason }
  | { event: 'step-pushed'; agent: string; step: string };

/** Who ended the agent's hand: the agent, the citizen (taking it back), the visit's end, or the agent's leaving (logout, expiry, page closed). */
export type HandBackReason = 'agent' | 'citizen' | 'end-of-visit' | 'agent-left';

export type AssistAttempt = Extract<AssistEvent, { failures: number }>;

const EVENTS = new Set(['agent-login', 'agent-login-wrong', 'agent-login-refused-locked', 'agent-logout', 'hand-taken', 'hand-given-back', 'step-pushed']);
const ASSIST_EVENTS: JournalKind = { accepts: (entry) => EVENTS.has(entry.event as string) && lockFieldsValid(entry) };

const ASSIST_JOURNAL_FILE = 'assist-audit.jsonl';

/** Opens the assist journal in the kiosk's state folder, beside the administrator's and as bounded. */
export async function openAssistJournal(stateDir: string, log: Logger): Promise<AuditJournal<AssistEvent>> {
  const { journal, skippedLines } = await AuditJournal.open<AssistEvent>(path.join(stateDir, ASSIST_JOURNAL_FILE), {}, ASSIST_EVENTS);
  if (skippedLines > 0) log.warn({ file: journal.file, skippedLines }, 'skipped unreadable lines in the assist journal');
  return journal;
}
