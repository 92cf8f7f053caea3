import { useEffect } from 'react';
import { VIEW_HEARTBEAT_INTERVAL_MS, type RendererEvent } from '../../../common/bridge';

/**
 * Sends VIEW.ALIVE every VIEW_HEARTBEAT_INTERVAL_MS while the bridge is up. A timer callback only runs
 * when the page's main thread is free, so silence means a hung page, and the host's watchdog reloads it.
 */
export function useHeartbeat(connected: boolean, send: (event: RendererEvent) => void): void {
  useEffect(() => {
    if (!connected) return;
    const timer = setInterval(() => send({ type: 'VIEW.ALIVE' }), VIEW_HEARTBEAT_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [connected, send]);
}
