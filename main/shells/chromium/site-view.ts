import { setTimeout as delay } from 'node:timers/promises';
import { z } from 'zod';
import type { Logger } from '../../log';
import { parseSiteBarSignal, SITE_BAR_BINDING, SITE_BAR_UPDATE, SITE_BAR_WORLD, siteBarScript, type SiteBarState } from '../site-bar/bar-script';
import type { SiteSignal, SiteToShow } from '../shell';
import { parseKeyboardInput, type KeyboardInput } from '../site-bar/keyboard-script';
import type { CdpPipe } from './cdp-pipe';
import type { KioskPage } from './kiosk-page';
import type { NavigationGuard } from './navigation-guard';
import { createSitePaintProbe } from './site-probe';
import { VIEW_HEARTBEAT_INTERVAL_MS } from '../../../common/bridge';

const BindingCalledSchema = z.object({ name: z.string(), payload: z.string() });
const ScriptAddedSchema = z.object({ identifier: z.string() });
const ContextCreatedSchema = z.object({ context: z.object({ id: z.number(), name: z.string(), auxData: z.object({ frameId: z.string() }).optional() }) });
const ContextDestroyedSchema = z.object({ executionContextId: z.number() });

/**
 * Official sites in the kiosk's one tab: the guard lets the top frame show them while one is open, and
 * Borne's bar is added to each of their documents in an isolated world, whose binding is the only way
 * back to the host. The site's own scripts run in the main world, where that binding does not exist.
 */
export class ChromiumSiteView {
  private barScript: string | null = null;
  /** The bar's isolated world in the top frame's current document, once it exists. */
  private barContext: number | null = null;
  /** The paint watch of the site shown now; one at a time. */
  private watching: Promise<void> | null = null;
  /** What the bar shows now; drawn again by each new document's bar, which asks for it (`ready`). */
  private barState: SiteBarState = { secondsLeft: null, hand: null };

  private constructor(
    private readonly cdp: CdpPipe,
    private readonly page: KioskPage,
    private readonly guard: NavigationGuard,
    private readonly pageUrl: string,
    private readonly log: Logger,
    private readonly onPainted: () => void,
  ) {}

  static async attach(cdp: CdpPipe, page: KioskPage, guard: NavigationGuard, pageUrl: string, log: Logger,
    onSignal: (signal: SiteSignal) => void, onPainted: () => void): Promise<ChromiumSiteView> {
    cdp.on('Runtime.bindingCalled', (params, sessionId) => {
      const called = BindingCalledSchema.safeParse(params);
      if (sessionId !== page.sessionId || !called.success || called.data.name !== SITE_BAR_BINDING) return;
      const { payload } = called.data;
      const signal = parseSiteBarSignal(payload);
      const typed = signal ? null : parseKeyboardInput(payload);
      if (signal === 'ready') view.drawBar();
      else if (signal) onSignal(signal);
      else if (typed) view.type(typed);
      // What was typed is the person's: never in the log, even refused.
      else log.warn({ payload: payload.startsWith('type:') ? 'type:…' : payload.slice(0, 100) }, "ignored a message through the bar's binding");
    });
    const view = new ChromiumSiteView(cdp, page, guard, pageUrl, log, onPainted);
    cdp.on('Runtime.executionContextCreated', (params, sessionId) => {
      const created = ContextCreatedSchema.safeParse(params);
      if (sessionId !== page.sessionId || !created.success) return;
      const { id, name, auxData } = created.data.context;
      if (name === SITE_BAR_WORLD && auxData?.frameId === page.targetId) view.barContext = id;
    });
    cdp.on('Runtime.executionContextDestroyed', (params, sessionId) => {
      const destroyed = ContextDestroyedSchema.safeParse(params);
      if (sessionId === page.sessionId && destroyed.success && destroyed.data.executionContextId === view.barContext) view.barContext = null;
    });
    cdp.on('Runtime.executionContextsCleared', (_params, sessionId) => {
      if (sessionId === page.sessionId) view.barContext = null;
    });
    // Bindings and isolated-world scripts only reach a page whose Runtime domain is enabled.
    await cdp.send('Runtime.enable', {}, page.sessionId);
    await cdp.send('Runtime.addBinding', { name: SITE_BAR_BINDING, executionContextName: SITE_BAR_WORLD }, page.sessionId);
    return view;
  }

  /** Draws the visit's state in the bar, in its own world: the site's scripts can neither call it nor fake it. */
  updateBar(state: SiteBarState): void {
    this.barState = state;
    this.drawBar();
  }

  /**
   * Types a key of Borne's keyboard into the site's focused field with the browser's own input (trusted
   * events, as from a physical keyboard), so that every site's scripts see it as typing.
   */
  private type(input: KeyboardInput): void {
    if (!this.guard.siteOpen) return;
    const typed = 'text' in input
      ? this.send('Input.insertText', { text: input.text })
      : Promise.all(['rawKeyDown', 'keyUp'].map((type) =>
        this.send('Input.dispatchKeyEvent', { type, key: 'Backspace', code: 'Backspace', windowsVirtualKeyCode: 8, nativeVirtualKeyCode: 8 })));
    typed.catch((error: unknown) => this.log.warn({ err: error }, 'a key of the on-screen keyboard could not be typed into the site'));
  }

  private drawBar(): void {
    if (this.barContext === null || !this.guard.siteOpen) return;
    const expression = `globalThis[${JSON.stringify(SITE_BAR_UPDATE)}]?.(${JSON.stringify(this.barState)})`;
    this.send('Runtime.evaluate', { expression, contextId: this.barContext }).catch(() => {}); // the document went away meanwhile
  }

  async show({ url, language, display, allow }: SiteToShow): Promise<void> {
    await this.removeBar();
    const source = siteBarScript(language, new URL(this.pageUrl).origin, display);
    const added = ScriptAddedSchema.parse(await this.send('Page.addScriptToEvaluateOnNewDocument', { source, worldName: SITE_BAR_WORLD }));
    this.barScript = added.identifier;
    this.guard.siteOpened(allow);
    // A failure to load (errorText) commits Chromium's error page, which the guard turns into Borne's message.
    await this.send('Page.navigate', { url });
    this.log.info({ origin: new URL(url).origin }, 'site shown');
    this.watching ??= this.watchPainting().finally(() => (this.watching = null));
  }

  /** True while a site shows in place of the kiosk page. */
  get showing(): boolean {
    return this.guard.siteOpen;
  }

  /**
   * While a site shows, looks at it as often as the kiosk page sends its heartbeat, and reports each look
   * that found it painting. A look takes at most that long, so a hung site cannot pile looks up.
   */
  private async watchPainting(): Promise<void> {
    const probe = createSitePaintProbe((method, params) => this.send(method, params ?? {}), VIEW_HEARTBEAT_INTERVAL_MS);
    while (this.guard.siteOpen) {
      const started = performance.now();
      if ((await probe()) === 'painting' && this.guard.siteOpen) this.onPainted();
      await delay(Math.max(0, VIEW_HEARTBEAT_INTERVAL_MS - (performance.now() - started)));
    }
  }

  async leave(): Promise<void> {
    const wasOpen = this.guard.siteOpen;
    this.guard.siteClosed();
    await this.removeBar();
    // A site that was left through history, or could not be reached, has the kiosk page back already.
    if (wasOpen) await this.send('Page.navigate', { url: this.pageUrl });
  }

  private async removeBar(): Promise<void> {
    if (this.barScript === null) return;
    const identifier = this.barScript;
    this.barScript = null;
    await this.send('Page.removeScriptToEvaluateOnNewDocument', { identifier });
  }

  private send(method: string, params: Record<string, unknown>) {
    return this.cdp.send(method, params, this.page.sessionId);
  }
}
