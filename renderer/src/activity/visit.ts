import type { Screen } from '../../../common/snapshot';

/** Screens during which a person is using the kiosk, so their touches keep the visit alive. */
const VISIT_SCREENS: ReadonlySet<Screen> = new Set<Screen>(['language', 'home', 'measure', 'site']);
/** The administrator's screens close after a while without a touch, so touches are reported there too. */
const ADMIN_SCREENS: ReadonlySet<Screen> = new Set<Screen>(['admin-pin', 'admin-panel']);

export function isVisitRunning(screen: Screen | null): boolean {
  return screen !== null && VISIT_SCREENS.has(screen);
}

/** Whether touches on this screen are reported as activity: during a visit, and on the administrator's screens. */
export function reportsActivity(screen: Screen | null): boolean {
  return isVisitRunning(screen) || (screen !== null && ADMIN_SCREENS.has(screen));
}
