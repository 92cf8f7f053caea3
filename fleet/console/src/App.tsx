import { useEffect, useState } from 'react';
import { api, setCsrfToken, whenSessionLost } from './api/client';
import { AnySchema, SessionSchema, type ConsoleSession } from './api/shapes';
import { Layout } from './Layout';
import { Login } from './pages/Login';
import { TEXTS } from './texts';

/** The session decides everything: none → the login page; one → the console, restored after a reload. */
export function App() {
  const [session, setSession] = useState<ConsoleSession | null | undefined>(undefined);

  const open = (next: ConsoleSession | null) => {
    setCsrfToken(next?.csrfToken);
    setSession(next);
  };

  useEffect(() => {
    whenSessionLost(() => open(null));
    void api('GET', '/api/session', SessionSchema).then((answer) => open(answer.ok ? answer.value : null));
  }, []);

  if (session === undefined) return <p role="status" className="checking">{TEXTS.session.checking}</p>;
  if (session === null) return <Login onLoggedIn={open} />;
  const logout = async () => {
    await api('POST', '/api/logout', AnySchema);
    open(null);
  };
  return <Layout session={session} onLogout={() => void logout()} />;
}
