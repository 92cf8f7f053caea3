import { assign, fromPromise, sendTo, setup } from 'xstate';
import type { RendererEvent } from '../../common/bridge';
import type { DeviceKind, DeviceStatus } from '../../common/devices';
import type { Measurement } from '../../common/measurements';
import type { Language } from '../../common/language';
import { measurementFlow, type DeviceMeasuredEvent, type MeasuringPhaseEvent } from './measurement-flow';
import type { WatchdogEvent } from '../watchdog/watchdog';
import { emptyVisit, type VisitData } from './visit';
import type { SiteTile } from '../../common/sites';
import { openedSite, type SiteEvent } from './site-step';
import type { SiteToShow } from '../shells/shell';

/** The parts of the profile the visit depends on. */
export interface SessionSettings {
  offeredLanguages: Language[];
  defaultLanguage: Language;
  idleTimeoutSeconds: number;
  idleWarningSeconds: number;
  endScreenSeconds: number;
  wipeRetrySeconds: number;
  /** The sites the home screen offers (the profile's labelled allow entries). */
  siteTiles: SiteTile[];
  /** True while tests may drive the kiosk (--test-cdp-port on a demo or test profile); every screen says so. */
  testAutomation: boolean;
}

/** Events the host raises itself. They never come from a renderer: the bridge contract excludes them. */
export type DeviceEvent =
  | DeviceMeasuredEvent
  | { type: 'DEVICE.STATUS_CHANGED'; kind: DeviceKind; status: DeviceStatus };

export type SessionEvent = RendererEvent | DeviceEvent | MeasuringPhaseEvent | WatchdogEvent | SiteEvent;

export interface SessionContext extends VisitData {
  settings: SessionSettings;
  devices: Partial<Record<DeviceKind, DeviceStatus>>;
  /** Why the last wipe failed; the kiosk stays out of service until a wipe succeeds. */
  wipeFailure: string | null;
  /** The watchdog gave up on the page: after the wipe the kiosk stays out of service until restarted. */
  outOfOrder: boolean;
}

/**
 * The visit: attract → language → home (→ measure or site → home) → end → wipe → attract. While a visit runs, a second region
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
  },
  delays: {
    idleTimeout: ({ context }) => context.settings.idleTimeoutSeconds * 1000,
    endScreen: ({ context }) => context.settings.endScreenSeconds * 1000,
    wipeRetry: ({ context }) => context.settings.wipeRetrySeconds * 1000,
  },
  guards: {
    languageOffered: ({ context, event }) =>
      event.type === 'LANGUAGE.CHOOSE' && context.settings.offeredLanguages.includes(event.language),
    outOfOrder: ({ context }) => context.outOfOrder,
    countdownOver: ({ context }) => (context.idleSecondsLeft ?? 0) <= 1,
    /** Only a device this kiosk has; an offline one is tried anyway, and the step says why it failed. */
    deviceConfigured: ({ context, event }) => event.type === 'MEASURE.START' && context.devices[event.kind] !== undefined,
  },
  actions: {
    chooseLanguage: assign({
      language: ({ context, event }) => (event.type === 'LANGUAGE.CHOOSE' ? event.language : context.language),
    }),
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
    openSite: assign({ site: ({ event }) => (event.type === 'SITE.OPEN' ? openedSite(event.url) : null) }),
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
    startIdleCountdown: assign({ idleSecondsLeft: ({ context }) => context.settings.idleWarningSeconds }),
    tickIdleCountdown: assign({ idleSecondsLeft: ({ context }) => (context.idleSecondsLeft ?? 1) - 1 }),
    clearIdleCountdown: assign({ idleSecondsLeft: null }),
    forgetVisit: assign(({ context }) => emptyVisit(context.settings)),
    recordWipeFailure: assign({ wipeFailure: ({ event }) => describeError((event as { error?: unknown }).error) }),
    clearWipeFailure: assign({ wipeFailure: null }),
    markOutOfOrder: assign({ outOfOrder: true }),
  },
}).createMachine({
  id: 'session',
  context: ({ input }) => ({
    settings: input.settings,
    ...emptyVisit(input.settings),
    devices: {},
    wipeFailure: null,
    outOfOrder: false,
  }),
  on: {
    'DEVICE.STATUS_CHANGED': { actions: 'recordDeviceStatus' },
    // Anywhere else (a wipe running, out of service): remembered, and the wipe's end leads to maintenance.
    'WATCHDOG.GAVE_UP': { actions: 'markOutOfOrder' },
  },
  initial: 'attract',
  states: {
    attract: {
      tags: ['attract'],
      on: {
        'SESSION.START': 'visit',
        'WATCHDOG.GAVE_UP': { target: 'maintenance', actions: 'markOutOfOrder' },
      },
    },
    visit: {
      type: 'parallel',
      on: {
        // The person may leave at any step.
        'VISIT.FINISH': 'end',
        // The page crashed or hung mid-visit: nobody should come back to half a visit, so it is wiped.
        'WATCHDOG.RECOVERED': 'wipe',
        'WATCHDOG.GAVE_UP': { target: 'wipe', actions: 'markOutOfOrder' },
      },
      states: {
        step: {
          initial: 'language',
          states: {
            language: {
              tags: ['language'],
              on: { 'LANGUAGE.CHOOSE': { guard: 'languageOffered', target: 'home', actions: 'chooseLanguage' } },
            },
            home: {
              tags: ['home'],
              on: {
                'MEASURE.START': { guard: 'deviceConfigured', target: 'measure', actions: 'startMeasuring' },
                // The host has checked the URL against the lockdown policy before this event reaches the machine.
                'SITE.OPEN': { target: 'site', actions: 'openSite' },
              },
            },
            site: {
              tags: ['site'],
              entry: { type: 'showSite', params: ({ context }) => ({ url: context.site!.url, language: context.language }) },
              // However the step ends (back, finish, inactivity, watchdog), the kiosk page comes back.
              exit: ['leaveSite', 'forgetSite'],
              on: {
                'SITE.CLOSE': 'home',
                'SITE.UNREACHABLE': { actions: 'markSiteUnreachable' },
              },
            },
            measure: {
              tags: ['measure'],
              exit: 'stopMeasuring',
              on: { 'MEASURE.PHASE': { actions: 'recordPhase' } },
              initial: 'taking',
              states: {
                taking: {
                  // However the step ends (cancel, finish, inactivity), the device stops waiting for the person.
                  exit: { type: 'cancelDevice', params: ({ context }) => context.measuring!.kind },
                  invoke: {
                    id: 'measurement',
                    src: 'measurementFlow',
                    input: ({ context }) => ({ kind: context.measuring!.kind }),
                    onDone: { target: 'result', actions: { type: 'recordMeasurement', params: ({ event }) => event.output } },
                  },
                  on: {
                    // Readings reach the step that asked for one, and no other state: elsewhere they are dropped unread.
                    'DEVICE.MEASURED': { actions: sendTo('measurement', ({ event }) => event) },
                    'MEASURE.RETRY': { actions: sendTo('measurement', ({ event }) => event) },
                    'MEASURE.CANCEL': '#session.visit.step.home',
                  },
                },
                result: {
                  on: { 'MEASURE.DONE': '#session.visit.step.home' },
                },
              },
            },
          },
        },
        presence: {
          initial: 'active',
          states: {
            active: {
              after: { idleTimeout: 'warning' },
              on: { 'USER.ACTIVITY': { target: 'active', reenter: true } },
            },
            warning: {
              entry: 'startIdleCountdown',
              exit: 'clearIdleCountdown',
              on: { 'USER.ACTIVITY': 'active' },
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
        'END.DISMISS': 'wipe',
        'WATCHDOG.RECOVERED': 'wipe',
        'WATCHDOG.GAVE_UP': { target: 'wipe', actions: 'markOutOfOrder' },
      },
    },
    wipe: {
      tags: ['wipe'],
      // Reset first, then prove: the proof must see what the next visit would start from.
      entry: 'forgetVisit',
      invoke: {
        src: 'wipeSession',
        onDone: [
          { guard: 'outOfOrder', target: 'maintenance', actions: 'clearWipeFailure' },
          { target: 'attract', actions: 'clearWipeFailure' },
        ],
        onError: { target: 'outOfService', actions: 'recordWipeFailure' },
      },
    },
    outOfService: {
      tags: ['out-of-service'],
      after: { wipeRetry: 'wipe' },
    },
    maintenance: {
      // The watchdog gave up on the page (it kept crashing or hanging): wiped, and no visit starts until
      // a technician restarts the kiosk; the error line in the log says why.
      tags: ['out-of-service'],
    },
  },
});

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
