import { useState } from 'react';
import { COMMAND_NAMES } from '../../../../common/fleet-messages';
import { COMMAND_DELIVERIES } from '../../../server/store/schema';
import { api } from '../api/client';
import { AnySchema, CommandListSchema } from '../api/shapes';
import { REFRESH_MS, useLoad } from '../api/useLoad';
import { Loaded, Outcome } from '../components/Loaded';
import { formatTime } from '../components/TimeAgo';
import { said, TEXTS } from '../texts';
import { HeaderRow } from '../components/HeaderRow';

/** Issue a command (operators and administrators) and follow each one to its result. */
export function CommandsPanel({ kioskId, canIssue }: { kioskId: string; canIssue: boolean }) {
  const { answer, reload } = useLoad(() => api('GET', `/api/kiosks/${kioskId}/commands`, CommandListSchema), [kioskId], REFRESH_MS / 3);
  const t = TEXTS.commands;
  return (
    <section aria-labelledby="commands-title">
      <h2 id="commands-title">{t.title}</h2>
      <Loaded answer={answer}>
        {({ commands }) => (
          <>
            {canIssue && <IssueForm kioskId={kioskId} onIssued={reload} />}
            {commands.length === 0 ? <p>{t.empty}</p> : (
              <table>
                <HeaderRow columns={t.columns} />
                <tbody>
                  {commands.map((command) => (
                    <tr key={command.id}>
                      <th scope="row">{t.names[command.name] ?? command.name}</th>
                      <td>{t.deliveries[command.delivery]}</td>
                      <td><span className={`badge command-${command.state}`}>{said(TEXTS.commandStates, command.state)}</span></td>
                      <td className="when">{formatTime(command.created_at)}</td>
                      <td className="when">{formatTime(command.result_at)}</td>
                      <td>{command.error ?? TEXTS.common.none}</td>
                      <td>{command.attachment
                        ? <a href={`/api/kiosks/${kioskId}/commands/${command.id}/attachment`} download>{t.download}</a>
                        : TEXTS.common.none}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
      </Loaded>
    </section>
  );
}

function IssueForm({ kioskId, onIssued }: { kioskId: string; onIssued: () => void }) {
  const t = TEXTS.commands;
  const [name, setName] = useState<string>(COMMAND_NAMES[0]);
  const [delivery, setDelivery] = useState<string>('queued');
  const [expiresInMinutes, setExpires] = useState(60);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string }>();
  async function issue() {
    const done = await api('POST', `/api/kiosks/${kioskId}/commands`, AnySchema, { name, delivery, expiresInMinutes });
    setOutcome(done.ok ? { ok: true, text: t.issued } : { ok: false, text: TEXTS.common.failed(done.error) });
    if (done.ok) onIssued();
  }
  return (
    <form className="row" onSubmit={(event) => { event.preventDefault(); void issue(); }}>
      <label>{t.name}
        <select value={name} onChange={(e) => setName(e.target.value)}>
          {COMMAND_NAMES.map((n) => <option key={n} value={n}>{t.names[n]}</option>)}
        </select>
      </label>
      <label>{t.delivery}
        <select value={delivery} onChange={(e) => setDelivery(e.target.value)}>
          {COMMAND_DELIVERIES.map((d) => <option key={d} value={d}>{t.deliveries[d]}</option>)}
        </select>
      </label>
      <label>{t.expires}
        <input type="number" min={1} max={10080} value={expiresInMinutes} onChange={(e) => setExpires(Number(e.target.value))} />
      </label>
      <button type="submit" className="primary">{t.issue}</button>
      <Outcome outcome={outcome} />
    </form>
  );
}
