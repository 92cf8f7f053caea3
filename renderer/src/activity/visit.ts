import { isAdminScreen, type Screen } from '../../../common/snapshot';

/** Screens during which a person is using the kiosk, so their touches keep the visit alive. */
const VISIT_SCREENS: ReadonlySet<Screen> = new Set<Screen>(['language', 'home', 'measure', 'site']);

export function isVisitRunning(screen: Screen | null): boolean {
  return screen !== null && VISIT_SCREENS.has(screen);
}

/**
 * Whether touches on this screen are reported as activity: during a visit, and on the administrator's
 * screens, which close after a while without a touch.
 */
export function reportsActivity(screen: Screen | null): boolean {
  return isVisitRunning(screen) || (screen !== null && isAdminScreen(screen));
}
