import type { Measurements } from '../../common/measurements';
import type { Measuring, Screen } from '../../common/snapshot';
import type { MemoPrint, Satisfaction } from '../../common/visit-views';
import type { OpenSite } from './site-step';
import type { SessionSettings } from './machine';
import { STANDARD_DISPLAY, type DisplayPreferences } from '../../common/accessibility';
import { CITIZEN_HAND, type Hand } from '../assist/hand';

/**
 * What a visit holds, as it is before anyone touches the kiosk: the one list of per-visit fields.
 * The machine starts from it and resets to it, and the wipe proves the kiosk is back to it field by
 * field, so a field added here is reset and checked with no other edit.
 */
export function emptyVisit(settings: SessionSettings) {
  return {
    language: settings.defaultLanguage,
    display: STANDARD_DISPLAY as DisplayPreferences,
    measurements: {} as Measurements,
    measuring: null as Measuring | null,
    idleSecondsLeft: null as number | null,
    /** The step whose inactivity timeout applies (main/session/presence.ts); the first step's before a visit. */
    idleStep: 'language' as Screen,
    site: null as OpenSite | null,
    /** Assisted mode: who drives the visit, and whether help was asked (main/assist/hand.ts). */
    hand: CITIZEN_HAND as Hand,
    /** The procedure the visit chose (its id: nothing personal), from its guide to its site and back. */
    procedure: null as string | null,
    /** The end screen's one-tap answer, given once. */
    satisfaction: null as Satisfaction | null,
    /** The procedure's memo on the receipt printer, once asked for (main/session/procedure-memo.ts). */
    memoPrint: null as MemoPrint | null,
  };
}

export type VisitData = ReturnType<typeof emptyVisit>;
