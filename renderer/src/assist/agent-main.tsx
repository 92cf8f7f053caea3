import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AgentApp } from './AgentApp';
import { connectAgent } from './agentConnection';
import { agentTextFor } from './agentText';
import 'virtual:kiosk-colours.css';
import './agent.css';

// The agent page: a second entry of the renderer's build, served by the host's agent server (main/assist/).
const text = agentTextFor(navigator.language);
document.documentElement.lang = text.lang;
document.title = text.title;

const root = document.getElementById('agent-root');
if (!root) throw new Error('agent.html has no #agent-root element');
createRoot(root).render(
  <StrictMode>
    <AgentApp connection={connectAgent()} text={text} />
  </StrictMode>,
);
