import type { RendererEvent } from '../../../common/bridge';
import { createKioskStore, type KioskStore } from './kioskStore';
import { openReconnectingSocket } from './reconnectingSocket';
import type { BridgeTransport } from './transport';

export interface KioskConnection extends Pick<KioskStore, 'getState' | 'subscribe' | 'onSpeech'> {
  /** Sends one event to the host; while the bridge is down the event is dropped, as it would be stale. */
  send(event: RendererEvent): void;
}

export function connectKiosk(transport: BridgeTransport): KioskConnection {
  const store = createKioskStore();
  const view = { getState: store.getState, subscribe: store.subscribe, onSpeech: store.onSpeech };

  switch (transport.kind) {
    case 'preload': {
      // IPC to our own main process is up as long as this page exists.
      store.setConnected(true);
      transport.api.onMessage((message) => store.receive(message));
      return { ...view, send: (event) => transport.api.send(event) };
    }
    case 'websocket': {
      const socket = openReconnectingSocket(transport.url, {
        onText: (text) => store.receive(text),
        onOpenChange: (open) => store.setConnected(open),
      });
      return {
        ...view,
        send(event) {
          if (!socket.send(JSON.stringify(event))) console.info(`Borne bridge: not connected, dropped ${event.type}`);
        },
      };
    }
    case 'unavailable':
      console.error(`Borne bridge: cannot reach the host: ${transport.reason}`);
      return { ...view, send: () => {} };
  }
}
