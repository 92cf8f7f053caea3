import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LAUNCH_TOKEN_GLOBAL, type KioskBridgeApi } from '../../common/bridge';
import { App } from './App';
import { connectKiosk } from './bridge/connect';
import { pickTransport } from './bridge/transport';
import { KioskContext } from './bridge/useKiosk';
import 'virtual:kiosk-colours.css';
import './styles/base.css';
import './styles/screens.css';
import './styles/components.css';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in the Chromium shell, which uses the WebSocket. */
    borne?: KioskBridgeApi;
  }
}

// A kiosk has no menus to offer: a long press must not open one.
document.addEventListener('contextmenu', (event) => event.preventDefault());

const launchToken: unknown = Reflect.get(window, LAUNCH_TOKEN_GLOBAL);
const connection = connectKiosk(pickTransport({ borne: window.borne, host: location.host, launchToken }));

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <KioskContext value={connection}>
      <App />
    </KioskContext>
  </StrictMode>,
);
