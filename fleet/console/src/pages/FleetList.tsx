import { useState } from 'react';
import { api } from '../api/client';
import { KioskListSchema, KioskSchema, type ConsoleSession, type Kiosk } from '../api/shapes';
import { REFRESH_MS, useLoad } from '../api/useLoad';
import { Loaded, Outcome } from '../components/Loaded';
import { FleetFiltersForm } from '../kiosk/FleetFiltersForm';
import { KioskActions } from '../kiosk/KioskActions';
import { ConnectionCell } from '../kiosk/ConnectionCell';
import { deviceProblems, fleetCounts, matches, NO_FILTERS, paperOf, type FleetFilters } from '../kiosk-summary';
import { may } from '../roles';
import { navigate } from '../router';
import { said, TEXTS } from '../texts';
import { HeaderRow } from '../components/HeaderRow';

export function FleetList({ session }: { session: ConsoleSession }) {
  const { answer, reload } = useLoad(() => api('GET', '/api/kiosks', KioskListSchema), [], REFRESH_MS);
  const [filters, setFilters] = useState<FleetFilters>(NO_FILTERS);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string }>();
  const t = TEXTS.fleet;
  // A viewer gets no Actions column at all rather than an empty one.
  const { actions: _actions, ...readColumns } = t.columns;
  const canAct = may(session.role, 'approveKiosk') || may(session.role, 'revokeKiosk');
  const columns = canAct ? t.columns : readColumns;

  async function act(kiosk: Kiosk, verb: 'approve' | 'revoke') {
    const done = await api('POST', `/api/kiosks/${kiosk.id}/${verb}`, KioskSchema);
    setOutcome(done.ok ? undefined : { ok: false, text: TEXTS.common.failed(done.error) });
    reload();
  }

  return (
    <>
      <h1>{t.title}</h1>
      <Loaded answer={answer}>
        {({ kiosks }) => {
          const counts = fleetCounts(kiosks);
          const shown = kiosks.filter((kiosk) => matches(kiosk, filters));
          return (
            <>
              <p className="counts" data-counts>{t.counts(counts.total, counts.online, counts.attention)}</p>
              <FleetFiltersForm kiosks={kiosks} filters={filters} onChange={setFilters} />
              <Outcome outcome={outcome} />
              {kiosks.length === 0 ? <p>{t.noKiosks}</p> : shown.length === 0 ? <p>{t.empty}</p> : (
                <table className="fleet">
                  <caption className="visually-hidden">{t.title}</caption>
                  <HeaderRow columns={columns} />
                  <tbody>
                    {shown.map((kiosk) => (
                      <tr key={kiosk.id} data-kiosk={kiosk.id}>
                        <th scope="row">
                          <a href={`/kiosks/${kiosk.id}`} onClick={(event) => { event.preventDefault(); navigate({ name: 'kiosk', id: kiosk.id }); }}>{kiosk.name}</a>
                        </th>
                        <td>{kiosk.group_name ?? TEXTS.common.none}</td>
                        <td><span className={`badge state-${kiosk.state}`}>{TEXTS.kioskStates[kiosk.state]}</span></td>
                        <td><ConnectionCell kiosk={kiosk} /></td>
                        <td>{kiosk.status?.softwareVersion ?? TEXTS.common.none}</td>
                        <td>{kiosk.status ? said(TEXTS.visits, kiosk.status.visit) : TEXTS.common.none}</td>
                        <td><ProblemsCell kiosk={kiosk} /></td>
                        <td><PaperCell kiosk={kiosk} /></td>
                        {canAct && <td><KioskActions kiosk={kiosk} session={session} onAct={(verb) => void act(kiosk, verb)} /></td>}
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </>
          );
        }}
      </Loaded>
    </>
  );
}

function ProblemsCell({ kiosk }: { kiosk: Kiosk }) {
  if (!kiosk.status) return <>{TEXTS.common.none}</>;
  const problems = deviceProblems(kiosk);
  if (problems.length === 0) return <>{TEXTS.fleet.allDevicesOk}</>;
  return <span className="warn">{problems.map((device) => `${device.id} (${said(TEXTS.deviceStates, device.state)})`).join(', ')}</span>;
}

function PaperCell({ kiosk }: { kiosk: Kiosk }) {
  const paper = paperOf(kiosk);
  if (!paper) return <>{TEXTS.common.none}</>;
  return <span className={paper === 'out' || paper === 'near-end' ? 'warn' : ''}>{paper}</span>;
}
