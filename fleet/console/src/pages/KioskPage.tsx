import { useState } from 'react';
import { api, type ApiAnswer } from '../api/client';
import { KioskListSchema, KioskSchema, OneKioskSchema, type ConsoleSession, type Kiosk } from '../api/shapes';
import { REFRESH_MS, useLoad } from '../api/useLoad';
import { Loaded, Outcome } from '../components/Loaded';
import { CommandsPanel } from '../kiosk/CommandsPanel';
import { ConfigPanel } from '../kiosk/ConfigPanel';
import { DevicesTable } from '../kiosk/DevicesTable';
import { HistoryPanel } from '../kiosk/HistoryPanel';
import { KioskActions } from '../kiosk/KioskActions';
import { StatusPanel } from '../kiosk/StatusPanel';
import { may } from '../roles';
import { navigate } from '../router';
import { TEXTS } from '../texts';

/** GET /api/kiosks/:id, or the kiosk picked from the list on a server that has no such route yet. */
async function loadKiosk(id: string): Promise<ApiAnswer<Kiosk>> {
  const one = await api('GET', `/api/kiosks/${encodeURIComponent(id)}`, OneKioskSchema);
  if (one.ok || one.kind !== 'unavailable') return one;
  const list = await api('GET', '/api/kiosks', KioskListSchema);
  if (!list.ok) return list;
  const kiosk = list.value.kiosks.find((k) => k.id === id);
  return kiosk ? { ok: true, value: kiosk } : { ok: false, kind: 'refused', status: 404, error: TEXTS.kiosk.notFound };
}

export function KioskPage({ id, session }: { id: string; session: ConsoleSession }) {
  const { answer, reload } = useLoad(() => loadKiosk(id), [id], REFRESH_MS);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string }>();
  const steer = may(session.role, 'steerKiosk');

  async function act(verb: 'approve' | 'revoke') {
    const done = await api('POST', `/api/kiosks/${id}/${verb}`, KioskSchema);
    setOutcome(done.ok ? undefined : { ok: false, text: TEXTS.common.failed(done.error) });
    reload();
  }

  return (
    <>
      <p><a href="/" onClick={(event) => { event.preventDefault(); navigate({ name: 'fleet' }); }}>← {TEXTS.kiosk.back}</a></p>
      <Loaded answer={answer}>
        {(kiosk) => (
          <>
            <div className="title-row">
              <h1>{kiosk.name}</h1>
              <KioskActions kiosk={kiosk} session={session} onAct={(verb) => void act(verb)} />
            </div>
            <Outcome outcome={outcome} />
            <StatusPanel kiosk={kiosk} canSetGroup={steer} onChanged={reload} />
            <DevicesTable devices={kiosk.status?.devices ?? []} />
            <HistoryPanel kioskId={kiosk.id} />
            <CommandsPanel kioskId={kiosk.id} canIssue={steer} />
            <ConfigPanel kioskId={kiosk.id} canPush={steer} />
          </>
        )}
      </Loaded>
    </>
  );
}
