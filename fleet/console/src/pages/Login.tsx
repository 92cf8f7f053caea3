import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { SessionSchema, type ConsoleSession } from '../api/shapes';
import { TEXTS } from '../texts';

/** The login form; a wrong password and a lock-out (with its Retry-After) are told apart. */
export function Login({ onLoggedIn }: { onLoggedIn: (session: ConsoleSession) => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const usernameRef = useRef<HTMLInputElement>(null);
  useEffect(() => usernameRef.current?.focus(), []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const answer = await api('POST', '/api/login', SessionSchema, { username, password });
    setBusy(false);
    if (answer.ok) return onLoggedIn(answer.value);
    setPassword('');
    if (answer.status === 429) setError(TEXTS.login.locked(Math.max(1, Math.ceil((answer.retryAfterSeconds ?? 60) / 60))));
    else if (answer.status === 401) setError(TEXTS.login.wrong);
    else setError(TEXTS.common.failed(answer.error));
  }

  return (
    <main id="content" className="login">
      <form onSubmit={(event) => void submit(event)} aria-labelledby="login-title">
        <h1 id="login-title">{TEXTS.login.title}</h1>
        <label htmlFor="login-username">{TEXTS.login.username}</label>
        <input id="login-username" ref={usernameRef} autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required />
        <label htmlFor="login-password">{TEXTS.login.password}</label>
        <input id="login-password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        {error && <p className="note error" role="alert">{error}</p>}
        <button type="submit" className="primary" disabled={busy}>{TEXTS.login.submit}</button>
      </form>
    </main>
  );
}
