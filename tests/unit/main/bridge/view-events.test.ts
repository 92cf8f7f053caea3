import { describe, expect, it } from 'vitest';
import type { HostMessage, RendererEvent } from '../../../../common/bridge';
import { routeViewEvents, type ViewEventRoutes } from '../../../../main/bridge/view-events';
import { captureLog } from '../../../support/capture-log';

function routed(overrides: Partial<ViewEventRoutes> = {}) {
  const sent: RendererEvent[] = [];
  const answers: HostMessage[] = [];
  let beats = 0;
  const spoken: RendererEvent[] = [];
  const { log, lines } = captureLog();
  const route = routeViewEvents({
    beat: () => void beats++,
    send: (event) => void sent.push(event),
    siteMayOpen: () => ({ allow: true }),
    admitAdmin: () => ({ admit: true }),
    speech: (event) => void spoken.push(event),
    log,
    ...overrides,
  });
  const view = { label: 'test', send: (message: HostMessage) => void answers.push(message) };
  return { route: (event: RendererEvent) => route(event, view), sent, answers, lines, spoken, beats: () => beats };
}

describe('the host routing a view\'s events', () => {
  it('hands read-aloud requests to the speech route, never to the session', () => {
    const kiosk = routed();
    kiosk.route({ type: 'SPEECH.SAY', id: 1, text: 'Bonjour' });
    kiosk.route({ type: 'SPEECH.STOP' });
    expect(kiosk.spoken).toEqual([{ type: 'SPEECH.SAY', id: 1, text: 'Bonjour' }, { type: 'SPEECH.STOP' }]);
    expect(kiosk.sent).toEqual([]);
  });

  it('counts heartbeats and paints as signs of life, and sends neither to the session', () => {
    const kiosk = routed();
    kiosk.route({ type: 'VIEW.ALIVE' });
    kiosk.route({ type: 'VIEW.PAINTED', screen: 'attract' });
    expect(kiosk.beats()).toBe(2);
    expect(kiosk.sent).toEqual([]);
    expect(kiosk.lines.map((l) => l.msg)).toEqual(['view painted']);
  });

  it('passes a site on the list to the session, and answers a site off it with the reason, sending nothing', () => {
    const kiosk = routed({ siteMayOpen: (url) => (url.startsWith('https://www.service-public.fr/') ? { allow: true } : { allow: false, reason: 'not on the list' }) });
    kiosk.route({ type: 'SITE.OPEN', url: 'https://www.service-public.fr/particuliers' });
    kiosk.route({ type: 'SITE.OPEN', url: 'https://example.org/' });
    expect(kiosk.sent).toEqual([{ type: 'SITE.OPEN', url: 'https://www.service-public.fr/particuliers' }]);
    expect(kiosk.answers).toEqual([{ type: 'rejected', reason: 'not on the list' }]);
    expect(kiosk.lines.find((l) => l.msg === 'refused to open a site')).toMatchObject({ url: 'https://example.org/' });
  });

  it('sends an administrator event only through the door, and answers a refusal that has a reason', () => {
    const kiosk = routed({ admitAdmin: (event) => (event.type === 'ADMIN.OPEN' ? { admit: true } : { admit: false, reason: 'refused: not authenticated' }) });
    kiosk.route({ type: 'ADMIN.OPEN' });
    kiosk.route({ type: 'ADMIN.RESTART' });
    expect(kiosk.sent).toEqual([{ type: 'ADMIN.OPEN' }]);
    expect(kiosk.answers).toEqual([{ type: 'rejected', reason: 'refused: not authenticated' }]);
  });

  it('sends every other event to the session', () => {
    const kiosk = routed();
    kiosk.route({ type: 'SESSION.START' });
    expect(kiosk.sent).toEqual([{ type: 'SESSION.START' }]);
  });
});
