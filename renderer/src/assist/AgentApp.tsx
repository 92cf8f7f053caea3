import { useSyncExternalStore } from 'react';
import type { AgentConnection } from './agentConnection';
import { AgentLogin } from './AgentLogin';
import { AgentMirror } from './AgentMirror';
import type { AgentText } from './agentText';

/** The agent page: the login form until the kiosk knows the agent, then the mirror of the visit. */
export function AgentApp({ connection, text }: { connection: AgentConnection; text: AgentText }) {
  const state = useSyncExternalStore(connection.subscribe, connection.getState);
  return (
    <div className="agent-page">
      <header className="agent-header">
        <h1>{text.title}</h1>
        {state.phase === 'mirror' && (
          <div className="agent-header__who">
            <span>{text.loggedInAs(state.mirror.agent.name)}</span>
            <button type="button" className="agent-button agent-button--quiet" onClick={() => void connection.logout()}>{text.logout}</button>
          </div>
        )}
      </header>
      <main className="agent-main">
        {state.phase === 'login' && (
          <AgentLogin text={text} answer={state.answer} busy={state.busy} onLogin={(agent, pin) => void connection.login(agent, pin)} />
        )}
        {(state.phase === 'checking' || state.phase === 'connecting') && <p role="status">{text.connecting}</p>}
        {state.phase === 'mirror' && (
          <AgentMirror text={text} mirror={state.mirror} rejected={state.rejected} send={connection.send} />
        )}
      </main>
    </div>
  );
}
