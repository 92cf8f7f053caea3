import { createContext, useContext, useSyncExternalStore } from 'react';
import type { RendererEvent } from '../../../common/bridge';
import type { KioskConnection } from './connect';
import type { KioskState } from './kioskStore';

export const KioskContext = createContext<KioskConnection | null>(null);

/** The host's latest snapshot (null until one arrives), whether the bridge is up, and how to send events. */
export function useKiosk(): KioskState & { send: (event: RendererEvent) => void } {
  const connection = useContext(KioskContext);
  if (!connection) throw new Error('useKiosk() needs a <KioskContext value={connection}> above it');
  const state = useSyncExternalStore(connection.subscribe, connection.getState);
  return { ...state, send: connection.send };
}
