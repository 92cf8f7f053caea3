// How a bench hears, in node, that the kiosk page shows a reading. A MutationObserver in the page calls
// a CDP binding (Runtime.addBinding) as soon as a new reading's text is in the measure screen's DOM, and
// again two animation frames later, once the frame that shows it has been painted (the convention of
// kiosk-driver.ts). Node notes performance.now() when each call reaches it: one clock times the write
// and the sight, and what the binding adds on the way back is measured apart (`signalRoundTrip`).
import type { CDPSession, Page } from '@playwright/test';
import { performance } from 'node:perf_hooks';

const BINDING = 'borneBenchReadingShown';

type Stage = 'dom' | 'painted' | 'ping';

/** When the page's signals reached node (performance.now()). */
export interface ReadingSeen {
  inDomAt: number;
  paintedAt: number;
}

export interface ReadingShown {
  /**
   * Starts listening for the next reading whose text satisfies `match` (call it before writing the
   * frame); resolves once it is painted, with node's times for both signals.
   */
  awaitReading(match: (text: string) => boolean, timeoutMs?: number): Promise<ReadingSeen>;
  /** Milliseconds from node asking the page to call the binding to the call reaching node. */
  signalRoundTrip(): Promise<number>;
  close(): Promise<void>;
}

/** Runs in the page: signals each new reading's text once in the DOM, then once painted. */
const OBSERVE_READINGS = `(() => {
  const signal = (stage, text) => window.${BINDING}(JSON.stringify({ stage, text }));
  let shown = '';
  new MutationObserver(() => {
    const text = document.querySelector('[data-screen="measure"] .reading__value')?.textContent ?? '';
    if (text === shown) return;
    shown = text;
    if (!text) return;
    signal('dom', text);
    requestAnimationFrame(() => requestAnimationFrame(() => signal('painted', text)));
  }).observe(document.body, { childList: true, subtree: true, characterData: true });
})()`;

/** Installs the observer in `page`, the kiosk's own page, over a CDP session of its own. */
export async function listenForReadings(page: Page): Promise<ReadingShown> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  let hear: ((stage: Stage, text: string, at: number) => void) | null = null;
  cdp.on('Runtime.bindingCalled', ({ name, payload }) => {
    const at = performance.now();
    if (name !== BINDING) return;
    const { stage, text } = JSON.parse(payload) as { stage: Stage; text: string };
    hear?.(stage, text, at);
  });
  await cdp.send('Runtime.enable');
  await cdp.send('Runtime.addBinding', { name: BINDING });
  await cdp.send('Runtime.evaluate', { expression: OBSERVE_READINGS });

  const awaitReading: ReadingShown['awaitReading'] = (match, timeoutMs = 10_000) => new Promise((resolve, reject) => {
    let inDomAt: number | undefined;
    const timer = setTimeout(() => {
      hear = null;
      reject(new Error(`no matching reading ${inDomAt === undefined ? 'in the DOM' : 'painted'} within ${timeoutMs} ms`));
    }, timeoutMs);
    hear = (stage, text, at) => {
      if (!match(text)) return;
      if (stage === 'dom') inDomAt = at;
      if (stage !== 'painted' || inDomAt === undefined) return;
      clearTimeout(timer);
      hear = null;
      resolve({ inDomAt, paintedAt: at });
    };
  });

  const signalRoundTrip = async (): Promise<number> => {
    const heard = new Promise<number>((resolve) => (hear = (stage, _text, at) => stage === 'ping' && resolve(at)));
    const asked = performance.now();
    await cdp.send('Runtime.evaluate', { expression: `window.${BINDING}(JSON.stringify({ stage: 'ping', text: '' }))` });
    const at = await heard;
    hear = null;
    return at - asked;
  };

  return { awaitReading, signalRoundTrip, close: () => cdp.detach() };
}
