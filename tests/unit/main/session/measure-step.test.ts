import { describe, expect, it } from 'vitest';
import { fromPromise } from 'xstate';
import { DEFAULT_READING_TIMEOUT_SECONDS } from '../../../../common/device-config';
import { sessionMachine } from '../../../../main/session/machine';
import { fakeDevices, startSimulatedKiosk } from './simulated-kiosk';

/*
 * The session's measurement step when no reading comes, or the device goes away: the step says so and
 * waits for the person to try again or skip; the inactivity timeout (300 s here) is not what ends it.
 */

const reading = { kind: 'thermometer' as const, celsius: 37.6, site: 'finger' as const, takenAt: null };

/** On the measure screen of a visit, the thermometer armed; it waits 30 s for a reading, as its profile says. */
async function measuringTemperature() {
  const machine = sessionMachine.provide({ actors: { wipeSession: fromPromise<void>(async () => {}) } });
  const kiosk = startSimulatedKiosk(machine, {
    idleTimeoutSeconds: 300,
    readingTimeoutSeconds: { ...DEFAULT_READING_TIMEOUT_SECONDS, thermometer: 30 },
  }, fakeDevices());
  kiosk.actor.send({ type: 'DEVICE.STATUS_CHANGED', kind: 'thermometer', status: { state: 'ready' } });
  kiosk.actor.send({ type: 'SESSION.START' });
  kiosk.actor.send({ type: 'LANGUAGE.CHOOSE', language: 'fr' });
  kiosk.actor.send({ type: 'CONSENT.ACCEPT' });
  kiosk.actor.send({ type: 'MEASURE.START', kind: 'thermometer' });
  await kiosk.settle();
  return kiosk;
}

describe('a measurement step without a reading', () => {
  it('says no reading came after the device\'s own timeout, tells the device to cancel, and lets the person skip', async () => {
    const kiosk = await measuringTemperature();
    kiosk.seconds(29);
    expect(kiosk.view().measuring).toMatchObject({ phase: 'waiting' });
    kiosk.seconds(1);
    await kiosk.settle();
    expect(kiosk.view()).toMatchObject({
      screen: 'measure',
      measuring: { kind: 'thermometer', phase: 'no-reading', failure: 'the thermometer sent no reading within 30 s' },
      idleWarning: null,
    });
    expect(kiosk.devices.commands).toEqual([['thermometer', 'arm'], ['thermometer', 'cancel']]);
    kiosk.actor.send({ type: 'DEVICE.MEASURED', measurement: reading }); // no step waits for it any more
    expect(kiosk.view().measurements).toEqual({});
    kiosk.actor.send({ type: 'MEASURE.CANCEL' });
    expect(kiosk.view()).toMatchObject({ screen: 'home', measuring: null, measurements: {} });
  });

  it('arms the device again when the person retries after the timeout, and then takes the reading', async () => {
    const kiosk = await measuringTemperature();
    kiosk.seconds(30);
    await kiosk.settle();
    kiosk.actor.send({ type: 'MEASURE.RETRY' });
    await kiosk.settle();
    expect(kiosk.view().measuring).toMatchObject({ phase: 'waiting', failure: null });
    expect(kiosk.devices.commands).toEqual([['thermometer', 'arm'], ['thermometer', 'cancel'], ['thermometer', 'arm']]);
    kiosk.seconds(20);
    kiosk.actor.send({ type: 'DEVICE.MEASURED', measurement: reading });
    expect(kiosk.view()).toMatchObject({ measuring: { phase: 'measured' }, measurements: { thermometer: reading } });
  });

  it('takes a reading that comes just before the timeout, and no timeout follows', async () => {
    const kiosk = await measuringTemperature();
    kiosk.seconds(29);
    kiosk.actor.send({ type: 'DEVICE.MEASURED', measurement: reading });
    kiosk.seconds(10);
    await kiosk.settle();
    expect(kiosk.view()).toMatchObject({ measuring: { phase: 'measured', failure: null }, measurements: { thermometer: reading } });
  });

  it('waits for each kind as long as its profile says: a blood-pressure monitor three minutes by default', async () => {
    const kiosk = await measuringTemperature();
    kiosk.actor.send({ type: 'MEASURE.CANCEL' });
    kiosk.actor.send({ type: 'DEVICE.STATUS_CHANGED', kind: 'bloodPressureMonitor', status: { state: 'ready' } });
    kiosk.actor.send({ type: 'MEASURE.START', kind: 'bloodPressureMonitor' });
    await kiosk.settle();
    kiosk.seconds(179);
    expect(kiosk.view().measuring).toMatchObject({ kind: 'bloodPressureMonitor', phase: 'waiting' });
    kiosk.seconds(1);
    await kiosk.settle();
    expect(kiosk.view().measuring).toMatchObject({ phase: 'no-reading', failure: 'the bloodPressureMonitor sent no reading within 180 s' });
  });
});

describe('a measurement step whose device goes offline', () => {
  const offline = { type: 'DEVICE.STATUS_CHANGED', kind: 'thermometer', status: { state: 'offline', reason: 'serial port /dev/ttyUSB0 closed' } } as const;

  it('fails at once, the kiosk knowing the device offline, and arms again on retry once it is back', async () => {
    const kiosk = await measuringTemperature();
    kiosk.actor.send(offline);
    expect(kiosk.view()).toMatchObject({
      screen: 'measure',
      devices: { thermometer: { state: 'offline' } },
      measuring: { phase: 'failed', failure: 'the thermometer went offline: serial port /dev/ttyUSB0 closed' },
    });
    // Failed, the step counts no time: nothing else comes while the person reads the screen.
    kiosk.seconds(60);
    await kiosk.settle();
    expect(kiosk.view().measuring).toMatchObject({ phase: 'failed' });
    kiosk.actor.send({ type: 'DEVICE.STATUS_CHANGED', kind: 'thermometer', status: { state: 'ready' } });
    expect(kiosk.view().devices.thermometer).toEqual({ state: 'ready' });
    kiosk.actor.send({ type: 'MEASURE.RETRY' });
    await kiosk.settle();
    expect(kiosk.view().measuring).toMatchObject({ phase: 'waiting' });
    kiosk.actor.send({ type: 'DEVICE.MEASURED', measurement: reading });
    expect(kiosk.view().measurements).toEqual({ thermometer: reading });
  });

  it('goes on waiting when another device goes offline, which the kiosk records', async () => {
    const kiosk = await measuringTemperature();
    kiosk.actor.send({ ...offline, kind: 'scale' });
    expect(kiosk.view()).toMatchObject({ devices: { scale: { state: 'offline' } }, measuring: { phase: 'waiting' } });
  });
});

describe('inactivity during a measurement step', () => {
  it('holds while the device measures, longer than the step\'s inactivity timeout, and counts again once no reading came', async () => {
    const machine = sessionMachine.provide({ actors: { wipeSession: fromPromise<void>(async () => {}) } });
    const kiosk = startSimulatedKiosk(machine, { idleTimeoutSeconds: 60, readingTimeoutSeconds: DEFAULT_READING_TIMEOUT_SECONDS }, fakeDevices());
    kiosk.actor.send({ type: 'DEVICE.STATUS_CHANGED', kind: 'bloodPressureMonitor', status: { state: 'ready' } });
    kiosk.actor.send({ type: 'SESSION.START' });
    kiosk.actor.send({ type: 'LANGUAGE.CHOOSE', language: 'fr' });
    kiosk.actor.send({ type: 'CONSENT.ACCEPT' });
    kiosk.actor.send({ type: 'MEASURE.START', kind: 'bloodPressureMonitor' });
    await kiosk.settle();
    // The cuff squeezes for a minute or more: three times the step's inactivity timeout, and no question.
    kiosk.seconds(179);
    expect(kiosk.view()).toMatchObject({ screen: 'measure', measuring: { phase: 'waiting' }, idleWarning: null });
    kiosk.seconds(1);
    await kiosk.settle();
    expect(kiosk.view().measuring).toMatchObject({ phase: 'no-reading' });
    kiosk.seconds(59);
    expect(kiosk.view().idleWarning).toBeNull();
    kiosk.seconds(1);
    expect(kiosk.view().idleWarning).toEqual({ secondsLeft: 10 });
  });
});
