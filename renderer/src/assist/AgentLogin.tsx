import { useState, type FormEvent } from 'react';
import type { LoginRefusal } from './agentConnection';
import type { AgentText } from './agentText';

/** What to tell the agent after a refused login. */
function refusal(text: AgentText, answer: LoginRefusal | null): string | null {
  switch (answer?.verdict) {
    case 'wrong': return text.wrong(answer.attemptsLeft);
    case 'locked': return text.locked(answer.minutesLeft);
    case 'busy': return text.busy;
    case 'invalid': return text.invalid;
    case 'unreachable': return text.unreachable;
    case undefined: return null;
  }
}

/** Id and PIN; the PIN leaves the page once, in the login request, and is cleared from the form at once. */
export function AgentLogin({ text, answer, busy, onLogin }: {
  text: AgentText; answer: LoginRefusal | null; busy: boolean; onLogin: (agent: string, pin: string) => void;
}) {
  const [agent, setAgent] = useState('');
  const [pin, setPin] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onLogin(agent.trim().toLowerCase(), pin);
    setPin('');
  };
  const message = refusal(text, answer);
  return (
    <form className="agent-card agent-login" onSubmit={submit} aria-labelledby="agent-login-title">
      <h2 id="agent-login-title">{text.loginTitle}</h2>
      <label className="agent-field">
        <span>{text.agentId}</span>
        <input name="agent" autoComplete="username" required maxLength={40} value={agent} onChange={(e) => setAgent(e.target.value)} />
      </label>
      <label className="agent-field">
        <span>{text.pin}</span>
        <input name="pin" type="password" inputMode="numeric" autoComplete="current-password" required pattern="[0-9]{4,12}"
          maxLength={12} value={pin} onChange={(e) => setPin(e.target.value)} />
      </label>
      {message && <p className="agent-error" role="alert">{message}</p>}
      <button type="submit" className="agent-button" disabled={busy}>{text.login}</button>
    </form>
  );
}
