import { assign, fromPromise, raise, sendTo, setup } from 'xstate';
import type { DeviceKind } from '../../common/devices';
import type { Measurement } from '../../common/measurements';
import type { Screen } from '../../common/snapshot';
import { measurementFlow } from './measurement-flow';
import { emptyVisit } from './visit';
import type { PinVerdict } from '../admin/admin-gate';
import { lockedPinView, PIN_CHECKING, PIN_ENTRY, pinViewAfter } from '../admin/pin-view';
import { openedSite } from './site-step';
import type { SiteToShow } from '../shells/shell';
import { errorMessage } from '../../common/error-message';
import { idleTimeoutMs } from './presence';
import { cardProcedure, chosenMemo, offeredProcedure, procedureAllow, procedureSite } from './guided-visit';
import { HAND_MOVES, movedHand } from './hand-moves';
import { ENDED_FROM_OUTSIDE } from './visit-endings';
import type { Receipt } from '../../common/print-job';
import { WIPE_FAILURES_BEFORE_MAINTENANCE, type AdminAction, type SessionContext, type SessionEvent, type SessionSettings } from './session-types';

export type { AdminAction, DeviceEvent, MaintenanceEvent, SessionContext, SessionEvent, SessionSettings } from './session-types';
export { WIPE_FAILURES_BEFORE_MAINTENANCE } from './session-types';


/**
 * The visit: attract → language → consent → home (→ guide → site → guide → home; → measure or a
 * profile's site → home) → end → wipe → attract. While a visit runs, a second region
 * watches for presence: after `idleTimeoutSeconds` without activity a countdown shows, and when it
 * reaches zero the visit ends. Screens are tags, so views never depend on the shape of the states.
 */
export const sessionMachine = setup({
  types: {
    context: {} as SessionContext,
    events: {} as SessionEvent,
    input: {} as { settings: SessionSettings },
  },
  actors: {
    /**
     * Clears every store the visit touched and proves the kiosk is back to an empty visit, as the views
     * see it; rejects with the reason when it cannot. It reads the state itself, after `forgetVisit`.
     */
    wipeSession: fromPromise<void>(async () => {
      throw new Error('wipeSession is not provided');
    }),
    /** One measurement step; the host provides it with its device commands. */
    measurementFlow,
    /** Minutes the PIN screen stays locked, or null; provided by the host (main/admin/admin-gate.ts). */
    adminLockout: fromPromise<number | null>(async () => {
      throw new Error('adminLockout is not provided');
    }),
    /** Checks one PIN (or refuses it unchecked while locked) and journals the attempt; provided by the host. */
    checkAdminPin: fromPromise<PinVerdict, { pin: string }>(async () => {
      throw new Error('checkAdminPin is not provided');
    }),
    /** Prints a memo on the receipt printer, resolving once it is printed; provided by the host with its device manager. */
    printMemo: fromPromise<void, { memo: Receipt }>(async () => {
      throw new Error('printMemo is not provided');
    }),
  },
  delays: {
    idleTimeout: ({ context }) => idleTimeoutMs(context.settings, context.idleStep),
    endScreen: ({ context }) => context.settings.endScreenSeconds * 1000,
    wipeRetry: ({ context }) => context.settings.wipeRetrySeconds * 1000,
    panelIdle: ({ context }) => (context.settings.admin?.panelIdleSeconds ?? 60) * 1000,
  },
  guards: {
    languageOffered: ({ context, event }) =>
      event.type === 'LANGUAGE.CHOOSE' && context.settings.offeredLanguages.includes(event.language),
    outOfOrder: ({ context }) => context.outOfOrder,
    /** Only a procedure this kiosk offers; another id from a view is dropped. */
    procedureOffered: ({ context, event }) => event.type === 'PROCEDURE.OPEN' && offeredProcedure(context.settings, event.id) !== undefined,
    /** A card the profile maps to a procedure the kiosk offers. */
    cardRoutes: ({ context, event }) => event.type === 'CARD.READ' && cardProcedure(context.settings, event.card) !== null,
    /** The visit has a procedure under way (the card read on the attract screen, or the one its site belongs to). */
    procedureChosen: ({ context }) => context.procedure !== null,
    onCall: ({ context }) => context.site?.call != null,
    /** A memo prints only on a receipt printer that says it is ready, and only in a language it can print. */
    memoPrintable: ({ context }) => context.devices.receiptPrinter?.state === 'ready' && chosenMemo(context) !== null,
    notYetRated: ({ context }) => context.satisfaction === null,
    countdownOver: ({ context }) => (context.idleSecondsLeft ?? 0) <= 1,
    /** Only a device this kiosk has; an offline one is tried anyway, and the step says why it failed. */
    deviceConfigured: ({ context, event }) => event.type === 'MEASURE.START' && context.devices[event.kind] !== undefined,
    adminConfigured: ({ context }) => context.settings.admin !== null,
    adminRequested: ({ context }) => context.adminRequested,
    exitToDesktopAllowed: ({ context }) => context.settings.admin?.allowExitToDesktop === true,
    pinAccepted: (_, verdict: PinVerdict) => verdict.verdict === 'accepted',
    pinLocked: (_, verdict: PinVerdict) => verdict.verdict === 'locked',
    locked: (_, minutesLeft: number | null) => minutesLeft !== null,
    handMoves: ({ context, event }) => movedHand(context.hand, event) !== null,
  },
  actions: {
    chooseLanguage: assign({
      language: ({ context, event }) => (event.type === 'LANGUAGE.CHOOSE' ? event.language : context.language),
    }),
    setDisplay: assign({ display: ({ context, event }) => (event.type === 'DISPLAY.SET' ? event.display : context.display) }),
    startMeasuring: assign({
      measuring: ({ event }) => (event.type === 'MEASURE.START' ? { kind: event.kind, phase: 'arming' as const, failure: null } : null),
    }),
    recordPhase: assign({
      measuring: ({ context, event }) =>
        event.type === 'MEASURE.PHASE' && context.measuring ? { ...context.measuring, phase: event.phase, failure: event.failure } : context.measuring,
    }),
    recordMeasurement: assign(({ context }, measurement: Measurement) => ({
      measurements: { ...context.measurements, [measurement.kind]: measurement },
      measuring: context.measuring && { ...context.measuring, phase: 'measured' as const, failure: null },
    })),
    stopMeasuring: assign({ measuring: null }),
    openSite: assign({ site: ({ context, event }) => (event.type === 'SITE.OPEN' ? openedSite(event.url, context.settings.siteTiles) : null) }),
    openProcedure: assign({ procedure: ({ event }) => (event.type === 'PROCEDURE.OPEN' ? event.id : null) }),
    routeCard: assign({ procedure: ({ context, event }) => (event.type === 'CARD.READ' ? cardProcedure(context.settings, event.card) : null) }),
    /** Home lists procedures: none is chosen, and no memo of one is on its way. */
    forgetProcedure: assign({ procedure: null, memoPrint: null }),
    openProcedureSite: assign({ site: ({ context }) => procedureSite(context.settings, context.procedure) }),
    rate: assign({ satisfaction: ({ event }) => (event.type === 'SATISFACTION.RATE' ? event.rating : null) }),
    /** The step's own inactivity timeout applies from now (main/session/presence.ts). */
    enterStep: raise((_, step: Screen) => ({ type: 'PRESENCE.STEP' as const, step })),
    recordIdleStep: assign({ idleStep: ({ context, event }) => (event.type === 'PRESENCE.STEP' ? event.step : context.idleStep) }),
    /** A measurement step holds inactivity while its device is armed or measuring, and counts again otherwise. */
    holdWhileMeasuring: raise(({ event }) => ({
      type: event.type === 'MEASURE.PHASE' && (event.phase === 'arming' || event.phase === 'waiting') ? 'PRESENCE.HOLD' as const : 'PRESENCE.RESUME' as const,
    })),
    /** Entry and exit of a busy step (a call, a print job): no inactivity timeout meanwhile. */
    holdPresence: raise({ type: 'PRESENCE.HOLD' as const }),
    resumePresence: raise({ type: 'PRESENCE.RESUME' as const }),
    markSiteUnreachable: assign({ site: ({ context }) => context.site && { ...context.site, unreachable: true } }),
    forgetSite: assign({ site: null }),
    /** The shell shows the site in the kiosk's view; provided by the host. */
    showSite: (_, _site: SiteToShow) => {},
    /** The shell brings the kiosk page back, whatever it shows (a no-op when it shows it already); provided by the host. */
    leaveSite: () => {},
    /** A step that ends before its reading tells the device (a cuff deflates); provided by the host. */
    cancelDevice: (_, _kind: DeviceKind) => {},
    recordDeviceStatus: assign({
      devices: ({ context, event }) =>
        event.type === 'DEVICE.STATUS_CHANGED' ? { ...context.devices, [event.kind]: event.status } : context.devices,
    }),
    recordDeviceHealth: assign({
      deviceHealth: ({ context, event }) =>
        event.type === 'DEVICE.HEALTH_CHANGED' ? { ...context.deviceHealth, [event.health.kind]: event.health } : context.deviceHealth,
    }),
    startIdleCountdown: assign({ idleSecondsLeft: ({ context }) => context.settings.idleWarningSeconds }),
    tickIdleCountdown: assign({ idleSecondsLeft: ({ context }) => (context.idleSecondsLeft ?? 1) - 1 }),
    clearIdleCountdown: assign({ idleSecondsLeft: null }),
    moveHand: assign({ hand: ({ context, event }) => movedHand(context.hand, event) ?? context.hand }),
    forgetVisit: assign(({ context }) => emptyVisit(context.settings)),
    recordWipeFailure: assign(({ context, event }) => ({
      wipeFailure: errorMessage((event as { error?: unknown }).error),
      wipeFailures: context.wipeFailures + 1,
      outOfOrder: context.outOfOrder || context.wipeFailures + 1 >= WIPE_FAILURES_BEFORE_MAINTENANCE,
      // Nobody should find the PIN screen open minutes later, when a retry finally succeeds.
      adminRequested: false,
    })),
    clearWipeFailure: assign({ wipeFailure: null, wipeFailures: 0 }),
    markOutOfOrder: assign({ outOfOrder: true }),
    clearOutOfOrder: assign({ outOfOrder: false }),
    // The administrator flow: see the `admin` state.
    requestAdmin: assign({ adminRequested: true }),
    resetAdmin: assign({ adminRequested: false, adminPin: PIN_ENTRY }),
    showPinChecking: assign({ adminPin: PIN_CHECKING }),
    showPinVerdict: assign((_, verdict: PinVerdict) => ({ adminPin: pinViewAfter(verdict) })),
    showPinLocked: assign((_, minutesLeft: number | null) => ({ adminPin: lockedPinView(minutesLeft) })),
    setMaintenance: assign({ outOfOrder: ({ context, event }) => (event.type === 'ADMIN.MAINTENANCE' ? event.on : context.outOfOrder) }),
    /** Journals what the administrator did and carries it out (restart, exit); provided by the host. */
    adminAction: (_, _action: AdminAction) => {},
  },
}).createMachine({
  id: 'session',
  context: ({ input }) => ({
    settings: input.settings,
    ...emptyVisit(input.settings),
    devices: {},
    deviceHealth: {},
    wipeFailure: null,
    outOfOrder: false,
    wipeFailures: 0,
    adminRequested: false,
    adminPin: PIN_ENTRY,
  }),
  on: {
    'DEVICE.STATUS_CHANGED': { actions: 'recordDeviceStatus' },
    'DEVICE.HEALTH_CHANGED': { actions: 'recordDeviceHealth' },
    // Anywhere else (a wipe running, out of service): remembered, and the wipe's end leads to maintenance.
    'WATCHDOG.GAVE_UP': { actions: 'markOutOfOrder' },
    // Likewise: a visit under way is not cut short by the fleet; it ends, is wiped, then maintenance.
    'MAINTENANCE.ENTER': { actions: 'markOutOfOrder' },
    // Out of service after a failed wipe, the kiosk still waits for a wipe that succeeds.
    'MAINTENANCE.LEAVE': { actions: 'clearOutOfOrder' },
  },
  initial: 'attract',
  states: {
    attract: {
      tags: ['attract'],
      on: {
        'SESSION.START': 'visit',
        // A card read starts the visit too, and its guide opens once the language is chosen and the notice read.
        'CARD.READ': { guard: 'cardRoutes', target: 'visit', actions: 'routeCard' },
        'WATCHDOG.GAVE_UP': { target: 'maintenance', actions: 'markOutOfOrder' },
        'MAINTENANCE.ENTER': { target: 'maintenance', actions: 'markOutOfOrder' },
        'ADMIN.OPEN': { guard: 'adminConfigured', target: 'admin' },
        'FLEET.WIPE': 'wipe',
      },
    },
    visit: {
      type: 'parallel',
      on: {
        // The person may leave at any step.
        'VISIT.FINISH': 'end',
        // Text size and contrast, on any step of the visit (the accessibility sheet).
        'DISPLAY.SET': { actions: 'setDisplay' },
        ...ENDED_FROM_OUTSIDE,
        ...HAND_MOVES,
      },
      states: {
        step: {
          initial: 'language',
          states: {
            language: {
              tags: ['language'],
              entry: { type: 'enterStep', params: 'language' },
              on: { 'LANGUAGE.CHOOSE': { guard: 'languageOffered', target: 'consent', actions: 'chooseLanguage' } },
            },
            consent: {
              // The plain notice of what is kept (nothing personal). Declining ends the visit, wiped as any other.
              tags: ['consent'],
              entry: { type: 'enterStep', params: 'consent' },
              on: {
                'CONSENT.ACCEPT': [{ guard: 'procedureChosen', target: 'guide' }, { target: 'home' }],
                'CONSENT.DECLINE': '#session.end',
              },
            },
            home: {
              tags: ['home'],
              // Home lists procedures: none is chosen while it shows.
              entry: ['forgetProcedure', { type: 'enterStep', params: 'home' }],
              on: {
                'PROCEDURE.OPEN': { guard: 'procedureOffered', target: 'guide', actions: 'openProcedure' },
                'CARD.READ': { guard: 'cardRoutes', target: 'guide', actions: 'routeCard' },
                'MEASURE.START': { guard: 'deviceConfigured', target: 'measure', actions: 'startMeasuring' },
                // The host has checked the URL against the lockdown policy before this event reaches the machine.
                'SITE.OPEN': { target: 'site', actions: 'openSite' },
              },
            },
            guide: {
              // The chosen procedure's guide: steps, papers to bring, then its official site.
              tags: ['guide'],
              entry: { type: 'enterStep', params: 'guide' },
              on: {
                'PROCEDURE.START': { target: 'site', actions: 'openProcedureSite' },
                'PROCEDURE.CLOSE': 'home',
              },
              initial: 'reading',
              states: {
                reading: {
                  on: { 'MEMO.PRINT': { guard: 'memoPrintable', target: 'printing' } },
                },
                // The person waits by the printer: no inactivity timeout until the job is done or failed. Leaving
                // the guide meanwhile leaves the job in the printer's queue, which prints it or the wipe drops it.
                printing: {
                  tags: ['busy'],
                  entry: ['holdPresence', assign({ memoPrint: 'printing' })],
                  // Left before the printer answered (to the site, or the visit's end): nobody waits for it on screen.
                  exit: ['resumePresence', assign({ memoPrint: null })],
                  invoke: {
                    src: 'printMemo',
                    input: ({ context }) => ({ memo: chosenMemo(context)! }),
                    onDone: { target: 'reading', actions: assign({ memoPrint: 'printed' }) },
                    onError: { target: 'reading', actions: assign({ memoPrint: 'failed' }) },
                  },
                },
              },
            },
            site: {
              tags: ['site'],
              entry: [
                { type: 'enterStep', params: 'site' },
                // A procedure's site may reach its own official sites besides the profile's, while it shows.
                { type: 'showSite', params: ({ context }) => ({
                  url: context.site!.url, language: context.language, display: context.display, allow: procedureAllow(context.settings, context.procedure),
                }) },
              ],
              // However the step ends (back, finish, inactivity, watchdog), the kiosk page comes back.
              exit: ['leaveSite', 'forgetSite'],
              on: {
                // The way back: to the procedure's guide, or home from a profile's site tile.
                'SITE.CLOSE': [{ guard: 'procedureChosen', target: 'guide' }, { target: 'home' }],
                'SITE.UNREACHABLE': { actions: 'markSiteUnreachable' },
              },
              initial: 'browsing',
              states: {
                browsing: { always: { guard: 'onCall', target: 'call' } },
                // A video call: the person talks and may not touch the screen for long, so no inactivity
                // timeout runs until the call's site is left (by the bar, or by the agent).
                call: { tags: ['busy'], entry: 'holdPresence', exit: 'resumePresence' },
              },
            },
            measure: {
              tags: ['measure'],
              entry: { type: 'enterStep', params: 'measure' },
              exit: ['stopMeasuring', 'resumePresence'],
              // While the device is armed and measuring (a blood pressure takes a minute, the cuff squeezing), the
              // person is there and still: no inactivity counts. The flow's own reading timeout bounds the wait.
              on: { 'MEASURE.PHASE': { actions: ['recordPhase', 'holdWhileMeasuring'] } },
              initial: 'taking',
              states: {
                taking: {
                  // However the step ends (cancel, finish, inactivity), the device stops waiting for the person.
                  exit: { type: 'cancelDevice', params: ({ context }) => context.measuring!.kind },
                  invoke: {
                    id: 'measurement',
                    src: 'measurementFlow',
                    input: ({ context }) => ({
                      kind: context.measuring!.kind,
                      readingTimeoutSeconds: context.settings.readingTimeoutSeconds[context.measuring!.kind],
                    }),
                    onDone: { target: 'result', actions: { type: 'recordMeasurement', params: ({ event }) => event.output } },
                  },
                  on: {
                    // Readings reach the step that asked for one, and no other state: elsewhere they are dropped unread.
                    'DEVICE.MEASURED': { actions: sendTo('measurement', ({ event }) => event) },
                    'MEASURE.RETRY': { actions: sendTo('measurement', ({ event }) => event) },
                    // The step's own flow hears of its device going away; the kiosk records it as everywhere.
                    'DEVICE.STATUS_CHANGED': { actions: ['recordDeviceStatus', sendTo('measurement', ({ event }) => event)] },
                    'MEASURE.CANCEL': '#session.visit.step.home',
                  },
                },
                result: {
                  // Measuring again takes a fresh reading in a new flow; the one shown stays the visit's until it comes.
                  on: { 'MEASURE.DONE': '#session.visit.step.home', 'MEASURE.RETRY': 'taking' },
                },
              },
            },
          },
        },
        presence: {
          initial: 'active',
          // A new step has its own timeout, counted afresh; a busy step holds the count (main/session/presence.ts).
          // Handled in the children: a re-entering transition on the region itself would re-enter the steps too.
          states: {
            active: {
              after: { idleTimeout: 'warning' },
              on: {
                'USER.ACTIVITY': { target: 'active', reenter: true },
                'PRESENCE.STEP': { target: 'active', reenter: true, actions: 'recordIdleStep' },
                'PRESENCE.HOLD': 'held',
              },
            },
            // A busy step runs (a call, a print job): nobody is asked whether they are still there.
            held: {
              on: {
                'PRESENCE.STEP': { actions: 'recordIdleStep' },
                'PRESENCE.RESUME': 'active',
              },
            },
            warning: {
              entry: 'startIdleCountdown',
              exit: 'clearIdleCountdown',
              on: {
                'USER.ACTIVITY': 'active',
                'PRESENCE.STEP': { target: 'active', actions: 'recordIdleStep' },
                'PRESENCE.HOLD': 'held',
              },
              initial: 'counting',
              states: {
                counting: {
                  after: {
                    1000: [
                      { guard: 'countdownOver', target: '#session.end' },
                      { target: 'counting', reenter: true, actions: 'tickIdleCountdown' },
                    ],
                  },
                },
              },
            },
          },
        },
      },
    },
    end: {
      tags: ['end'],
      after: { endScreen: 'wipe' },
      on: {
        // One answer; the screen's timer starts again so the person sees the thanks.
        'SATISFACTION.RATE': { guard: 'notYetRated', target: 'end', reenter: true, actions: 'rate' },
        'END.DISMISS': 'wipe',
        ...HAND_MOVES,
        ...ENDED_FROM_OUTSIDE,
      },
    },
    wipe: {
      tags: ['wipe'],
      // Reset first, then prove: the proof must see what the next visit would start from.
      entry: 'forgetVisit',
      on: { 'ADMIN.OPEN': { guard: 'adminConfigured', actions: 'requestAdmin' } },
      invoke: {
        src: 'wipeSession',
        onDone: [
          { guard: 'adminRequested', target: 'admin', actions: 'clearWipeFailure' },
          { guard: 'outOfOrder', target: 'maintenance', actions: 'clearWipeFailure' },
          { target: 'attract', actions: 'clearWipeFailure' },
        ],
        onError: { target: 'outOfService', actions: 'recordWipeFailure' },
      },
    },
    outOfService: {
      // The wipe failed: retried until it succeeds, and no visit starts before. Only an administrator
      // may step in (the panel leaves through the wipe again).
      tags: ['out-of-service'],
      after: { wipeRetry: 'wipe' },
      on: { 'ADMIN.OPEN': { guard: 'adminConfigured', target: 'admin' } },
    },
    maintenance: {
      // Maintenance mode: wiped, and no visit starts until an administrator turns it off (panel or fleet).
      // Touches do nothing and no timer leaves it; the error line in the log says why it began.
      tags: ['out-of-service'],
      on: {
        'ADMIN.OPEN': { guard: 'adminConfigured', target: 'admin' },
        'MAINTENANCE.LEAVE': { target: 'wipe', actions: 'clearOutOfOrder' },
      },
    },
    admin: {
      /**
       * The administrator exit, entered only with no visit on screen (a visit is wiped first). The PIN
       * screen, then the panel; panel commands exist only in `panel`, so the host refuses them anywhere
       * else (it asks the machine `can` first). Every way out goes through the wipe, then attract or
       * maintenance, so a visit never starts from the panel's leftovers nor before a wipe succeeded.
       */
      type: 'parallel',
      entry: 'resetAdmin',
      exit: 'resetAdmin',
      states: {
        step: {
          initial: 'pin',
          states: {
            pin: {
              tags: ['admin-pin'],
              on: { 'ADMIN.CLOSE': '#session.wipe' },
              initial: 'lockCheck',
              states: {
                lockCheck: {
                  invoke: {
                    src: 'adminLockout',
                    onDone: [
                      { guard: { type: 'locked', params: ({ event }) => event.output }, target: 'locked',
                        actions: { type: 'showPinLocked', params: ({ event }) => event.output } },
                      { target: 'entry' },
                    ],
                    onError: 'entry',
                  },
                },
                entry: { on: { 'ADMIN.PIN': 'checking' } },
                checking: {
                  entry: 'showPinChecking',
                  invoke: {
                    src: 'checkAdminPin',
                    // The PIN goes from the event straight to the check; the context never holds it.
                    input: ({ event }) => ({ pin: event.type === 'ADMIN.PIN' ? event.pin : '' }),
                    onDone: [
                      { guard: { type: 'pinAccepted', params: ({ event }) => event.output }, target: '#session.admin.step.panel' },
                      { guard: { type: 'pinLocked', params: ({ event }) => event.output }, target: 'locked',
                        actions: { type: 'showPinVerdict', params: ({ event }) => event.output } },
                      { target: 'entry', actions: { type: 'showPinVerdict', params: ({ event }) => event.output } },
                    ],
                    // The check itself failed (the host logged why): a fresh entry, the count unchanged.
                    onError: { target: 'entry', actions: 'resetAdmin' },
                  },
                },
                // Tries while locked are still sent: the host refuses them unchecked and journals them.
                locked: { on: { 'ADMIN.PIN': 'checking' } },
              },
            },
            panel: {
              tags: ['admin-panel'],
              on: {
                'ADMIN.MAINTENANCE': {
                  actions: ['setMaintenance', { type: 'adminAction', params: ({ event }) => (event.on ? 'maintenance-on' : 'maintenance-off') }],
                },
                'ADMIN.RESTART': { actions: { type: 'adminAction', params: 'restart' } },
                'ADMIN.EXIT_TO_DESKTOP': { guard: 'exitToDesktopAllowed', actions: { type: 'adminAction', params: 'exit-to-desktop' } },
                'ADMIN.CLOSE': '#session.wipe',
              },
            },
          },
        },
        // Nobody leaves the panel open: after panelIdleSeconds without a touch it closes itself.
        presence: {
          initial: 'active',
          states: {
            active: {
              after: { panelIdle: '#session.wipe' },
              on: { 'USER.ACTIVITY': { target: 'active', reenter: true } },
            },
          },
        },
      },
    },
  },
});
