import type { ConsoleSession, Kiosk } from '../api/shapes';
import { ConfirmButton } from '../components/ConfirmButton';
import { may } from '../roles';
import { TEXTS } from '../texts';

/** Approve (administrators, pending kiosks) and revoke with confirmation (administrators and operators). */
export function KioskActions({ kiosk, session, onAct }: { kiosk: Kiosk; session: ConsoleSession; onAct: (verb: 'approve' | 'revoke') => void }) {
  const approve = kiosk.state === 'pending' && may(session.role, 'approveKiosk');
  const revoke = kiosk.state !== 'revoked' && may(session.role, 'revokeKiosk');
  if (!approve && !revoke) return null;
  return (
    <span className="actions">
      {approve && <button type="button" className="primary" aria-label={`${TEXTS.fleet.approve} ${kiosk.name}`} onClick={() => onAct('approve')}>{TEXTS.fleet.approve}</button>}
      {revoke && <ConfirmButton label={TEXTS.fleet.revoke} question={TEXTS.fleet.confirmRevoke(kiosk.name)} onConfirm={() => onAct('revoke')} />}
    </span>
  );
}
