import type { RendererEvent } from '../../common/bridge';
import type { Verdict } from '../lockdown/policy';
import type { Logger } from '../log';
import { isAdminEvent, type AdminEvent } from '../admin/administration';
import type { BridgeView } from './hub';

/** Where a view's events go; each a part of the host, wired in host.ts. */
export interface ViewEventRoutes {
  /** Signs of life, for the watchdog. */
  beat(): void;
  /** The session machine. */
  send(event: RendererEvent): void;
  /** Whether a SITE.OPEN may reach the machine. */
  siteMayOpen(url: string): Verdict;
  /** The administrator's door: PIN checks and panel commands only where the machine takes them. */
  admitAdmin(event: AdminEvent): { admit: true } | { admit: false; reason?: string };
  /** Read-aloud through the host (main/speech): it answers the view itself. */
  speech(event: Extract<RendererEvent, { type: 'SPEECH.SAY' | 'SPEECH.STOP' }>, view: BridgeView): void;
  log: Logger;
}

/**
 * The host's answer to each event a view sends (already parsed by the hub). Only the page's own reports
 * count as signs of life: a local client flooding the bridge with other events must not keep a hung page
 * from being reloaded. Heartbeats are never logged. A refused event is answered `rejected` with why.
 */
export function routeViewEvents(routes: ViewEventRoutes): (event: RendererEvent, view: BridgeView) => void {
  const { beat, send, siteMayOpen, admitAdmin, speech, log } = routes;
  return (event, view) => {
    switch (event.type) {
      case 'VIEW.ALIVE':
        return beat();
      case 'VIEW.PAINTED':
        beat();
        return log.info({ view: view.label, screen: event.screen }, 'view painted');
      case 'SPEECH.SAY':
      case 'SPEECH.STOP':
        return speech(event, view);
      case 'SITE.OPEN': {
        // Whatever the view shows, only a site on the profile's list is ever opened.
        const verdict = siteMayOpen(event.url);
        if (verdict.allow) return send(event);
        log.warn({ url: event.url.slice(0, 200), reason: verdict.reason }, 'refused to open a site');
        return view.send({ type: 'rejected', reason: verdict.reason });
      }
    }
    if (!isAdminEvent(event)) return send(event);
    const door = admitAdmin(event);
    if (door.admit) send(event);
    else if (door.reason) view.send({ type: 'rejected', reason: door.reason });
  };
}
