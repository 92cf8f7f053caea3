import { useState } from 'react';
import { api } from '../api/client';
import { AlertListSchema, AnySchema, KioskListSchema, type ConsoleSession } from '../api/shapes';
import { REFRESH_MS, useLoad } from '../api/useLoad';
import { Loaded, Outcome } from '../components/Loaded';
import { formatTime } from '../components/TimeAgo';
import { may } from '../roles';
import { navigate } from '../router';
import { said, TEXTS } from '../texts';
import { AlertSettings } from './AlertSettings';
import { HeaderRow } from '../components/HeaderRow';

export function Alerts({ session }: { session: ConsoleSession }) {
  const [openOnly, setOpenOnly] = useState(true);
  const { answer, reload } = useLoad(() => api('GET', `/api/alerts${openOnly ? '?open=true' : ''}`, AlertListSchema), [openOnly], REFRESH_MS);
  // Alerts name kiosks by id; the list gives their names.
  const { answer: kiosks } = useLoad(() => api('GET', '/api/kiosks', KioskListSchema), []);
  const names = new Map(kiosks?.ok ? kiosks.value.kiosks.map((k) => [k.id, k.name]) : []);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string }>();
  const t = TEXTS.alerts;
  const canAcknowledge = may(session.role, 'acknowledgeAlerts');

  async function acknowledge(id: number | string) {
    const done = await api('POST', `/api/alerts/${id}/acknowledge`, AnySchema);
    setOutcome(done.ok ? undefined : { ok: false, text: TEXTS.common.failed(done.error) });
    reload();
  }

  return (
    <>
      <h1>{t.title}</h1>
      <fieldset className="row">
        <legend>{t.show}</legend>
        <label className="check"><input type="radio" name="alerts-shown" checked={openOnly} onChange={() => setOpenOnly(true)} />{t.open}</label>
        <label className="check"><input type="radio" name="alerts-shown" checked={!openOnly} onChange={() => setOpenOnly(false)} />{t.all}</label>
      </fieldset>
      <Outcome outcome={outcome} />
      <Loaded answer={answer}>
        {({ alerts }) => alerts.length === 0 ? <p>{t.empty}</p> : (
          <table>
            <HeaderRow columns={t.columns} />
            <tbody>
              {alerts.map((alert) => (
                <tr key={alert.id}>
                  <td>{formatTime(alert.raised_at)}</td>
                  <td>{alert.kiosk_id
                    ? <a href={`/kiosks/${alert.kiosk_id}`} onClick={(e) => { e.preventDefault(); navigate({ name: 'kiosk', id: alert.kiosk_id! }); }}>{names.get(alert.kiosk_id) ?? alert.kiosk_id.slice(0, 8)}</a>
                    : t.fleetWide}</td>
                  <th scope="row">{said(TEXTS.alertRules, alert.rule)}</th>
                  <td>{alert.detail ?? TEXTS.common.none}</td>
                  <td>{alert.cleared_at ? formatTime(alert.cleared_at) : t.stillOpen}</td>
                  <td>{alert.acknowledged_by ?? TEXTS.common.none}</td>
                  <td>{canAcknowledge && !alert.acknowledged_by && <button type="button" onClick={() => void acknowledge(alert.id)}>{t.acknowledge}</button>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Loaded>
      {may(session.role, 'manageAlertSettings') && <AlertSettings />}
    </>
  );
}
