import { z } from 'zod';
import type { CdpPipe } from './cdp-pipe';
import type { KioskPage } from './kiosk-page';

/**
 * The clipboard outlives a visit: what a person copied on a site (a tax number, an address) would paste
 * into the next person's form. The page cannot read it (the policies block the clipboard API), so the
 * host empties it and proves it through the kiosk page, in a world of its own that the page's scripts
 * do not share: a copy that puts nothing, then a real paste into a field it removes at once.
 */
const WORLD = 'borne-clipboard-wipe';

const WorldSchema = z.object({ executionContextId: z.number() });
const EvaluatedSchema = z.object({
  result: z.object({ value: z.unknown() }),
  exceptionDetails: z.object({ text: z.string() }).optional(),
});

/** Copies an empty text; the copy command needs a user gesture, which the evaluation gives. */
const COPY_NOTHING = `(() => {
  let put = false;
  const empty = (event) => { event.clipboardData.setData('text/plain', ''); event.preventDefault(); put = true; };
  document.addEventListener('copy', empty);
  try { document.execCommand('copy'); } finally { document.removeEventListener('copy', empty); }
  return put;
})()`;

/**
 * A field that hears the next paste, keeps nothing of it, and says only whether it held something; it
 * is gone after the paste, or after PASTE_WAIT_MS without one (which proves nothing), and the focus is
 * given back to what had it.
 */
const PASTE_WAIT_MS = 3_000;
const LISTEN_FOR_PASTE = `(() => {
  const focused = document.activeElement;
  const field = document.createElement('textarea');
  field.style.cssText = 'position:fixed;opacity:0;pointer-events:none';
  document.documentElement.append(field);
  field.focus();
  globalThis.pasted = new Promise((resolve) => {
    field.addEventListener('paste', (event) => {
      event.preventDefault();
      resolve(event.clipboardData.getData('text/plain') !== '' || event.clipboardData.files.length > 0 ? 'something' : 'nothing');
    }, { once: true });
    setTimeout(() => resolve('no paste'), ${PASTE_WAIT_MS});
  }).finally(() => { field.remove(); focused?.focus?.(); });
  return document.activeElement === field;
})()`;

const CTRL = 2;
const V_KEY = { key: 'v', code: 'KeyV', windowsVirtualKeyCode: 86, modifiers: CTRL };

async function evaluate(cdp: CdpPipe, page: KioskPage, contextId: number, expression: string): Promise<unknown> {
  const answer = EvaluatedSchema.parse(await cdp.send('Runtime.evaluate',
    { expression, contextId, returnByValue: true, awaitPromise: true, userGesture: true }, page.sessionId));
  if (answer.exceptionDetails) throw new Error(answer.exceptionDetails.text);
  return answer.result.value;
}

/** Runs `work` in a fresh isolated world of the page's top frame, with the page focused as a touch would. */
async function inClipboardWorld<T>(cdp: CdpPipe, page: KioskPage, work: (contextId: number) => Promise<T>): Promise<T> {
  const { sessionId } = page;
  const { executionContextId } = WorldSchema.parse(await cdp.send('Page.createIsolatedWorld', { frameId: page.targetId, worldName: WORLD }, sessionId));
  // Copy and paste act on the focused document only; the kiosk window may not have the X focus.
  await cdp.send('Emulation.setFocusEmulationEnabled', { enabled: true }, sessionId);
  try {
    return await work(executionContextId);
  } finally {
    await cdp.send('Emulation.setFocusEmulationEnabled', { enabled: false }, sessionId).catch(() => {});
  }
}

export async function clearClipboard(cdp: CdpPipe, page: KioskPage): Promise<void> {
  await inClipboardWorld(cdp, page, async (contextId) => {
    if ((await evaluate(cdp, page, contextId, COPY_NOTHING)) !== true) throw new Error('the page did not copy');
  });
}

/**
 * Chromium drops input sent to a page that has not painted since it loaded, and a wipe often starts
 * right after the kiosk page came back from a site: the paste waits for two frames.
 */
const PAINTED = 'new Promise((painted) => requestAnimationFrame(() => requestAnimationFrame(() => painted(true))))';

/** True when a paste would bring text or a file: the one way to look at the clipboard the policies leave. */
export async function clipboardHoldsSomething(cdp: CdpPipe, page: KioskPage): Promise<boolean> {
  return inClipboardWorld(cdp, page, async (contextId) => {
    await evaluate(cdp, page, contextId, PAINTED);
    if ((await evaluate(cdp, page, contextId, LISTEN_FOR_PASTE)) !== true) throw new Error('the paste field could not take the focus');
    await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...V_KEY, commands: ['paste'] }, page.sessionId);
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...V_KEY }, page.sessionId);
    const pasted = await evaluate(cdp, page, contextId, 'globalThis.pasted');
    if (pasted !== 'something' && pasted !== 'nothing') throw new Error('no paste reached the field');
    return pasted === 'something';
  });
}
