/// <reference lib="dom" />
/**
 * Borne's on-screen keyboard, as it runs inside an official site's page: in the bar's isolated world,
 * under a closed shadow root, docked at the bottom in the top layer. It comes up when one of the site's
 * text fields has the focus and goes when none has. Its keys never take the focus; each one asks the
 * host, through the bar's binding, to type into the page (`type:<text>`, `erase`), which the host does
 * with the browser's own input events: the site sees a real keyboard, whatever its scripts listen to.
 * The page gets room at its bottom and the field is scrolled above the keyboard: it never covers it.
 * This function is sent to the page as its source text, so it must use nothing from outside its own body.
 */

export interface SiteKeyboardConfig {
  binding: string;
  kioskOrigin: string;
  /** The layouts of common/keyboard-layouts.ts, the visit's first. */
  layouts: { name: string; rows: string[][]; shifted: string[][] | null }[];
  /** `switchTo` holds `{layout}`, the next layout's name. */
  text: { label: string; shift: string; switchTo: string; space: string; erase: string; hide: string; lang: string; dir: 'ltr' | 'rtl' };
  keyPx: number;
  fontPx: number;
  colours: { board: string; key: string; keyText: string; focus: string };
}

export function installSiteKeyboard(config: SiteKeyboardConfig): void {
  if (window.top !== window || !/^https?:$/.test(location.protocol) || location.origin === config.kioskOrigin) return;
  const signal = (globalThis as unknown as Record<string, unknown>)[config.binding];
  if (typeof signal !== 'function') return;
  const send = (payload: string) => (signal as (payload: string) => void)(payload);
  const { colours, text, keyPx, fontPx } = config;

  // What a keyboard types into: editable text (inputs without text, such as dates or colours, have their own pickers).
  const TYPED = new Set(['text', 'search', 'url', 'tel', 'email', 'password', 'number']);
  const typedField = (element: Element | null): HTMLElement | null => {
    if (element instanceof HTMLInputElement) return !element.readOnly && !element.disabled && TYPED.has(element.type) ? element : null;
    if (element instanceof HTMLTextAreaElement) return !element.readOnly && !element.disabled ? element : null;
    return element instanceof HTMLElement && element.isContentEditable ? element : null;
  };
  const focusedField = () => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    return typedField(element);
  };

  const host = document.createElement('div');
  const hostStyle = 'all:initial;position:fixed;inset:auto 0 0 0;width:100vw;height:auto;margin:0;padding:0;border:0;'
    + `display:block;background:${colours.board};opacity:1;visibility:visible;transform:none;filter:none;clip-path:none;`;
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = `<style>
    div[role=group] { box-sizing: border-box; display: flex; flex-direction: column; gap: 8px; padding: 12px;
      background: ${colours.board}; font: 600 ${fontPx}px/1.2 system-ui, sans-serif; }
    div[role=group]:lang(ar) { font-family: 'Noto Sans Arabic UI', 'Noto Sans Arabic', system-ui, sans-serif; }
    .row { display: flex; justify-content: center; gap: 8px; }
    button { min-height: max(48px, ${keyPx}px); min-width: max(48px, ${keyPx}px); padding: 0 0.5em; border: 0; border-radius: 8px;
      background: ${colours.key}; color: ${colours.keyText}; font: inherit; cursor: pointer; }
    button[aria-pressed=true] { outline: 4px solid ${colours.focus}; }
    .wide { min-width: ${keyPx * 3}px; }
    .space { min-width: ${keyPx * 6}px; }
    .erase-sign { display: inline-block; }
    [dir=rtl] .erase-sign { transform: scaleX(-1); }
  </style>`;

  let layout = 0;
  let shift = false;
  let field: HTMLElement | null = null;

  const button = (label: string, action: string, extra = '') => {
    const key = document.createElement('button');
    key.type = 'button';
    key.textContent = label;
    key.dataset.action = action;
    if (extra) key.className = extra;
    return key;
  };
  const draw = () => {
    const current = config.layouts[layout]!;
    const next = config.layouts[(layout + 1) % config.layouts.length]!;
    const board = document.createElement('div');
    board.setAttribute('role', 'group');
    board.setAttribute('aria-label', text.label);
    board.lang = text.lang;
    board.dir = text.dir;
    for (const keys of shift && current.shifted ? current.shifted : current.rows) {
      // Keys sit as on a physical keyboard, left to right in every script.
      const row = document.createElement('div');
      row.className = 'row';
      row.dir = 'ltr';
      for (const key of keys) row.append(button(key, `type:${key}`));
      board.append(row);
    }
    const last = document.createElement('div');
    last.className = 'row';
    if (current.shifted) {
      const shiftKey = button(`⇧ ${text.shift}`, 'shift', 'wide');
      shiftKey.setAttribute('aria-pressed', String(shift));
      last.append(shiftKey);
    }
    const switchKey = button(next.name, 'switch', 'wide');
    switchKey.setAttribute('aria-label', text.switchTo.replace('{layout}', next.name));
    // The erase sign points at the letter it erases: to the left, or to the right in a right-to-left visit.
    const eraseKey = button(` ${text.erase}`, 'erase', 'wide');
    const eraseSign = document.createElement('span');
    eraseSign.className = 'erase-sign';
    eraseSign.textContent = '⌫';
    eraseKey.prepend(eraseSign);
    last.append(switchKey, button(text.space, 'type: ', 'space'), eraseKey, button(text.hide, 'hide', 'wide'));
    board.append(last);
    shadow.innerHTML = style;
    shadow.append(board);
  };

  const act = (action: string) => {
    if (action.startsWith('type:')) {
      send(action);
      if (shift) { shift = false; draw(); }
    } else if (action === 'erase') send('erase');
    else if (action === 'shift') { shift = !shift; draw(); }
    else if (action === 'switch') { layout = (layout + 1) % config.layouts.length; shift = false; draw(); }
    else if (action === 'hide') field?.blur();
  };
  // A key never takes the focus from the field: its press is cancelled before the focus moves.
  for (const type of ['pointerdown', 'mousedown']) shadow.addEventListener(type, (event) => event.preventDefault());
  // A key pressed without a pointer (a screen reader's activation).
  shadow.addEventListener('click', (event) => {
    const action = (event.target as Element).closest('button')?.dataset.action;
    if (action) act(action);
  });
  // A touch, found by where it lands: under a site's modal dialog (a form in a dialog) the rest of the
  // page is inert, the keyboard included, and its presses would go to the dialog's backdrop and blur the
  // field. Listening first, on the window, the site cannot stop it beforehand.
  const keyAt = (event: MouseEvent) => {
    if (!field || !host.isConnected || (event.type === 'click' && event.detail === 0)) return undefined;
    return Array.from(shadow.querySelectorAll('button')).find((key) => {
      const box = key.getBoundingClientRect();
      return event.clientX >= box.left && event.clientX <= box.right && event.clientY >= box.top && event.clientY <= box.bottom;
    });
  };
  for (const type of ['pointerdown', 'mousedown', 'click']) {
    window.addEventListener(type, (event) => {
      const key = keyAt(event as MouseEvent);
      if (!key) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      if (type === 'click' && key.dataset.action) act(key.dataset.action);
    }, true);
  }

  const root = () => document.documentElement;
  // Room at the page's bottom as tall as the keyboard, so the last field can be scrolled above it, and a
  // scroll padding, so that bringing a field into view brings it above the keyboard, not under it.
  const makeRoom = (px: number) => {
    for (const property of ['padding-bottom', 'scroll-padding-bottom']) {
      if (px > 0) root()?.style.setProperty(property, `${px}px`, 'important');
      else root()?.style.removeProperty(property);
    }
  };
  const reveal = () => {
    if (!field) return;
    makeRoom(Math.ceil(host.getBoundingClientRect().height));
    field.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  };
  const show = () => {
    // In the page, but not necessarily its last element: that place is the bar's, which moves there.
    if (host.parentNode !== root()) root()?.append(host);
    if (host.getAttribute('style') !== hostStyle) host.setAttribute('style', hostStyle);
    if (host.getAttribute('popover') !== 'manual') host.setAttribute('popover', 'manual');
    if (!host.matches(':popover-open')) host.showPopover();
    requestAnimationFrame(reveal);
  };
  // Out of the page altogether: its style shows it (display: block), popover or not.
  const hide = () => {
    host.remove();
    makeRoom(0);
  };
  const update = () => {
    const now = focusedField();
    if (now === field) return;
    field = now;
    if (field) {
      layout = 0;
      shift = false;
      draw();
      show();
    } else hide();
  };

  // As on the kiosk's own screens: a press elsewhere (a link, a list) moves the focus at pointerdown, and
  // hiding the keyboard then would move the page under the finger. So the keyboard stays while a press
  // lasts, and follows the focus once the press has made its click.
  let pressing = false;
  const release = () => { pressing = false; setTimeout(update, 0); };
  window.addEventListener('pointerdown', () => { pressing = true; }, { capture: true, passive: true });
  window.addEventListener('pointerup', release, { capture: true, passive: true });
  window.addEventListener('pointercancel', release, { capture: true, passive: true });
  document.addEventListener('focusin', () => { if (!pressing) update(); }, true);
  document.addEventListener('focusout', () => { if (!pressing) setTimeout(update, 0); }, true);
  // Put back on top of the site's own top-layer elements, and back in the page if the site removed it.
  setInterval(() => {
    if (!field) return;
    if (!host.isConnected || !host.matches(':popover-open')) return show();
    const box = host.getBoundingClientRect();
    if (!document.querySelector(':modal') && document.elementFromPoint(innerWidth / 2, box.top + box.height / 2) !== host) {
      host.hidePopover();
      show();
    }
  }, 250);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', update, { once: true });
  else update();
}
