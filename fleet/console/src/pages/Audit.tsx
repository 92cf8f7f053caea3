import { useState } from 'react';
import { api } from '../api/client';
import { AccountListSchema, AuditPageSchema } from '../api/shapes';
import { useLoad } from '../api/useLoad';
import { Loaded } from '../components/Loaded';
import { formatTime } from '../components/TimeAgo';
import { TEXTS } from '../texts';
import { HeaderRow } from '../components/HeaderRow';

const PAGE = 50;

/** An account's name when known; a kiosk's own act as its short id, like the Kiosk column. */
function actorName(actor: string, names: Map<string, string>): string {
  if (actor.startsWith('kiosk:')) return `kiosk ${actor.slice(6, 14)}`;
  return names.get(actor) ?? actor;
}

/** The audit log, newest first, a page at a time (the API pages back by the last id seen). */
export function Audit() {
  const t = TEXTS.audit;
  const [before, setBefore] = useState<number[]>([]);
  const cursor = before.at(-1);
  const { answer } = useLoad(() => api('GET', `/api/audit?limit=${PAGE}${cursor ? `&before=${cursor}` : ''}`, AuditPageSchema), [cursor]);
  // Actors are account ids; administrators may read the accounts to show names (others see the ids).
  const { answer: accounts } = useLoad(() => api('GET', '/api/accounts', AccountListSchema), []);
  const names = new Map(accounts?.ok ? accounts.value.accounts.map((a) => [a.id, a.username]) : []);

  return (
    <>
      <h1>{t.title}</h1>
      <Loaded answer={answer}>
        {({ lines }) => (
          <>
            {lines.length === 0 ? <p>{t.empty}</p> : (
              <table className="audit">
                <HeaderRow columns={t.columns} />
                <tbody>
                  {lines.map((line) => (
                    <tr key={line.id} data-audit-action={line.action}>
                      <td className="when">{formatTime(line.at)}</td>
                      <td>{actorName(line.actor, names)}</td>
                      <th scope="row">{line.action}</th>
                      <td>{line.kiosk_id?.slice(0, 8) ?? TEXTS.common.none}</td>
                      <td className={line.result === 'ok' ? '' : 'warn'}>{line.result}</td>
                      <td>{line.detail ?? TEXTS.common.none}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <div className="row">
              {before.length > 0 && <button type="button" onClick={() => setBefore([])}>{t.newest}</button>}
              {lines.length === PAGE && <button type="button" onClick={() => setBefore([...before, lines.at(-1)!.id])}>{t.older}</button>}
            </div>
          </>
        )}
      </Loaded>
    </>
  );
}
