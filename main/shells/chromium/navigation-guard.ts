import { z } from 'zod';
import { decideNavigation, type LockdownPolicy } from '../../lockdown/policy';
import type { CdpPipe } from './cdp-pipe';
import type { KioskPage } from './kiosk-page';

const PausedSchema = z.object({ requestId: z.string(), request: z.object({ url: z.string() }) });

/**
 * Every document the kiosk's page would load, top frame, frame or redirect alike, is asked to the
 * lockdown policy before a byte is fetched. A refused one is answered "204 No Content": the browser
 * then stays on the page it was showing, with no error page of its own; `onRefused` hears why.
 */
export async function guardNavigations(
  cdp: CdpPipe,
  page: KioskPage,
  policy: LockdownPolicy,
  onRefused: (url: string, reason: string) => void,
): Promise<void> {
  cdp.on('Fetch.requestPaused', (params, sessionId) => {
    if (sessionId !== page.sessionId) return;
    const paused = PausedSchema.safeParse(params);
    if (!paused.success) return;
    const { requestId, request } = paused.data;
    const verdict = decideNavigation(policy, request.url);
    const answer = verdict.allow
      ? cdp.send('Fetch.continueRequest', { requestId }, sessionId)
      : cdp.send('Fetch.fulfillRequest', { requestId, responseCode: 204, responseHeaders: [] }, sessionId);
    if (!verdict.allow) onRefused(request.url, verdict.reason);
    answer.catch(() => {}); // the page went away in the meantime
  });
  await cdp.send('Fetch.enable', { patterns: [{ urlPattern: '*', resourceType: 'Document', requestStage: 'Request' }] }, page.sessionId);
}
