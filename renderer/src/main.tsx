import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LAUNCH_TOKEN_GLOBAL, type KioskBridgeApi } from '../../common/bridge';
import { isBlockedShortcut } from '../../common/shortcuts';
import { App } from './App';
import { connectKiosk } from './bridge/connect';
import { pickTransport } from './bridge/transport';
import { KioskContext } from './bridge/useKiosk';
import 'virtual:kiosk-colours.css';
import './styles/base.css';
import './styles/screens.css';
import './styles/components.css';
import './styles/visit.css';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in the Chromium shell, which uses the WebSocket. */
    borne?: KioskBridgeApi;
  }
}

// A kiosk has no menus to offer: a long press must not open one.
document.addEventListener('contextmenu', (event) => event.preventDefault());
// Shortcuts that would open the browser's find bar, print or save dialogs, source view… are cancelled
// before Chromium acts on them (those it reserves, such as Ctrl+T, the shell closes or policies stop).
window.addEventListener('keydown', (event) => {
  if (isBlockedShortcut({ key: event.key, control: event.ctrlKey, shift: event.shiftKey, alt: event.altKey, meta: event.metaKey })) {
    event.preventDefault();
  }
}, { capture: true });
// A file dropped on the window would open it in place of the kiosk (file://…): drops are refused.
for (const type of ['dragover', 'drop'] as const) window.addEventListener(type, (event) => event.preventDefault(), { capture: true });
// Ctrl + wheel (or a touchpad pinch) zooms the browser; the kiosk's layout is made for one size.
window.addEventListener('wheel', (event) => {
  if (event.ctrlKey) event.preventDefault();
}, { capture: true, passive: false });

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
