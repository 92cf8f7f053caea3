import { useEffect } from 'react';
import type { RendererEvent } from '../../../common/bridge';
import type { Screen } from '../../../common/snapshot';

/**
 * Sends VIEW.PAINTED once each time the shown screen changes, after the browser has painted it:
 * the first frame callback runs before that paint, the second one after it.
 * `screen` is null while the "Connexion…" screen shows, so a reconnect reports the screen again.
 */
export function usePaintedReport(screen: Screen | null, send: (event: RendererEvent) => void): void {
  useEffect(() => {
    if (screen === null) return;
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => send({ type: 'VIEW.PAINTED', screen }));
    });
    return () => cancelAnimationFrame(frame);
  }, [screen, send]);
}
