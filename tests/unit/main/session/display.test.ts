import { describe, expect, it } from 'vitest';
import { RendererEventSchema } from '../../../../common/bridge';
import { STANDARD_DISPLAY } from '../../../../common/accessibility';
import { SessionSnapshotSchema } from '../../../../common/snapshot';
import { sessionMachine } from '../../../../main/session/machine';
import { BridgeHub } from '../../../../main/bridge/hub';
import type { HostMessage, RendererEvent } from '../../../../common/bridge';
import { captureLog } from '../../../support/capture-log';
import { startSimulatedKiosk, startWipingKiosk } from './simulated-kiosk';

const large = { textSize: 200, contrast: 'high' } as const;

describe('the visit\'s display preferences', () => {
  it('start standard, follow DISPLAY.SET on any step of the visit, and reach the views', () => {
    const kiosk = startSimulatedKiosk(sessionMachine);
    expect(kiosk.view().display).toEqual(STANDARD_DISPLAY);
    kiosk.actor.send({ type: 'SESSION.START' });
    kiosk.actor.send({ type: 'DISPLAY.SET', display: { textSize: 150, contrast: 'standard' } });
    expect(kiosk.view()).toMatchObject({ screen: 'language', display: { textSize: 150, contrast: 'standard' } });
    kiosk.actor.send({ type: 'LANGUAGE.CHOOSE', language: 'en' });
    kiosk.actor.send({ type: 'CONSENT.ACCEPT' });
    kiosk.actor.send({ type: 'DISPLAY.SET', display: large });
    expect(kiosk.view()).toMatchObject({ screen: 'home', display: large });
    expect(SessionSnapshotSchema.safeParse(kiosk.view()).success).toBe(true);
    // Still shown on the end screen, for the person who chose them.
    kiosk.actor.send({ type: 'VISIT.FINISH' });
    expect(kiosk.view()).toMatchObject({ screen: 'end', display: large });
  });

  it('are not the next person\'s: the wipe resets them and proves it', async () => {
    const kiosk = startWipingKiosk();
    kiosk.actor.send({ type: 'SESSION.START' });
    kiosk.actor.send({ type: 'DISPLAY.SET', display: large });
    kiosk.actor.send({ type: 'VISIT.FINISH' });
    kiosk.actor.send({ type: 'END.DISMISS' });
    await kiosk.settle();
    expect(kiosk.view()).toMatchObject({ screen: 'attract', display: STANDARD_DISPLAY });
    expect(kiosk.lines.some((l) => l.msg === 'visit wiped and verified')).toBe(true);
  });

  it('change nothing between visits: the attract screen is for everybody', () => {
    const kiosk = startSimulatedKiosk(sessionMachine);
    kiosk.actor.send({ type: 'DISPLAY.SET', display: large });
    expect(kiosk.view()).toMatchObject({ screen: 'attract', display: STANDARD_DISPLAY });
  });

  it.each([
    [{ textSize: 120, contrast: 'high' }],
    [{ textSize: '200', contrast: 'high' }],
    [{ textSize: 200, contrast: 'dark' }],
    [{ textSize: 200 }],
    [{ textSize: 200, contrast: 'high', fontFamily: 'Comic Sans' }],
  ])('are refused at the bridge when malformed: %j', (display) => {
    expect(RendererEventSchema.safeParse({ type: 'DISPLAY.SET', display }).success).toBe(false);
  });
});

describe('a malformed DISPLAY.SET through the hub', () => {
  it('is answered rejected with the field at fault, reaches nothing, and the next good one passes', () => {
    const { log } = captureLog();
    const passed: RendererEvent[] = [];
    const hub = new BridgeHub((event) => void passed.push(event), log);
    const answers: HostMessage[] = [];
    const view = hub.attach({ label: 'test', send: (message) => void answers.push(message) });
    view.receive({ type: 'DISPLAY.SET', display: { textSize: 400, contrast: 'high' } });
    expect(answers).toEqual([{ type: 'rejected', reason: expect.stringContaining('display.textSize') }]);
    view.receive({ type: 'DISPLAY.SET', display: large });
    expect(passed).toEqual([{ type: 'DISPLAY.SET', display: large }]);
  });
});

describe('read-aloud requests at the bridge', () => {
  it.each([
    [{ type: 'SPEECH.SAY', id: 1, text: '' }],
    [{ type: 'SPEECH.SAY', id: 1, text: '   ' }],
    [{ type: 'SPEECH.SAY', id: -1, text: 'Bonjour' }],
    [{ type: 'SPEECH.SAY', id: 1, text: 'x'.repeat(1_201) }],
    [{ type: 'SPEECH.SAY', id: 1, text: 'Bonjour', language: 'ar' }],
  ])('refuses %j', (event) => {
    expect(RendererEventSchema.safeParse(event).success).toBe(false);
  });

  it('takes a bounded text with a request id', () => {
    expect(RendererEventSchema.safeParse({ type: 'SPEECH.SAY', id: 3, text: 'Bonjour !' }).success).toBe(true);
  });
});
