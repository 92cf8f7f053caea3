import { z } from 'zod';
import type { CdpResult } from './cdp-pipe';
import { withDeadline } from './deadline';

/** The part of the DevTools pipe the probe needs: one page's session. */
export type PageCommands = (method: string, params?: Record<string, unknown>) => Promise<CdpResult>;

/**
 * What a look at a site shown in the kiosk window found:
 * - `painting`: the page produced a frame and shows something;
 * - `blank`: it produced a frame with nothing in it (a white page, an empty body);
 * - `silent`: it produced no frame in time (a main thread stuck in a loop, a renderer that stopped).
 * Only `painting` counts as a sign of life for the watchdog.
 */
export type SitePaint = 'painting' | 'blank' | 'silent';

/**
 * The probe's own world. A site's scripts cannot reach an isolated world, so they cannot fake a sign of
 * life by overriding requestAnimationFrame or the DOM getters the probe calls.
 */
const PROBE_WORLD = 'borne-site-probe';

/**
 * Waits for the next animation frame (no frame: the page stopped painting), then asks whether anything
 * in the document is visible: text, an image, a video, a canvas, a form field, a frame, an embedded
 * document (Chromium's PDF viewer is one). Sizes are read from the layout, so hidden content is nothing.
 */
const PROBE_EXPRESSION = `new Promise((resolve) => requestAnimationFrame(() => {
  const body = document.body;
  if (!body) return resolve(false);
  if (body.innerText.trim().length > 0) return resolve(true);
  const media = body.querySelectorAll('img,svg,video,canvas,input,select,textarea,iframe,embed,object');
  resolve([...media].some((element) => {
    const box = element.getBoundingClientRect();
    return box.width > 1 && box.height > 1;
  }));
}))`;

const FrameTreeSchema = z.object({ frameTree: z.object({ frame: z.object({ id: z.string() }) }) });
const WorldSchema = z.object({ executionContextId: z.number() });
const ProbeResultSchema = z.object({ result: z.object({ value: z.boolean().optional() }) });

/**
 * A probe of the page shown in the kiosk window. Each call looks once and never throws: a page that does
 * not answer within `timeoutMs` is `silent`. Its world lasts as long as the document: it is made once
 * and made again when a navigation has torn it down, not once per look.
 */
export function createSitePaintProbe(send: PageCommands, timeoutMs: number): () => Promise<SitePaint> {
  let contextId: number | undefined;

  async function isolatedWorld(): Promise<number> {
    const { frameTree } = FrameTreeSchema.parse(await send('Page.getFrameTree'));
    const world = WorldSchema.parse(await send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: PROBE_WORLD }));
    return world.executionContextId;
  }

  async function lookIn(world: number): Promise<SitePaint> {
    const evaluated = await send('Runtime.evaluate', { expression: PROBE_EXPRESSION, contextId: world, awaitPromise: true, returnByValue: true });
    return ProbeResultSchema.parse(evaluated).result.value === true ? 'painting' : 'blank';
  }

  async function look(): Promise<SitePaint> {
    if (contextId !== undefined) {
      // A navigation since the last look took that world away with its document: make a new one.
      const seen = await lookIn(contextId).catch(() => undefined);
      if (seen) return seen;
    }
    contextId = await isolatedWorld();
    return lookIn(contextId);
  }

  return async () => {
    try {
      return await withDeadline(timeoutMs, 'the page did not answer', look);
    } catch {
      contextId = undefined;
      return 'silent';
    }
  };
}
