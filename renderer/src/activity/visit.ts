import type { Screen } from '../../../common/snapshot';

/** Screens during which a person is using the kiosk, so their touches keep the visit alive. */
const VISIT_SCREENS: ReadonlySet<Screen> = new Set<Screen>(['language', 'home', 'measure', 'site']);

export function isVisitRunning(screen: Screen | null): boolean {
  return screen !== null && VISIT_SCREENS.has(screen);
}
