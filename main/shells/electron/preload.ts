import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { HostMessage, KioskBridgeApi } from '../../../common/bridge';
import { IPC_CHANNELS } from '../../../common/ipc-channels';

/**
 * Runs in the sandboxed page before its scripts and exposes `window.borne`: two functions, never
 * ipcRenderer itself, so the page can only send bridge events and hear host messages. The host
 * validates whatever comes through, so nothing is checked here.
 */
const api: KioskBridgeApi = {
  send: (event) => ipcRenderer.send(IPC_CHANNELS.rendererEvent, event),
  onMessage: (listener) => {
    // The IPC event (and its `sender`) stays on this side of the context bridge.
    const relay = (_event: IpcRendererEvent, message: HostMessage) => listener(message);
    ipcRenderer.on(IPC_CHANNELS.hostMessage, relay);
    return () => {
      ipcRenderer.removeListener(IPC_CHANNELS.hostMessage, relay);
    };
  },
};

contextBridge.exposeInMainWorld('borne', api);
