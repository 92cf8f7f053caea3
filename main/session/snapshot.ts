import type { SnapshotFrom } from 'xstate';
import { SCREENS, type SessionSnapshot } from '../../common/snapshot';
import type { sessionMachine } from './machine';

/** The view of the machine that every renderer draws. Screens come from tags, not state paths. */
export function toSessionSnapshot(state: SnapshotFrom<typeof sessionMachine>): SessionSnapshot {
  const { context } = state;
  const screen = SCREENS.find((s) => state.hasTag(s));
  if (!screen) throw new Error(`session state ${JSON.stringify(state.value)} has no screen tag`);
  return {
    screen,
    language: context.language,
    offeredLanguages: context.settings.offeredLanguages,
    idleWarning: context.idleSecondsLeft === null ? null : { secondsLeft: context.idleSecondsLeft },
    temperature: context.temperature,
    devices: context.devices,
    testAutomation: context.settings.testAutomation,
  };
}
