import { execFileSync } from 'node:child_process';

/**
 * The X server's own view of the screen, and real key presses: `xdotool key` goes through XTEST, so
 * Chromium handles it as a keyboard would (its own shortcuts included), which CDP's
 * Input.dispatchKeyEvent never reaches.
 */
export function visibleWindowNames(): string[] {
  return xdotool(['search', '--onlyvisible', '--name', '.'])
    .split('\n').filter(Boolean)
    .map((id) => xdotool(['getwindowname', id]).trim());
}

/** Focuses the window named exactly `name` (there is no window manager to do it) and waits until it has focus. */
export function focusWindow(name: string): void {
  const [id] = xdotool(['search', '--onlyvisible', '--name', `^${name}$`]).split('\n').filter(Boolean);
  if (!id) throw new Error(`no visible window named ${name}; windows: ${visibleWindowNames().join(', ')}`);
  xdotool(['windowfocus', '--sync', id]);
}

/** One key combination as xdotool names it: `ctrl+t`, `ctrl+shift+n`, `alt+F4`, `F12`. */
export function pressKeys(combination: string): void {
  xdotool(['key', '--clearmodifiers', combination]);
}

function xdotool(args: string[]): string {
  try {
    return execFileSync('xdotool', args, { encoding: 'utf8', timeout: 10_000 });
  } catch (error) {
    // `search` exits 1 when it finds nothing: that is an answer, not a failure.
    const { status, stdout } = error as { status?: number; stdout?: string };
    if (args[0] === 'search' && status === 1) return stdout ?? '';
    throw error;
  }
}

/** A press of the X server's pointer at screen coordinates, as a finger on the glass would press. */
export function clickAt(x: number, y: number): void {
  // Not `--sync`: it waits for the pointer to move, forever when it is there already.
  xdotool(['mousemove', String(Math.round(x)), String(Math.round(y)), 'sleep', '0.1', 'click', '1']);
}
