/**
 * Keyboard shortcuts a kiosk refuses. Here, in common/, because the renderer stops the ones Chromium
 * lets a page cancel (Ctrl+F, Ctrl+P, Ctrl+S…: keydown's preventDefault), the Electron shell stops them
 * all in before-input-event, and the lockdown policy names them once for both.
 */
/** A key press as both shells see it (Electron's `before-input-event`, a DOM KeyboardEvent). */
export interface KeyPress {
  key: string;
  control: boolean;
  shift: boolean;
  alt: boolean;
  meta: boolean;
}

/**
 * Shortcuts that open, leave, reload, save, print, find, zoom, inspect or switch. The renderer needs
 * none of them; a site in the locked view neither.
 */
const BLOCKED = {
  control: new Set(['w', 'n', 't', 'l', 'o', 's', 'p', 'r', 'f', 'g', 'h', 'j', 'u', 'q', 'd', 'e', 'k', 'tab', 'pageup', 'pagedown', 'f4']),
  controlShift: new Set(['n', 'i', 'j', 'c', 'b', 'delete', 'o', 'm', 't', 'w', 'q', 'r', 'a', 'tab']),
  alt: new Set(['arrowleft', 'arrowright', 'home', 'f4', 'd', 'e', 'f']),
};

const ZOOM_KEYS = new Set(['+', '=', '-', '_', '0']);

export function isBlockedShortcut({ key, control, shift, alt, meta }: KeyPress): boolean {
  const name = key.toLowerCase();
  if (/^f([1-9]|1[0-2])$/.test(name)) return true; // help, reload, full screen, DevTools, caret browsing…
  if (name === 'browserback' || name === 'browserforward' || name === 'browserrefresh' || name === 'browserhome') return true;
  if (meta) return true; // the system's own shortcuts (and Chromium's on a desktop that maps Super)
  // Zoom, with or without Shift: on most layouts + is Shift and =.
  if (control && ZOOM_KEYS.has(name)) return true;
  if (control && shift) return BLOCKED.controlShift.has(name);
  if (control) return BLOCKED.control.has(name);
  if (alt) return BLOCKED.alt.has(name);
  return false;
}
