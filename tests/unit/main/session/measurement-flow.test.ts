import { describe, expect, it } from 'vitest';
import { createActor, sendTo, setup, SimulatedClock, type AnyActorRef } from 'xstate';
import { measurementFlowThrough } from '../../../../main/session/device-commands';
import type { MeasuringPhaseEvent } from '../../../../main/session/measurement-flow';
import { fakeDevices } from './simulated-kiosk';
import type { DeviceCommand, DeviceKind } from '../../../../common/devices';
import { fail } from '../../../../common/result';

const reading = { kind: 'thermometer' as const, celsius: 37.2, site: null, takenAt: null };
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

const offline = { type: 'DEVICE.STATUS_CHANGED', kind: 'thermometer', status: { state: 'offline', reason: 'serial port /dev/ttyUSB0 closed' } } as const;

/**
 * Runs one flow for the thermometer, waiting 60 s for a reading, on a simulated clock, under a parent
 * that records the phases it reports and its output.
 */
function runFlow(devices = fakeDevices()) {
  const phases: string[] = [];
  const failures: Array<string | null> = [];
  let output: unknown;
  const clock = new SimulatedClock();
  const parent = setup({ actors: { flow: measurementFlowThrough(devices) } }).createMachine({
    invoke: {
      id: 'flow', src: 'flow', input: { kind: 'thermometer', readingTimeoutSeconds: 60 },
      onDone: { actions: ({ event }) => (output = event.output) },
    },
    on: {
      'MEASURE.PHASE': {
        actions: ({ event }) => {
          phases.push((event as MeasuringPhaseEvent).phase);
          failures.push((event as MeasuringPhaseEvent).failure);
        },
      },
      '*': { actions: sendTo('flow', ({ event }) => event) },
    },
  });
  const actor = createActor(parent, { clock }).start();
  const flow = () => actor.getSnapshot().children.flow as AnyActorRef | undefined;
  const seconds = (n: number) => clock.increment(n * 1000);
  return { actor, phases, failures, flow, output: () => output, devices, seconds };
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

  it('says no reading came when none does within the timeout, and tells the device to cancel', async () => {
    const run = runFlow();
    await settle();
    run.seconds(60);
    await settle();
    expect(run.phases).toEqual(['arming', 'waiting', 'no-reading']);
    // For the agent and the logs: which device, and how long it waited.
    expect(run.failures.at(-1)).toBe('the thermometer sent no reading within 60 s');
    expect(run.devices.commands).toEqual([['thermometer', 'arm'], ['thermometer', 'cancel']]);
    run.actor.send({ type: 'DEVICE.MEASURED', measurement: reading });
    expect(run.output()).toBeUndefined();
  });

  it('takes a reading that comes just before the timeout', async () => {
    const run = runFlow();
    await settle();
    run.seconds(59);
    run.actor.send({ type: 'DEVICE.MEASURED', measurement: reading });
    expect(run.output()).toEqual(reading);
    run.seconds(5);
    await settle();
    expect(run.phases).toEqual(['arming', 'waiting']);
    expect(run.devices.commands).toEqual([['thermometer', 'arm']]);
  });

  it('after a timeout, arms again when the person retries, waits afresh, and then takes a reading', async () => {
    const run = runFlow();
    await settle();
    run.seconds(60);
    await settle();
    run.actor.send({ type: 'MEASURE.RETRY' });
    await settle();
    expect(run.phases).toEqual(['arming', 'waiting', 'no-reading', 'arming', 'waiting']);
    expect(run.devices.commands).toEqual([['thermometer', 'arm'], ['thermometer', 'cancel'], ['thermometer', 'arm']]);
    // The new wait has its own full timeout.
    run.seconds(59);
    expect(run.flow()?.getSnapshot().value).toBe('waiting');
    run.actor.send({ type: 'DEVICE.MEASURED', measurement: reading });
    expect(run.output()).toEqual(reading);
  });

  it('fails at once when its device goes offline while waiting, with the reason for the agent', async () => {
    const run = runFlow();
    await settle();
    run.actor.send(offline);
    expect(run.phases).toEqual(['arming', 'waiting', 'failed']);
    expect(run.failures.at(-1)).toBe('the thermometer went offline: serial port /dev/ttyUSB0 closed');
    run.actor.send({ type: 'DEVICE.MEASURED', measurement: reading });
    expect(run.output()).toBeUndefined();
    // Failed, it no longer counts the time: no "no reading" comes on top.
    run.seconds(120);
    await settle();
    expect(run.phases).toEqual(['arming', 'waiting', 'failed']);
    run.actor.send({ type: 'MEASURE.RETRY' });
    await settle();
    expect(run.phases).toEqual(['arming', 'waiting', 'failed', 'arming', 'waiting']);
  });

  it('fails when its device goes offline while it is being armed', () => {
    const run = runFlow();
    run.actor.send(offline);
    expect(run.phases).toEqual(['arming', 'failed']);
    expect(run.flow()?.getSnapshot().value).toBe('failed');
  });

  it('keeps waiting when another device goes offline, or its own only reconnects', async () => {
    const run = runFlow();
    await settle();
    run.actor.send({ ...offline, kind: 'scale' });
    run.actor.send({ type: 'DEVICE.STATUS_CHANGED', kind: 'thermometer', status: { state: 'connecting' } });
    expect(run.phases).toEqual(['arming', 'waiting']);
    run.actor.send({ type: 'DEVICE.MEASURED', measurement: reading });
    expect(run.output()).toEqual(reading);
  });

  it('goes on as usual when the device refuses the cancel after a timeout', async () => {
    const devices = fakeDevices();
    const refusingCancel = {
      ...devices,
      command: async (kind: DeviceKind, command: DeviceCommand) => (command === 'cancel' ? fail('the thermometer is not ready: unplugged') : devices.command(kind, command)),
    };
    const run = runFlow(refusingCancel);
    await settle();
    run.seconds(60);
    await settle();
    expect(run.phases).toEqual(['arming', 'waiting', 'no-reading']);
    run.actor.send({ type: 'MEASURE.RETRY' });
    await settle();
    run.actor.send({ type: 'DEVICE.MEASURED', measurement: reading });
    expect(run.output()).toEqual(reading);
  });
});
