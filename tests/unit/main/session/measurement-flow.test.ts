import { describe, expect, it } from 'vitest';
import { createActor, sendTo, setup, type AnyActorRef } from 'xstate';
import { measurementFlowThrough } from '../../../../main/session/device-commands';
import type { MeasuringPhaseEvent } from '../../../../main/session/measurement-flow';
import { fakeDevices } from './simulated-kiosk';

const reading = { kind: 'thermometer' as const, celsius: 37.2, site: null, takenAt: null };
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Runs one flow for the thermometer under a parent that records the phases it reports and its output. */
function runFlow(devices = fakeDevices()) {
  const phases: string[] = [];
  let output: unknown;
  const parent = setup({ actors: { flow: measurementFlowThrough(devices) } }).createMachine({
    invoke: { id: 'flow', src: 'flow', input: { kind: 'thermometer' }, onDone: { actions: ({ event }) => (output = event.output) } },
    on: {
      'MEASURE.PHASE': { actions: ({ event }) => void phases.push((event as MeasuringPhaseEvent).phase) },
      '*': { actions: sendTo('flow', ({ event }) => event) },
    },
  });
  const actor = createActor(parent).start();
  const flow = () => actor.getSnapshot().children.flow as AnyActorRef | undefined;
  return { actor, phases, flow, output: () => output, devices };
}

describe('the measurement flow', () => {
  it('arms the device, then hands back the first reading of its kind as its output', async () => {
    const run = runFlow();
    expect(run.phases).toEqual(['arming']);
    await settle();
    expect(run.phases).toEqual(['arming', 'waiting']);
    run.actor.send({ type: 'DEVICE.MEASURED', measurement: { kind: 'pulseOximeter', spo2Percent: 98, pulsePerMinute: 60 } });
    expect(run.output()).toBeUndefined();
    run.actor.send({ type: 'DEVICE.MEASURED', measurement: reading });
    expect(run.output()).toEqual(reading);
    expect(run.devices.commands).toEqual([['thermometer', 'arm']]);
  });

  it('takes no reading before the device is armed', () => {
    const run = runFlow();
    run.actor.send({ type: 'DEVICE.MEASURED', measurement: reading });
    expect(run.output()).toBeUndefined();
    expect(run.flow()?.getSnapshot().value).toBe('arming');
  });

  it('reports a failed arm, waits, and arms again when the person retries', async () => {
    const run = runFlow(fakeDevices('the thermometer is not ready: unplugged'));
    await settle();
    expect(run.phases).toEqual(['arming', 'failed']);
    run.actor.send({ type: 'MEASURE.RETRY' });
    await settle();
    expect(run.phases).toEqual(['arming', 'failed', 'arming', 'failed']);
    expect(run.devices.commands).toEqual([['thermometer', 'arm'], ['thermometer', 'arm']]);
  });
});
