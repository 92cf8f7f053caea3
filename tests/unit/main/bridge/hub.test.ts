import { describe, expect, it } from 'vitest';
import type { HostMessage, RendererEvent } from '../../../../common/bridge';
import type { SessionSnapshot } from '../../../../common/snapshot';
import { BridgeHub } from '../../../../main/bridge/hub';
import { captureLog } from '../../../support/capture-log';

const snapshot: SessionSnapshot = {
  screen: 'attract', language: 'fr', offeredLanguages: ['fr', 'en'], display: { textSize: 100, contrast: 'standard' }, idleWarning: null, measurements: {}, measuring: null, devices: {}, deviceHealth: {},
  testAutomation: false,
  admin: null,
  siteTiles: [],
  site: null,
  catalog: null,
  procedure: null,
  satisfaction: null,
  memoPrint: null,
  assist: null,
};

function hubWithView(now = () => 0) {
  const events: RendererEvent[] = [];
  const received: HostMessage[] = [];
  const { log, lines } = captureLog();
  const hub = new BridgeHub((event) => events.push(event), log, now);
  const view = hub.attach({ label: 'test', send: (m) => received.push(m) });
  return { hub, view, events, received, lines };
}

describe('BridgeHub', () => {
  it('passes a valid renderer event to the host', () => {
    const { view, events } = hubWithView();
    view.receive({ type: 'LANGUAGE.CHOOSE', language: 'en' });
    expect(events).toEqual([{ type: 'LANGUAGE.CHOOSE', language: 'en' }]);
  });

  it.each([
    ['an unknown event', { type: 'ADMIN.EXIT' }],
    ['a language the contract does not know', { type: 'LANGUAGE.CHOOSE', language: 'xx' }],
    ['an extra field', { type: 'SESSION.START', forged: true }],
    ['a device event, which only the host may raise', { type: 'DEVICE.TEMPERATURE_MEASURED', measurement: {} }],
    ['maintenance, which only the host commands', { type: 'MAINTENANCE.LEAVE' }],
    ['a card read, which only the host\'s device layer raises', { type: 'CARD.READ', card: 'health-insurance' }],
    ['a hold of the inactivity count, which only a busy step raises', { type: 'PRESENCE.HOLD' }],
    ['a procedure id that is no id', { type: 'PROCEDURE.OPEN', id: '../passport' }],
    ['a satisfaction rating off the scale', { type: 'SATISFACTION.RATE', rating: 5 }],
    ['a PIN with letters', { type: 'ADMIN.PIN', pin: '12ab' }],
    ['a PIN of more than 12 digits', { type: 'ADMIN.PIN', pin: '1234567890123' }],
    ['a PIN of fewer than 4 digits', { type: 'ADMIN.PIN', pin: '123' }],
    ['a maintenance command without its answer', { type: 'ADMIN.MAINTENANCE' }],
    ['text that is not JSON', '{"type":'],
    ['nothing', undefined],
  ])('rejects %s, logs it and tells the view', (_name, raw) => {
    const { view, events, received, lines } = hubWithView();
    view.receive(raw);
    expect(events).toEqual([]);
    expect(received).toEqual([{ type: 'rejected', reason: expect.any(String) }]);
    expect(lines.some((l) => l.msg === 'rejected a malformed bridge message' && l.level === 40)).toBe(true);
  });

  it('never logs the PIN of a refused message, whatever its shape', () => {
    const { view, lines } = hubWithView();
    view.receive({ type: 'ADMIN.PIN', pin: '9753197531975' });
    view.receive(JSON.stringify({ type: 'ADMIN.PIN', pin: '97531x', extra: 1 }));
    view.receive({ type: 'ADMIN.PIN', pin: 97531 });
    expect(lines.filter((l) => l.msg === 'rejected a malformed bridge message')).toHaveLength(3);
    expect(JSON.stringify(lines)).not.toContain('97531');
  });

  it('passes a well-formed PIN on to the host, which decides', () => {
    const { view, events } = hubWithView();
    view.receive({ type: 'ADMIN.PIN', pin: '0123456789' });
    expect(events).toEqual([{ type: 'ADMIN.PIN', pin: '0123456789' }]);
  });

  it('keeps working after a rejection', () => {
    const { view, events } = hubWithView();
    view.receive({ type: 'nope' });
    view.receive({ type: 'SESSION.START' });
    expect(events).toEqual([{ type: 'SESSION.START' }]);
  });

  it('sends every snapshot to every view, and the latest one to a view that attaches later', () => {
    const { hub, received } = hubWithView();
    hub.publish(snapshot);
    expect(received).toEqual([{ type: 'snapshot', snapshot }]);
    const late: HostMessage[] = [];
    hub.attach({ label: 'agent', send: (m) => late.push(m) });
    expect(late).toEqual([{ type: 'snapshot', snapshot }]);
  });

  it('stops sending to a detached view', () => {
    const { hub, view, received } = hubWithView();
    view.detach();
    hub.publish(snapshot);
    expect(received).toEqual([]);
    expect(hub.viewCount).toBe(0);
  });

  it('sends a snapshot only when it differs from the last one, so that events that change nothing cost the views nothing', () => {
    const { hub, received } = hubWithView();
    hub.publish(snapshot);
    hub.publish({ ...snapshot });
    hub.publish({ ...snapshot, idleWarning: { secondsLeft: 3 } });
    hub.publish({ ...snapshot, idleWarning: { secondsLeft: 3 } });
    expect(received.map((m) => m.type === 'snapshot' && m.snapshot.idleWarning)).toEqual([null, { secondsLeft: 3 }]);
  });

  it('passes on at most one activity report a second, whatever a view sends', () => {
    let now = 0;
    const { view, events } = hubWithView(() => now);
    for (let i = 0; i < 1_000; i++) view.receive({ type: 'USER.ACTIVITY' });
    now = 999;
    view.receive({ type: 'USER.ACTIVITY' });
    view.receive({ type: 'SESSION.START' });
    now = 1_000;
    view.receive({ type: 'USER.ACTIVITY' });
    expect(events).toEqual([{ type: 'USER.ACTIVITY' }, { type: 'SESSION.START' }, { type: 'USER.ACTIVITY' }]);
  });

  it('passes on at most one heartbeat a second, and logs none', () => {
    let now = 0;
    const { view, events, lines } = hubWithView(() => now);
    const before = lines.length;
    for (let i = 0; i < 1_000; i++) view.receive({ type: 'VIEW.ALIVE' });
    now = 1_000;
    view.receive({ type: 'VIEW.ALIVE' });
    expect(events).toEqual([{ type: 'VIEW.ALIVE' }, { type: 'VIEW.ALIVE' }]);
    expect(lines.length).toBe(before);
  });
});
