import type { Kiosk } from '../api/shapes';
import { TimeAgo } from '../components/TimeAgo';
import { TEXTS } from '../texts';

/** Online or offline as the server decides it (heard within its window), and when it was last heard. */
export function ConnectionCell({ kiosk }: { kiosk: Kiosk }) {
  const heardAt = kiosk.heardAt ?? kiosk.last_seen_at ?? null;
  const label = kiosk.online === undefined ? null : kiosk.online ? TEXTS.fleet.online : TEXTS.fleet.offline;
  return (
    <span className="connection">
      {label && <span className={`badge ${kiosk.online ? 'online' : 'offline'}`}>{label}</span>}{' '}
      <span className="heard">{heardAt ? <>{TEXTS.fleet.heard('')}<TimeAgo at={heardAt} /></> : TEXTS.fleet.neverHeard}</span>
    </span>
  );
}
