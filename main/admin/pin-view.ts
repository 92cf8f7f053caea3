import type { AdminPinView } from '../../common/admin';
import type { PinVerdict } from './admin-gate';

/** The PIN screen as its views draw it; the PIN itself is never part of it. */
export const PIN_ENTRY: AdminPinView = { status: 'entry', attemptsLeft: null, lockedMinutesLeft: null };
export const PIN_CHECKING: AdminPinView = { ...PIN_ENTRY, status: 'checking' };

/** The screen locked for `minutesLeft` more minutes (null: it does not say how long). */
export const lockedPinView = (minutesLeft: number | null): AdminPinView => ({ ...PIN_ENTRY, status: 'locked', lockedMinutesLeft: minutesLeft });

/** The screen after a PIN was checked: locked, wrong with the tries left, or back to entry. */
export function pinViewAfter(verdict: PinVerdict): AdminPinView {
  if (verdict.verdict === 'locked') return lockedPinView(verdict.minutesLeft);
  if (verdict.verdict === 'wrong') return { ...PIN_ENTRY, status: 'wrong', attemptsLeft: verdict.attemptsLeft };
  return PIN_ENTRY;
}
