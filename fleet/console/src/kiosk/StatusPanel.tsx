import { useState, type ReactNode } from 'react';
import { api } from '../api/client';
import { AnySchema, type Kiosk } from '../api/shapes';
import { Outcome } from '../components/Loaded';
import { formatTime } from '../components/TimeAgo';
import { said, TEXTS } from '../texts';
import { ConnectionCell } from './ConnectionCell';
import { bytes, duration } from './units';

/** The kiosk's latest reported status as a definition list, and its group (editable by operators). */
export function StatusPanel({ kiosk, canSetGroup, onChanged }: { kiosk: Kiosk; canSetGroup: boolean; onChanged: () => void }) {
  const t = TEXTS.kiosk;
  const s = kiosk.status;
  const rows: [string, ReactNode][] = [
    [t.fields.state, TEXTS.kioskStates[kiosk.state]],
    [t.fields.connection, <ConnectionCell kiosk={kiosk} />],
    [t.fields.group, canSetGroup ? <GroupForm kiosk={kiosk} onChanged={onChanged} /> : kiosk.group_name ?? TEXTS.common.none],
  ];
  if (s) {
    rows.push(
      [t.fields.version, s.softwareVersion],
      [t.fields.uptime, duration(s.uptimeSeconds)],
      [t.fields.visit, said(TEXTS.visits, s.visit)],
      [t.fields.disk, `${bytes(s.disk.freeBytes)} / ${bytes(s.disk.totalBytes)}`],
      [t.fields.config, String(s.configVersion)],
      [t.fields.restarts, String(s.restartsLastHour)],
      [t.fields.wipe, s.wipeFailed ? <strong className="warn">{t.wipeFailed}</strong> : t.wipeOk],
      [t.fields.lastError, s.lastError ? `${s.lastError.message} (${formatTime(s.lastError.at)})` : TEXTS.common.none],
    );
  }
  return (
    <section aria-labelledby="status-title">
      <h2 id="status-title">{t.status}</h2>
      <dl className="facts">
        {rows.map(([term, value]) => (
          <div key={term}><dt>{term}</dt><dd>{value}</dd></div>
        ))}
      </dl>
      {!s && <p>{t.noStatus}</p>}
    </section>
  );
}

function GroupForm({ kiosk, onChanged }: { kiosk: Kiosk; onChanged: () => void }) {
  const [group, setGroup] = useState(kiosk.group_name ?? '');
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string }>();
  async function save() {
    const done = await api('PUT', `/api/kiosks/${kiosk.id}/group`, AnySchema, { group: group.trim() || null });
    if (done.ok) {
      setOutcome({ ok: true, text: TEXTS.kiosk.groupSaved });
      onChanged();
    } else setOutcome({ ok: false, text: done.kind === 'unavailable' ? TEXTS.common.unavailable : TEXTS.common.failed(done.error) });
  }
  return (
    <form className="inline" onSubmit={(event) => { event.preventDefault(); void save(); }}>
      <input aria-label={TEXTS.kiosk.fields.group} value={group} onChange={(e) => setGroup(e.target.value)} maxLength={100} />
      <button type="submit">{TEXTS.kiosk.setGroup}</button>
      <Outcome outcome={outcome} />
    </form>
  );
}
