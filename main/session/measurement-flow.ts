import { assign, fromPromise, sendParent, setup } from 'xstate';
import type { DeviceCommand, DeviceKind, DeviceStatus } from '../../common/devices';
import type { Measurement } from '../../common/measurements';
import type { MeasuringPhase } from '../../common/snapshot';
import { errorMessage } from '../../common/error-message';

/** A measurement from a device, raised by the host; never from a renderer (the bridge contract excludes it). */
export type DeviceMeasuredEvent = { type: 'DEVICE.MEASURED'; measurement: Measurement };
/** A device's new status, raised by the host; never from a renderer. */
export type DeviceStatusChangedEvent = { type: 'DEVICE.STATUS_CHANGED'; kind: DeviceKind; status: DeviceStatus };
/** The flow tells the session where it is, so that the views can say it. */
export type MeasuringPhaseEvent = { type: 'MEASURE.PHASE'; phase: MeasuringPhase; failure: string | null };

export interface DeviceCommandInput {
  kind: DeviceKind;
  command: DeviceCommand;
}

export interface MeasurementFlowInput {
  kind: DeviceKind;
  /** How long an armed device may stay without a reading (the profile's `devices.<kind>.readingTimeoutSeconds`). */
  readingTimeoutSeconds: number;
}

interface FlowContext extends MeasurementFlowInput {
  measurement: Measurement | null;
}

/** A device that went away fails the step; the reason is for the agent, the citizen's screen says the device's offline words. */
const offlineFailure = ({ context, event }: { context: FlowContext; event: DeviceStatusChangedEvent }) => ({
  phase: 'failed' as const,
  failure: `the ${context.kind} went offline: ${event.status.state === 'offline' ? event.status.reason : event.status.state}`,
});

/**
 * One measurement step, spawned by the session when the person asks for it: arm the device, wait for
 * a reading of this kind, hand it back as the output. Readings of another kind, or while arming, are
 * not taken: a reading counts only when a step asked for it. The flow fails, and waits for the person
 * to try again or leave, when the arm fails or the device goes offline (`failed`), or when no reading
 * comes within the kind's timeout (`no-reading`: the device is told to cancel). The session cancels
 * the device when the step ends early.
 */
export const measurementFlow = setup({
  types: {
    input: {} as MeasurementFlowInput,
    context: {} as FlowContext,
    events: {} as DeviceMeasuredEvent | DeviceStatusChangedEvent | { type: 'MEASURE.RETRY' },
    output: {} as Measurement,
  },
  actors: {
    /** Sends a command to the device; rejects with a reason a person can act on. Provided by the host. */
    deviceCommand: fromPromise<void, DeviceCommandInput>(async () => {
      throw new Error('deviceCommand is not provided');
    }),
  },
  delays: {
    readingTimeout: ({ context }) => context.readingTimeoutSeconds * 1000,
  },
  guards: {
    ofThisKind: ({ context, event }) => event.type === 'DEVICE.MEASURED' && event.measurement.kind === context.kind,
    wentOffline: ({ context, event }) =>
      event.type === 'DEVICE.STATUS_CHANGED' && event.kind === context.kind && event.status.state === 'offline',
  },
  actions: {
    report: sendParent((_, params: { phase: MeasuringPhase; failure?: string }): MeasuringPhaseEvent =>
      ({ type: 'MEASURE.PHASE', phase: params.phase, failure: params.failure ?? null })),
  },
}).createMachine({
  id: 'measurementFlow',
  context: ({ input }) => ({ ...input, measurement: null }),
  initial: 'arming',
  states: {
    arming: {
      entry: { type: 'report', params: { phase: 'arming' } },
      invoke: {
        src: 'deviceCommand',
        input: ({ context }) => ({ kind: context.kind, command: 'arm' }),
        onDone: 'waiting',
        onError: {
          target: 'failed',
          actions: { type: 'report', params: ({ event }) => ({ phase: 'failed', failure: errorMessage(event.error) }) },
        },
      },
      on: { 'DEVICE.STATUS_CHANGED': { guard: 'wentOffline', target: 'failed', actions: { type: 'report', params: offlineFailure } } },
    },
    waiting: {
      entry: { type: 'report', params: { phase: 'waiting' } },
      // Counted from the arm: a person who never uses the device, or a device that stops answering, is told so.
      after: { readingTimeout: 'noReading' },
      on: {
        'DEVICE.MEASURED': {
          guard: 'ofThisKind',
          target: 'measured',
          actions: assign({ measurement: ({ event }) => event.measurement }),
        },
        'DEVICE.STATUS_CHANGED': { guard: 'wentOffline', target: 'failed', actions: { type: 'report', params: offlineFailure } },
      },
    },
    failed: {
      on: { 'MEASURE.RETRY': 'arming' },
    },
    noReading: {
      entry: {
        type: 'report',
        params: ({ context }) => ({ phase: 'no-reading', failure: `the ${context.kind} sent no reading within ${context.readingTimeoutSeconds} s` }),
      },
      // The device stops waiting for the person. A cancel that fails changes nothing for them, so it is
      // handled (by nothing): unhandled, a child's error would end the flow.
      invoke: { src: 'deviceCommand', input: ({ context }) => ({ kind: context.kind, command: 'cancel' }), onError: {} },
      on: { 'MEASURE.RETRY': 'arming' },
    },
    measured: { type: 'final' },
  },
  output: ({ context }) => context.measurement!,
});
