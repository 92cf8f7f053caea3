import { z } from 'zod';
import type { CdpPipe } from './cdp-pipe';
import type { KioskPage } from './kiosk-page';

/**
 * Chromium keeps the credentials a person gives a site through HTTP authentication (Basic, Digest,
 * NTLM: its login prompt, or a script's XMLHttpRequest) in an auth cache of the browser context, and
 * sends them again without asking. No DevTools call reaches that cache (cookies, storage and cache
 * clearing all leave it, measured in tests/integration/shells/browsing-wipe.test.ts): only a fresh
 * browser forgets. So the shell watches each page's traffic for HTTP authentication, and a visit that
 * met any ends with the browser relaunched on a fresh profile; every other visit is wiped in place.
 */
export interface HttpAuthWatch {
  /** True once a request of the page carried credentials, or a response asked for them. */
  readonly met: boolean;
}

const HeadersSchema = z.object({ headers: z.record(z.string(), z.unknown()) });
const AUTH_REQUEST_HEADERS = new Set(['authorization', 'proxy-authorization']);
const AUTH_RESPONSE_HEADERS = new Set(['www-authenticate', 'proxy-authenticate']);

const carries = (params: unknown, names: ReadonlySet<string>) => {
  const parsed = HeadersSchema.safeParse(params);
  return parsed.success && Object.keys(parsed.data.headers).some((name) => names.has(name.toLowerCase()));
};

/**
 * Starts watching the page's session (its top frame and same-process frames). The ExtraInfo events
 * carry the headers as they went over the wire, credentials added from the auth cache included.
 * It lasts as long as the page's browser: a relaunch watches the new page afresh.
 */
export async function watchHttpAuthentication(cdp: CdpPipe, page: KioskPage): Promise<HttpAuthWatch> {
  const watch = { met: false };
  const mine = (sessionId: string | undefined) => sessionId === page.sessionId;
  cdp.on('Network.requestWillBeSentExtraInfo', (params, sessionId) => {
    if (mine(sessionId) && carries(params, AUTH_REQUEST_HEADERS)) watch.met = true;
  });
  cdp.on('Network.responseReceivedExtraInfo', (params, sessionId) => {
    if (mine(sessionId) && carries(params, AUTH_RESPONSE_HEADERS)) watch.met = true;
  });
  // No body is kept for DevTools: the watch reads headers only, and a long-running kiosk must not buffer pages.
  await cdp.send('Network.enable', { maxTotalBufferSize: 0, maxResourceBufferSize: 0, maxPostDataSize: 0 }, page.sessionId);
  return watch;
}
