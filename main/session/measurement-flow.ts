import { assign, fromPromise, sendParent, setup } from 'xstate';
import type { DeviceCommand, DeviceKind } from '../../common/devices';
import type { Measurement } from '../../common/measurements';
import type { MeasuringPhase } from '../../common/snapshot';
import { errorMessage } from '../../common/error-message';

/** A measurement from a device, raised by the host; never from a renderer (the bridge contract excludes it). */
export type DeviceMeasuredEvent = { type: 'DEVICE.MEASURED'; measurement: Measurement };
/** The flow tells the session where it is, so that the views can say it. */
export type MeasuringPhaseEvent = { type: 'MEASURE.PHASE'; phase: MeasuringPhase; failure: string | null };

export interface DeviceCommandInput {
  kind: DeviceKind;
  command: DeviceCommand;
}

interface FlowContext {
  kind: DeviceKind;
  measurement: Measurement | null;
}

/**
 * One measurement step, spawned by the session when the person asks for it: arm the device, wait for
 * a reading of this kind, hand it back as the output. Readings of another kind, or while arming, are
 * not taken: a reading counts only when a step asked for it. An arm that fails (device offline) waits
 * for the person to try again or leave; the session cancels the device when the step ends early.
 */
export const measurementFlow = setup({
  types: {
    input: {} as { kind: DeviceKind },
    context: {} as FlowContext,
    events: {} as DeviceMeasuredEvent | { type: 'MEASURE.RETRY' },
    output: {} as Measurement,
  },
  actors: {
    /** Sends a command to the device; rejects with a reason a person can act on. Provided by the host. */
    deviceCommand: fromPromise<void, DeviceCommandInput>(async () => {
      throw new Error('deviceCommand is not provided');
    }),
  },
  guards: {
    ofThisKind: ({ context, event }) => event.type === 'DEVICE.MEASURED' && event.measurement.kind === context.kind,
  },
  actions: {
    report: sendParent((_, params: { phase: MeasuringPhase; failure?: string }): MeasuringPhaseEvent =>
      ({ type: 'MEASURE.PHASE', phase: params.phase, failure: params.failure ?? null })),
  },
}).createMachine({
  id: 'measurementFlow',
  context: ({ input }) => ({ kind: input.kind, measurement: null }),
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
    },
    waiting: {
      entry: { type: 'report', params: { phase: 'waiting' } },
      on: {
        'DEVICE.MEASURED': {
          guard: 'ofThisKind',
          target: 'measured',
          actions: assign({ measurement: ({ event }) => event.measurement }),
        },
      },
    },
    failed: {
      on: { 'MEASURE.RETRY': 'arming' },
    },
    measured: { type: 'final' },
  },
  output: ({ context }) => context.measurement!,
});
