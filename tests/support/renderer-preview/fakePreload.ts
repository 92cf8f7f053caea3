import type { RendererEvent } from '../../../common/bridge';
import type { SessionSnapshot } from '../../../common/snapshot';

/** What the fake preload leaves on the page's global object. */
export interface FakePreloadWindow {
  borneSent: RendererEvent[];
}

/**
 * Page script standing in for the Electron preload: `window.borne` delivers one snapshot (or none,
 * to show the "Connexion…" screen) and records what the renderer sends in `window.borneSent`.
 * Built as text because this file is typechecked without the DOM.
 */
export function fakePreloadScript(snapshot: SessionSnapshot | null): string {
  return `
    const snapshot = ${JSON.stringify(snapshot)};
    window.borneSent = [];
    window.borne = {
      send(event) { window.borneSent.push(event); },
      onMessage(listener) {
        if (snapshot) setTimeout(() => listener({ type: 'snapshot', snapshot }), 0);
        return () => {};
      },
    };`;
}
