import { describe, expect, it } from 'vitest';
import { createActor, fromPromise } from 'xstate';
import { sessionMachine, type SessionSettings } from '../../../../main/session/machine';
import { toSessionSnapshot } from '../../../../main/session/snapshot';
import { fakeDevices, measure, settings, startSimulatedKiosk } from './simulated-kiosk';

const reading = { kind: 'thermometer' as const, celsius: 37.6, site: 'finger' as const, takenAt: null };

/** Starts a visit machine on a simulated clock; `wipe` decides how each wipe ends (wipe.test.ts runs the real one). */
function startKiosk(wipe: () => Promise<void> = async () => {}, overrides: Partial<SessionSettings> = {}, devices = fakeDevices()) {
  let wipes = 0;
  const machine = sessionMachine.provide({
    actors: { wipeSession: fromPromise<void>(async () => { wipes++; await wipe(); }) },
  });
  return { ...startSimulatedKiosk(machine, overrides, devices), wipes: () => wipes };
}

describe('a visit', () => {
  it('goes attract → language → consent → home → end → wipe → attract', async () => {
    const kiosk = startKiosk();
    expect(kiosk.view().screen).toBe('attract');
    kiosk.actor.send({ type: 'SESSION.START' });
    expect(kiosk.view().screen).toBe('language');
    kiosk.actor.send({ type: 'LANGUAGE.CHOOSE', language: 'en' });
    expect(kiosk.view()).toMatchObject({ screen: 'consent', language: 'en' });
    kiosk.actor.send({ type: 'CONSENT.ACCEPT' });
    expect(kiosk.view()).toMatchObject({ screen: 'home', language: 'en' });
    kiosk.actor.send({ type: 'VISIT.FINISH' });
    expect(kiosk.view().screen).toBe('end');
    kiosk.actor.send({ type: 'END.DISMISS' });
    expect(kiosk.view().screen).toBe('wipe');
    await kiosk.settle();
    expect(kiosk.view()).toMatchObject({ screen: 'attract', language: 'fr' });
  });

  it('ignores a language the profile does not offer', () => {
    const narrow = sessionMachine.provide({});
    const actor = createActor(narrow, { input: { settings: { ...settings, offeredLanguages: ['fr'] } } }).start();
    actor.send({ type: 'SESSION.START' });
    actor.send({ type: 'LANGUAGE.CHOOSE', language: 'en' });
    actor.send({ type: 'CONSENT.ACCEPT' });
    expect(toSessionSnapshot(actor.getSnapshot()).screen).toBe('language');
  });

  it('leaves the end screen on its own after endScreenSeconds', async () => {
    const kiosk = startKiosk();
    kiosk.actor.send({ type: 'SESSION.START' });
    kiosk.actor.send({ type: 'LANGUAGE.CHOOSE', language: 'fr' });
    kiosk.actor.send({ type: 'CONSENT.ACCEPT' });
    kiosk.actor.send({ type: 'VISIT.FINISH' });
    kiosk.seconds(4);
    expect(kiosk.view().screen).toBe('end');
    kiosk.seconds(1);
    await kiosk.settle();
    expect(kiosk.view().screen).toBe('attract');
  });
});

describe('inactivity', () => {
  it('shows a countdown after idleTimeoutSeconds, then ends the visit', async () => {
    const kiosk = startKiosk();
    kiosk.actor.send({ type: 'SESSION.START' });
    kiosk.actor.send({ type: 'LANGUAGE.CHOOSE', language: 'fr' });
    kiosk.actor.send({ type: 'CONSENT.ACCEPT' });
    kiosk.seconds(59);
    expect(kiosk.view().idleWarning).toBeNull();
    kiosk.seconds(1);
    expect(kiosk.view().idleWarning).toEqual({ secondsLeft: 10 });
    kiosk.seconds(3);
    expect(kiosk.view().idleWarning).toEqual({ secondsLeft: 7 });
    kiosk.seconds(6);
    expect(kiosk.view()).toMatchObject({ screen: 'home', idleWarning: { secondsLeft: 1 } });
    kiosk.seconds(1);
    expect(kiosk.view()).toMatchObject({ screen: 'end', idleWarning: null });
  });

  it('restarts the idle timer on every activity', () => {
    const kiosk = startKiosk();
    kiosk.actor.send({ type: 'SESSION.START' });
    kiosk.seconds(50);
    kiosk.actor.send({ type: 'USER.ACTIVITY' });
    kiosk.seconds(50);
    expect(kiosk.view()).toMatchObject({ screen: 'language', idleWarning: null });
    kiosk.seconds(10);
    expect(kiosk.view().idleWarning).toEqual({ secondsLeft: 10 });
  });

  it('cancels the countdown when the person answers it', () => {
    const kiosk = startKiosk();
    kiosk.actor.send({ type: 'SESSION.START' });
    kiosk.seconds(65);
    expect(kiosk.view().idleWarning).toEqual({ secondsLeft: 5 });
    kiosk.actor.send({ type: 'USER.ACTIVITY' });
    expect(kiosk.view()).toMatchObject({ screen: 'language', idleWarning: null });
    kiosk.seconds(59);
    expect(kiosk.view().idleWarning).toBeNull();
  });

  it('does not count down on the attract screen', () => {
    const kiosk = startKiosk();
    kiosk.seconds(3600);
    expect(kiosk.view()).toMatchObject({ screen: 'attract', idleWarning: null });
  });
});

describe('measurements and devices', () => {
  const oximetry = { kind: 'pulseOximeter' as const, spo2Percent: 97, pulsePerMinute: 72 };

  /** At home in a visit, the thermometer ready; on the measure screen, armed, when `start`. */
  async function atHome({ start = false, devices = fakeDevices() } = {}) {
    const kiosk = startKiosk(async () => {}, {}, devices);
    kiosk.actor.send({ type: 'DEVICE.STATUS_CHANGED', kind: 'thermometer', status: { state: 'ready' } });
    kiosk.actor.send({ type: 'SESSION.START' });
    kiosk.actor.send({ type: 'LANGUAGE.CHOOSE', language: 'fr' });
    kiosk.actor.send({ type: 'CONSENT.ACCEPT' });
    if (start) {
      kiosk.actor.send({ type: 'MEASURE.START', kind: 'thermometer' });
      await kiosk.settle();
    }
    return kiosk;
  }

  it('takes a reading only in a measurement step that asked for it, of its own kind', async () => {
    const kiosk = await atHome();
    kiosk.actor.send({ type: 'DEVICE.MEASURED', measurement: reading }); // nobody asked
    expect(kiosk.view().measurements).toEqual({});

    kiosk.actor.send({ type: 'MEASURE.START', kind: 'thermometer' });
    expect(kiosk.view()).toMatchObject({ screen: 'measure', measuring: { kind: 'thermometer', phase: 'arming' } });
    kiosk.actor.send({ type: 'DEVICE.MEASURED', measurement: reading }); // before the device is armed
    await kiosk.settle();
    expect(kiosk.view()).toMatchObject({ measuring: { phase: 'waiting' }, measurements: {} });
    kiosk.actor.send({ type: 'DEVICE.MEASURED', measurement: oximetry }); // another kind
    expect(kiosk.view().measurements).toEqual({});

    kiosk.actor.send({ type: 'DEVICE.MEASURED', measurement: reading });
    expect(kiosk.view()).toMatchObject({ screen: 'measure', measuring: { phase: 'measured' }, measurements: { thermometer: reading } });
    kiosk.actor.send({ type: 'DEVICE.MEASURED', measurement: { ...reading, celsius: 39 } }); // the step has its reading
    kiosk.actor.send({ type: 'MEASURE.DONE' });
    expect(kiosk.view()).toMatchObject({ screen: 'home', measuring: null, measurements: { thermometer: reading } });
    expect(kiosk.devices.commands).toEqual([['thermometer', 'arm'], ['thermometer', 'cancel']]);
  });

  it('measures again after a reading: the device is armed afresh and the new reading replaces the old', async () => {
    const kiosk = await atHome({ start: true });
    kiosk.actor.send({ type: 'DEVICE.MEASURED', measurement: reading });
    expect(kiosk.view().measuring).toMatchObject({ phase: 'measured' });

    kiosk.actor.send({ type: 'MEASURE.RETRY' });
    await kiosk.settle();
    // Until the new reading comes, the step waits and the visit keeps the one it had.
    expect(kiosk.view()).toMatchObject({ screen: 'measure', measuring: { kind: 'thermometer', phase: 'waiting' }, measurements: { thermometer: reading } });
    const again = { ...reading, celsius: 37.1 };
    kiosk.actor.send({ type: 'DEVICE.MEASURED', measurement: again });
    expect(kiosk.view()).toMatchObject({ measuring: { phase: 'measured' }, measurements: { thermometer: again } });
    kiosk.actor.send({ type: 'MEASURE.DONE' });
    expect(kiosk.view()).toMatchObject({ screen: 'home', measurements: { thermometer: again } });
    expect(kiosk.devices.commands).toEqual([
      ['thermometer', 'arm'], ['thermometer', 'cancel'], ['thermometer', 'arm'], ['thermometer', 'cancel'],
    ]);
  });

  it('forgets the visit\'s measurements with the wipe', async () => {
    const kiosk = await atHome();
    await measure(kiosk, reading);
    kiosk.actor.send({ type: 'VISIT.FINISH' });
    kiosk.actor.send({ type: 'END.DISMISS' });
    await kiosk.settle();
    expect(kiosk.view()).toMatchObject({ screen: 'attract', measurements: {}, measuring: null });
  });

  it('says why a device could not be armed, and lets the person try again', async () => {
    const devices = fakeDevices('the thermometer is not ready: unplugged');
    const kiosk = await atHome({ start: true, devices });
    expect(kiosk.view().measuring).toEqual({ kind: 'thermometer', phase: 'failed', failure: 'the thermometer is not ready: unplugged' });
    kiosk.actor.send({ type: 'DEVICE.MEASURED', measurement: reading }); // not armed: not taken
    expect(kiosk.view().measurements).toEqual({});
    kiosk.actor.send({ type: 'MEASURE.RETRY' });
    await kiosk.settle();
    expect(devices.commands.filter(([, command]) => command === 'arm')).toHaveLength(2);
  });

  it('tells the device when the step ends without a reading: cancelled, or the visit left', async () => {
    const cancelled = await atHome({ start: true });
    cancelled.actor.send({ type: 'MEASURE.CANCEL' });
    expect(cancelled.view()).toMatchObject({ screen: 'home', measuring: null });
    expect(cancelled.devices.commands.at(-1)).toEqual(['thermometer', 'cancel']);

    const left = await atHome({ start: true });
    left.actor.send({ type: 'VISIT.FINISH' });
    expect(left.view().screen).toBe('end');
    expect(left.devices.commands.at(-1)).toEqual(['thermometer', 'cancel']);
  });

  it('offers no step for a device the kiosk does not have', async () => {
    const kiosk = await atHome();
    kiosk.actor.send({ type: 'MEASURE.START', kind: 'pulseOximeter' });
    expect(kiosk.view()).toMatchObject({ screen: 'home', measuring: null });
  });

  it('tracks device status in and out of visits', () => {
    const kiosk = startKiosk();
    kiosk.actor.send({ type: 'DEVICE.STATUS_CHANGED', kind: 'thermometer', status: { state: 'ready' } });
    expect(kiosk.view().devices).toEqual({ thermometer: { state: 'ready' } });
  });
});

describe('a failed wipe', () => {
  it('blocks the next visit until a wipe succeeds', async () => {
    let failures = 1;
    const kiosk = startKiosk(async () => {
      if (failures-- > 0) throw new Error('cookies survived');
    });
    kiosk.actor.send({ type: 'SESSION.START' });
    kiosk.actor.send({ type: 'VISIT.FINISH' });
    kiosk.actor.send({ type: 'END.DISMISS' });
    await kiosk.settle();
    expect(kiosk.view().screen).toBe('out-of-service');
    expect(kiosk.actor.getSnapshot().context.wipeFailure).toBe('cookies survived');
    kiosk.actor.send({ type: 'SESSION.START' });
    expect(kiosk.view().screen).toBe('out-of-service');
    kiosk.seconds(30);
    await kiosk.settle();
    expect(kiosk.view().screen).toBe('attract');
    expect(kiosk.wipes()).toBe(2);
  });
});

describe('test automation', () => {
  it('is off in the snapshot unless the host turned it on', () => {
    expect(startKiosk().view().testAutomation).toBe(false);
  });

  it('stays on in every screen the kiosk shows, out of service included', async () => {
    const kiosk = startKiosk(async () => { throw new Error('cookies survived'); }, { testAutomation: true });
    const seen = [kiosk.view()];
    kiosk.actor.send({ type: 'SESSION.START' });
    seen.push(kiosk.view());
    kiosk.actor.send({ type: 'LANGUAGE.CHOOSE', language: 'en' });
    seen.push(kiosk.view());
    kiosk.actor.send({ type: 'CONSENT.ACCEPT' });
    seen.push(kiosk.view());
    kiosk.actor.send({ type: 'VISIT.FINISH' });
    seen.push(kiosk.view());
    kiosk.actor.send({ type: 'END.DISMISS' });
    seen.push(kiosk.view());
    await kiosk.settle();
    seen.push(kiosk.view());
    expect(seen.map((s) => s.screen)).toEqual(['attract', 'language', 'consent', 'home', 'end', 'wipe', 'out-of-service']);
    expect(seen.every((s) => s.testAutomation)).toBe(true);
  });
});

describe('after the watchdog recovered the page', () => {
  it('wipes a running visit at once, from any step, and is back on attract', async () => {
    for (const reach of [
      (k: ReturnType<typeof startKiosk>) => k.actor.send({ type: 'SESSION.START' }), // language
      reach2, // home, in English
      (k: ReturnType<typeof startKiosk>) => { reach2(k); k.actor.send({ type: 'VISIT.FINISH' }); }, // end
    ]) {
      const kiosk = startKiosk();
      reach(kiosk);
      kiosk.actor.send({ type: 'WATCHDOG.RECOVERED' });
      expect(kiosk.view()).toMatchObject({ screen: 'wipe', language: 'fr', measurements: {} });
      await kiosk.settle();
      expect(kiosk.view().screen).toBe('attract');
      expect(kiosk.wipes()).toBe(1);
    }
  });

  it('leaves attract and a running wipe as they are', async () => {
    const kiosk = startKiosk();
    kiosk.actor.send({ type: 'WATCHDOG.RECOVERED' });
    expect(kiosk.view().screen).toBe('attract');
    expect(kiosk.wipes()).toBe(0);
  });

  it('when it gave up: wipes the visit, then stays out of service, whatever comes', async () => {
    const kiosk = startKiosk();
    reach2(kiosk);
    kiosk.actor.send({ type: 'WATCHDOG.GAVE_UP' });
    expect(kiosk.view().screen).toBe('wipe');
    await kiosk.settle();
    expect(kiosk.view().screen).toBe('out-of-service');
    kiosk.actor.send({ type: 'SESSION.START' });
    kiosk.seconds(3600);
    expect(kiosk.view().screen).toBe('out-of-service');
    expect(kiosk.wipes()).toBe(1);
  });

  it('when it gave up between visits: out of service at once; during a wipe: once the wipe is done', async () => {
    const idle = startKiosk();
    idle.actor.send({ type: 'WATCHDOG.GAVE_UP' });
    expect(idle.view().screen).toBe('out-of-service');

    let finish = () => {};
    const wiping = startKiosk(() => new Promise<void>((resolve) => (finish = resolve)));
    reach2(wiping);
    wiping.actor.send({ type: 'VISIT.FINISH' });
    wiping.actor.send({ type: 'END.DISMISS' });
    wiping.actor.send({ type: 'WATCHDOG.GAVE_UP' });
    expect(wiping.view().screen).toBe('wipe');
    finish();
    await wiping.settle();
    expect(wiping.view().screen).toBe('out-of-service');
  });
});

/** A visit on the home screen, in English. */
function reach2(kiosk: ReturnType<typeof startKiosk>): void {
  kiosk.actor.send({ type: 'SESSION.START' });
  kiosk.actor.send({ type: 'LANGUAGE.CHOOSE', language: 'en' });
  kiosk.actor.send({ type: 'CONSENT.ACCEPT' });
}
