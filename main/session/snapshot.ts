import type { SnapshotFrom } from 'xstate';
import { isAdminScreen, SCREENS, type Screen, type SessionSnapshot } from '../../common/snapshot';
import type { SessionContext, sessionMachine } from './machine';
import { handView } from '../assist/hand';
import { homeCatalog, procedureView } from './catalog-view';
import { offeredProcedure } from './guided-visit';

export type SessionState = SnapshotFrom<typeof sessionMachine>;

/** The view of the machine that every renderer draws. Screens come from tags, not state paths. */
export function toSessionSnapshot(state: SessionState): SessionSnapshot {
  const screen = SCREENS.find((s) => state.hasTag(s));
  if (!screen) throw new Error(`session state ${JSON.stringify(state.value)} has no screen tag`);
  return snapshotOf(state.context, screen);
}

/** The snapshot a context gives on a screen; the wipe also draws it for an empty visit, to compare. */
export function snapshotOf(context: SessionContext, screen: Screen): SessionSnapshot {
  return {
    screen,
    language: context.language,
    offeredLanguages: context.settings.offeredLanguages,
    display: context.display,
    idleWarning: context.idleSecondsLeft === null ? null : { secondsLeft: context.idleSecondsLeft },
    measurements: context.measurements,
    measuring: context.measuring,
    devices: context.devices,
    deviceHealth: context.deviceHealth,
    siteTiles: context.settings.siteTiles,
    site: context.site && { origin: context.site.origin, unreachable: context.site.unreachable, call: context.site.call },
    catalog: screen === 'home' ? homeCatalog(context.settings.procedures, context.language) : null,
    procedure: screen === 'guide' || screen === 'site' ? chosenProcedure(context) : null,
    satisfaction: context.satisfaction,
    memoPrint: context.memoPrint,
    testAutomation: context.settings.testAutomation,
    admin: isAdminScreen(screen)
      ? { pin: context.adminPin, maintenance: context.outOfOrder, allowExitToDesktop: context.settings.admin?.allowExitToDesktop === true }
      : null,
    assist: context.settings.assisted ? handView(context.hand) : null,
  };
}

/** The chosen procedure's guide in the visit's language; null on a profile's site tile. */
function chosenProcedure(context: SessionContext) {
  const procedure = offeredProcedure(context.settings, context.procedure);
  return procedure ? procedureView(procedure, context.language) : null;
}
