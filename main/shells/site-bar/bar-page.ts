/// <reference lib="dom" />
/**
 * Borne's bar, as it runs inside a site's page: in an isolated world the site's scripts cannot enter,
 * under a closed shadow root they cannot read, in the top layer above anything the site shows. The
 * site may remove it, hide it or cover it: it comes back at once. This function is sent to the page as
 * its source text (`installSiteBar.toString()`), so it must use nothing from outside its own body.
 */

/** What the bar says and how it looks; made by bar-script.ts from the visit's language and the palette. */
export interface SiteBarConfig {
  /** The DevTools binding, present in the bar's isolated world only. */
  binding: string;
  /** The function, in the bar's world only, through which the host shows the visit's state (SiteBarState). */
  update: string;
  /** The page's own origin never gets the bar (the kiosk page loads in the same tab). */
  kioskOrigin: string;
  heightPx: number;
  fontPx: number;
  /**
   * `dir` lays the bar out right to left in Arabic: "back" on the right, its arrow pointing right.
   * `agent` holds `{name}`, the agent's name.
   */
  text: {
    back: string; end: string; label: string; lang: string; dir: 'ltr' | 'rtl'; stillHere: string; seconds: string;
    help: string; helpComing: string; agent: string; reclaim: string;
  };
  colours: { bar: string; text: string; button: string; buttonText: string; focus: string };
}

/**
 * What the host shows in the bar while a site is open: the inactivity countdown (null: none) and, in
 * assisted mode, who has the hand (null: the profile has no assisted mode, so no help button either).
 */
export interface SiteBarState {
  secondsLeft: number | null;
  hand: { hand: 'citizen' | 'agent'; agentName: string | null; helpAsked: boolean } | null;
}

export function installSiteBar(config: SiteBarConfig): void {
  if (window.top !== window || !/^https?:$/.test(location.protocol) || location.origin === config.kioskOrigin) return;
  const signal = (globalThis as unknown as Record<string, unknown>)[config.binding];
  if (typeof signal !== 'function') return;
  type Signal = 'back' | 'end' | 'activity' | 'help' | 'reclaim' | 'ready';
  const send = (what: Signal) => (signal as (payload: string) => void)(what);

  const { colours, text, heightPx, fontPx } = config;
  const host = document.createElement('div');
  const hostStyle = `all:initial;position:fixed;inset:0 0 auto 0;width:100vw;height:${heightPx}px;margin:0;padding:0;border:0;`
    + `overflow:hidden;display:block;background:${colours.bar};opacity:1;visibility:visible;transform:none;filter:none;clip-path:none;`;
  const shadow = host.attachShadow({ mode: 'closed' });
  shadow.innerHTML = `<style>
    nav { box-sizing: border-box; height: ${heightPx}px; display: flex; align-items: center; gap: 24px; padding: 0 24px;
      background: ${colours.bar}; color: ${colours.text}; font: 600 ${fontPx}px/1.2 system-ui, sans-serif; }
    nav:lang(ar) { font-family: 'Noto Sans Arabic UI', 'Noto Sans Arabic', system-ui, sans-serif; }
    span { flex: 1; text-align: center; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; font-weight: 400; }
    button { min-height: max(48px, 2.2em); min-width: max(160px, 7em); padding: 0 1em; border: 0; border-radius: 8px; cursor: pointer;
      background: ${colours.button}; color: ${colours.buttonText}; font: inherit; }
    button:focus-visible { outline: 4px solid ${colours.focus}; outline-offset: 2px; }
    button[hidden] { display: none; }
  </style><nav lang="${text.lang}" dir="${text.dir}" aria-label="${text.label}">`
    + `<button type="button" data-signal="back">${text.dir === 'rtl' ? '→' : '←'} ${text.back}</button>`
    + '<span></span><button type="button" data-signal="help" hidden></button>'
    + `<button type="button" data-signal="end">${text.end}</button></nav>`;
  const middle = shadow.querySelector('span')!;
  const assist = shadow.querySelector<HTMLButtonElement>('[data-signal="help"]')!;
  middle.textContent = location.host;
  // The visit's state, drawn here since the kiosk page that would show it is away: the inactivity
  // countdown (any touch on the site answers it, as on the kiosk's own screens) first, then who has the
  // hand. The one assisted-mode button asks for help, or takes the hand back from an agent.
  (globalThis as unknown as Record<string, unknown>)[config.update] = (state: SiteBarState) => {
    const { secondsLeft, hand } = state;
    const counting = typeof secondsLeft === 'number';
    const agentName = hand?.hand === 'agent' ? hand.agentName ?? '' : null;
    middle.textContent = counting ? `${text.stillHere} ${secondsLeft} ${text.seconds}`
      : agentName !== null ? text.agent.replace('{name}', agentName)
        : hand?.helpAsked ? text.helpComing : location.host;
    middle.style.color = counting ? colours.focus : '';
    middle.style.fontWeight = counting || hand?.hand === 'agent' || hand?.helpAsked ? '700' : '';
    middle.setAttribute('role', counting ? 'alert' : hand ? 'status' : 'none');
    assist.hidden = !hand || (hand.hand === 'citizen' && hand.helpAsked);
    assist.dataset.signal = agentName !== null ? 'reclaim' : 'help';
    assist.textContent = agentName !== null ? text.reclaim : text.help;
  };
  const buttons = Array.from(shadow.querySelectorAll('button'));
  const signalOf = (button: HTMLButtonElement | null | undefined) => {
    const wanted = button && !button.hidden ? button.dataset.signal : undefined;
    return wanted === 'back' || wanted === 'end' || wanted === 'help' || wanted === 'reclaim' ? wanted : null;
  };
  // A key press on a focused button.
  shadow.addEventListener('click', (event) => {
    const wanted = signalOf((event.target as Element).closest('button'));
    if (wanted) send(wanted);
  });
  // A touch, found by where it lands: it works even while a site's modal dialog makes the rest of the
  // page inert, the bar included. Listening first, on the window, the site cannot stop it beforehand.
  window.addEventListener('click', (event) => {
    if (event.detail === 0 || !host.isConnected) return;
    const hit = buttons.find((button) => {
      const box = button.getBoundingClientRect();
      return event.clientX >= box.left && event.clientX <= box.right && event.clientY >= box.top && event.clientY <= box.bottom;
    });
    const wanted = signalOf(hit);
    if (!wanted) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    send(wanted);
  }, true);

  // Puts the bar back as it should be: attached, styled, open in the top layer, above the site's own
  // top-layer elements (a modal dialog, a popover, full screen), and the page pushed down beneath it.
  // `reorder`: the site just put something in the top layer, so the bar goes back on top of it.
  const restore = (reorder: boolean) => {
    const root = document.documentElement;
    if (!root) return;
    if (host.parentNode !== root || host.nextSibling) root.append(host);
    if (host.getAttribute('style') !== hostStyle) host.setAttribute('style', hostStyle);
    if (host.getAttribute('popover') !== 'manual') host.setAttribute('popover', 'manual');
    if (root.style.getPropertyValue('margin-top') !== `${heightPx}px` || root.style.getPropertyPriority('margin-top') !== 'important') {
      root.style.setProperty('margin-top', `${heightPx}px`, 'important');
    }
    // Chromium's PDF viewer is a frame fixed over the whole page, which the margin does not move: its
    // toolbar (pages, zoom) would lie under the bar, out of a finger's reach. A body with layout
    // containment holds fixed elements, so the viewer then fills the body, below the bar. (Not a
    // transform: under one, Chromium routes touches after the first one in the viewer to wrong places.)
    if (document.contentType === 'application/pdf' && document.body && document.body.style.getPropertyValue('contain') !== 'layout') {
      document.body.style.setProperty('contain', 'layout', 'important');
      root.style.setProperty('height', `calc(100% - ${heightPx}px)`, 'important');
    }
    if (!host.matches(':popover-open')) return host.showPopover();
    // Under a modal dialog the bar is inert, so hit testing cannot see it: only the events tell.
    const covered = !document.querySelector(':modal') && document.elementFromPoint(innerWidth / 2, heightPx / 2) !== host;
    if (reorder || covered) {
      // Shown again, it is the last element of the top layer: above all the others.
      host.hidePopover();
      host.showPopover();
    }
  };
  let pending: 'restore' | 'reorder' | null = null;
  const soon = (reorder: boolean) => {
    if (pending === null) setTimeout(() => { const asked = pending; pending = null; restore(asked === 'reorder'); }, 0);
    if (reorder || pending === null) pending = reorder ? 'reorder' : 'restore';
  };
  new MutationObserver((mutations) => {
    // A dialog opening (show, showModal) sets its `open` attribute.
    soon(mutations.some((m) => m.type === 'attributes' && m.attributeName === 'open' && m.target !== host));
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['style', 'popover', 'open', 'class', 'hidden'] });
  // A popover or dialog of the site toggling (popovers set no attribute), full screen, the page loading.
  document.addEventListener('toggle', (event) => { if (event.target !== host) soon(true); }, true);
  document.addEventListener('fullscreenchange', () => soon(true), true);
  for (const event of ['DOMContentLoaded', 'load']) document.addEventListener(event, () => soon(false), true);
  // What no event announces (a site's stylesheet that covers it, say) is caught within a quarter second.
  setInterval(() => restore(false), 250);
  soon(false);

  // The person is busy on the site: the visit's inactivity timer hears of it, once a second at most.
  let lastActivity = 0;
  const active = () => {
    const now = Date.now();
    if (now - lastActivity < 1000) return;
    lastActivity = now;
    send('activity');
  };
  for (const event of ['pointerdown', 'keydown', 'wheel', 'touchstart']) window.addEventListener(event, active, { capture: true, passive: true });
  // Each document of the site gets a new bar: the host answers with the visit's state to draw.
  send('ready');
}
