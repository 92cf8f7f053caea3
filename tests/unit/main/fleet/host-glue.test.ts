import { describe, expect, it } from 'vitest';
import { fromPromise } from 'xstate';
import type { DeviceManager } from '../../../../devices/manager';
import type { Administration } from '../../../../main/admin/administration';
import { hostControls } from '../../../../main/fleet/host-glue';
import { createLogger } from '../../../../main/log';
import { sessionMachine } from '../../../../main/session/machine';
import type { KioskShell } from '../../../../main/shells/shell';
import { startSimulatedKiosk } from '../session/simulated-kiosk';

const PNG = Buffer.from('png');

/** The real session machine under the host's fleet controls; the wipe passes unless `wipeFails`. */
function kioskWithControls() {
  const state = { wipeFails: false, restarts: 0, maintenance: [] as boolean[] };
  const machine = sessionMachine.provide({
    actors: {
      wipeSession: fromPromise<void>(async () => {
        if (state.wipeFails) throw new Error('cookies left for one origin');
      }),
    },
  });
  const kiosk = startSimulatedKiosk(machine);
  const controls = hostControls({
    session: kiosk.actor,
    devices: { health: () => [] } as unknown as DeviceManager,
    admin: { journal: { since: () => [] } } as unknown as Administration,
    shell: { name: 'chromium', capture: async () => PNG } as unknown as KioskShell,
    setMaintenance: (on) => void state.maintenance.push(on),
    restart: () => void state.restarts++,
    log: createLogger({ level: 'silent' }),
  });
  return { ...kiosk, state, controls };
}
const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('the host\'s fleet controls', () => {
  it('reports the visit state by name only', () => {
    const kiosk = kioskWithControls();
    expect(kiosk.controls.facts()).toMatchObject({ visit: 'attract', wipeFailed: false, restartsLastHour: 0, lastError: null });
    kiosk.actor.send({ type: 'SESSION.START' });
    expect(kiosk.controls.facts().visit).toBe('visit');
    kiosk.actor.send({ type: 'VISIT.FINISH' });
    kiosk.actor.send({ type: 'END.DISMISS' });
    expect(kiosk.controls.facts().visit).toBe('wiping');
  });

  it('wipes now by ending the visit under way, and answers once the wipe is proven', async () => {
    const kiosk = kioskWithControls();
    kiosk.actor.send({ type: 'SESSION.START' });
    kiosk.actor.send({ type: 'LANGUAGE.CHOOSE', language: 'fr' });
    expect(await kiosk.controls.wipeNow()).toEqual({ ok: true, value: undefined });
    expect(kiosk.view().screen).toBe('attract');
  });

  it('says when the wipe failed, and the status then shows it', async () => {
    const kiosk = kioskWithControls();
    kiosk.state.wipeFails = true;
    const answer = await kiosk.controls.wipeNow();
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error).toContain('the wipe failed');
    expect(kiosk.controls.facts()).toMatchObject({ visit: 'blocked', wipeFailed: true, lastError: { message: expect.stringContaining('the end-of-visit wipe failed') } });
  });

  it('restarts only once the visit under way is over', async () => {
    const kiosk = kioskWithControls();
    kiosk.actor.send({ type: 'SESSION.START' });
    expect(await kiosk.controls.restartApp()).toEqual({ ok: true, value: undefined });
    await turn();
    expect(kiosk.state.restarts).toBe(0);
    kiosk.actor.send({ type: 'VISIT.FINISH' });
    kiosk.actor.send({ type: 'END.DISMISS' });
    await kiosk.settle();
    await turn();
    expect(kiosk.state.restarts).toBe(1);
  });

  it('refuses a screenshot during a visit and takes one between visits', async () => {
    const kiosk = kioskWithControls();
    expect(await kiosk.controls.screenshot()).toEqual({ ok: true, value: PNG });
    kiosk.actor.send({ type: 'SESSION.START' });
    const during = await kiosk.controls.screenshot();
    expect(during.ok).toBe(false);
    if (!during.ok) expect(during.error).toContain('a visit is on');
  });
});
