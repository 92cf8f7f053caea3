import { useCallback, useEffect, useMemo } from 'react';
import { ACTIVITY_REPORT_INTERVAL_MS, type RendererEvent } from '../../../common/bridge';
import type { Screen } from '../../../common/snapshot';
import { createThrottle } from '../../../common/throttle';
import { reportsActivity } from './visit';

/**
 * Reports USER.ACTIVITY on any touch or key press while a visit runs (or an administrator screen
 * shows), at most once a second.
 * Returns the same throttled report for buttons that mean "I'm here" (the idle warning).
 */
export function useActivityReport(screen: Screen | null, send: (event: RendererEvent) => void): () => void {
  const mayReport = useMemo(() => createThrottle(ACTIVITY_REPORT_INTERVAL_MS), []);
  const report = useCallback(() => {
    if (mayReport(performance.now())) send({ type: 'USER.ACTIVITY' });
  }, [mayReport, send]);

  const reporting = reportsActivity(screen);
  useEffect(() => {
    if (!reporting) return;
    // Capture phase: a button that stops propagation still counts as activity.
    const options = { capture: true, passive: true };
    window.addEventListener('pointerdown', report, options);
    window.addEventListener('keydown', report, options);
    return () => {
      window.removeEventListener('pointerdown', report, options);
      window.removeEventListener('keydown', report, options);
    };
  }, [reporting, report]);

  return report;
}
