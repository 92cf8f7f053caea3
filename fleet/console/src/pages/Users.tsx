import { useState } from 'react';
import { ROLES, type Role } from '../../../server/store/schema';
import { api } from '../api/client';
import { AccountListSchema, AccountSchema } from '../api/shapes';
import { useLoad } from '../api/useLoad';
import { Loaded, Outcome } from '../components/Loaded';
import { formatTime } from '../components/TimeAgo';
import { TEXTS } from '../texts';
import { HeaderRow } from '../components/HeaderRow';

/** Console accounts: administrators only (the section is not in the others' navigation, and the server refuses them). */
export function Users() {
  const t = TEXTS.users;
  const { answer, reload } = useLoad(() => api('GET', '/api/accounts', AccountListSchema), []);
  const [form, setForm] = useState({ username: '', password: '', role: 'viewer' as Role });
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string }>();

  async function create() {
    const done = await api('POST', '/api/accounts', AccountSchema, form);
    if (done.ok) {
      setOutcome({ ok: true, text: t.created(done.value.username) });
      setForm({ username: '', password: '', role: 'viewer' });
      reload();
    } else setOutcome({ ok: false, text: TEXTS.common.failed(done.error) });
  }

  return (
    <>
      <h1>{t.title}</h1>
      <Loaded answer={answer}>
        {({ accounts }) => (
          <table>
            <HeaderRow columns={t.columns} />
            <tbody>
              {accounts.map((account) => (
                <tr key={account.id}><th scope="row">{account.username}</th><td>{TEXTS.roles[account.role]}</td><td>{formatTime(account.created_at)}</td></tr>
              ))}
            </tbody>
          </table>
        )}
      </Loaded>
      <section aria-labelledby="create-user-title">
        <h2 id="create-user-title">{t.create}</h2>
        <form className="stack" onSubmit={(event) => { event.preventDefault(); void create(); }}>
          <label>{t.username}<input value={form.username} onChange={(e) => setForm({ ...form, username: e.target.value })} autoComplete="off" required maxLength={100} /></label>
          <label>{t.password}<input type="password" value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} autoComplete="new-password" required minLength={12} maxLength={200} /></label>
          <label>{t.role}
            <select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as Role })}>
              {ROLES.map((role) => <option key={role} value={role}>{TEXTS.roles[role]}</option>)}
            </select>
          </label>
          <Outcome outcome={outcome} />
          <button type="submit" className="primary">{t.submit}</button>
        </form>
      </section>
    </>
  );
}
