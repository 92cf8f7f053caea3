import { z } from 'zod';
import type { Verdict } from '../../lockdown/policy';
import type { CdpPipe } from './cdp-pipe';
import { PDF_VIEWER_SCRIPT } from './pdf-viewer';

const PausedSchema = z.object({ requestId: z.string(), frameId: z.string().optional(), request: z.object({ url: z.string() }) });
const AttachedSchema = z.object({ sessionId: z.string(), targetInfo: z.object({ type: z.string() }) });
const DetachedSchema = z.object({ sessionId: z.string() });

/** `topFrame`: the document would replace the page's own, not a frame's in it. */
export type DocumentDecision = (url: string, topFrame: boolean) => Verdict;
export type OnRefused = (url: string, reason: string) => void;

const AUTO_ATTACH = { autoAttach: true, waitForDebuggerOnStart: true, flatten: true };

const DOCUMENTS = { patterns: [{ urlPattern: '*', resourceType: 'Document', requestStage: 'Request' }] };

/**
 * Asks `decide` before every document the frames of one DevTools session would load. A refused one is
 * answered "204 No Content": the frame stays on what it was showing, with no error page of its own.
 * `topFrameId` is the page's own frame (a page target's main frame has the target's id).
 */
export async function guardDocuments(cdp: CdpPipe, sessionId: string, topFrameId: string, decide: DocumentDecision, onRefused: OnRefused): Promise<void> {
  cdp.on('Fetch.requestPaused', (params, from) => {
    if (from === sessionId) answerPaused(cdp, params, sessionId, topFrameId, decide, onRefused);
  });
  await cdp.send('Fetch.enable', DOCUMENTS, sessionId);
}

function answerPaused(
  cdp: CdpPipe, params: Record<string, unknown>, sessionId: string, topFrameId: string | null, decide: DocumentDecision, onRefused: OnRefused,
): void {
  const paused = PausedSchema.safeParse(params);
  if (!paused.success) return;
  const { requestId, request, frameId } = paused.data;
  const verdict = decide(request.url, frameId !== undefined && frameId === topFrameId);
  const answer = verdict.allow
    ? cdp.send('Fetch.continueRequest', { requestId }, sessionId)
    : cdp.send('Fetch.fulfillRequest', { requestId, responseCode: 204, responseHeaders: [] }, sessionId);
  if (!verdict.allow) onRefused(request.url, verdict.reason);
  answer.catch(() => {}); // the frame went away in the meantime
}

/**
 * A frame of another site runs in a renderer of its own (an out-of-process iframe), with a DevTools
 * target of its own: what it loads next never reaches the page's session. Each such frame is attached
 * as it appears, held before it fetches anything (waitForDebuggerOnStart), given the same guard as the
 * page, then let go; frames inside it likewise. Other targets held on the way (workers) are let go at
 * once: nothing of theirs is a document.
 */
export async function guardFrames(cdp: CdpPipe, pageSessionId: string, decide: DocumentDecision, onRefused: OnRefused): Promise<void> {
  // The sessions of the frames being guarded; the page's own has its guard already.
  const frames = new Set<string>();
  cdp.on('Fetch.requestPaused', (params, from) => {
    // Nothing in a frame's own session is the page's top frame.
    if (from !== undefined && frames.has(from)) answerPaused(cdp, params, from, null, decide, onRefused);
  });
  cdp.on('Target.attachedToTarget', (params, parent) => {
    if (parent === undefined || (parent !== pageSessionId && !frames.has(parent))) return;
    const attached = AttachedSchema.safeParse(params);
    if (!attached.success) return;
    const { sessionId, targetInfo } = attached.data;
    const letGo = () => cdp.send('Runtime.runIfWaitingForDebugger', {}, sessionId);
    if (targetInfo.type !== 'iframe') {
      letGo().catch(() => {});
      return;
    }
    frames.add(sessionId);
    // The frame is let go only once guarded: a frame that cannot be guarded stays held, showing nothing.
    Promise.all([
      cdp.send('Fetch.enable', DOCUMENTS, sessionId),
      cdp.send('Target.setAutoAttach', AUTO_ATTACH, sessionId),
      // A frame's scripts-on-new-document run only once its Page domain is enabled.
      cdp.send('Page.enable', {}, sessionId),
      cdp.send('Page.addScriptToEvaluateOnNewDocument', { source: PDF_VIEWER_SCRIPT }, sessionId),
    ])
      .then(letGo)
      .catch(() => {}); // the frame went away in the meantime
  });
  cdp.on('Target.detachedFromTarget', (params) => {
    const detached = DetachedSchema.safeParse(params);
    if (detached.success) frames.delete(detached.data.sessionId);
  });
  await cdp.send('Target.setAutoAttach', AUTO_ATTACH, pageSessionId);
}
