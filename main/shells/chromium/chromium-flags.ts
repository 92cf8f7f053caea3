export interface ChromiumFlagsInput {
  /**
   * The page `--app` opens. It must be a real URL (with about:blank Chromium opens a tabbed browser,
   * not an app window) and must not hold the launch token, because /proc shows every command line.
   */
  pageUrl: string;
  profileDir: string;
  /** Chromium's sandbox cannot start as root; only then is it turned off. */
  runningAsRoot: boolean;
  /** Test rigs only: also expose the DevTools protocol on 127.0.0.1 at this port (0 picks one). */
  testCdpPort?: number;
  /** `BORNE_CHROMIUM_FLAGS`, space-separated, for test rigs (fake media devices and the like). */
  extraFlags?: string;
}

/** Flags that make a desktop browser a kiosk, each for a reason a visitor or an operator would notice. */
const KIOSK_FLAGS = [
  // Full screen, no tab strip, no address bar, no exit through the browser's own UI.
  '--kiosk',
  // Nothing asks a question on first start or after a crash; no bubble, no bar, no error dialog.
  '--no-first-run',
  '--no-default-browser-check',
  '--noerrdialogs',
  '--disable-session-crashed-bubble',
  '--disable-infobars',
  '--disable-translate',
  // No calls home: kiosks often have no network, and without these Chromium retries forever.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Touch screens: pinching and swiping must not zoom the UI or navigate back.
  '--disable-pinch',
  '--overscroll-history-navigation=0',
  // Voice prompts and the attract loop play without a prior tap.
  '--autoplay-policy=no-user-gesture-required',
  // The pages run off the record: cookies, storage, cache and history stay in memory, and the
  // profile folder (itself in memory) records no URL of a visit.
  '--incognito',
  // Never ask the desktop keyring (there is none on a kiosk, and it would block on a prompt).
  '--password-store=basic',
  // The host drives the browser over fds 3 and 4: no port that other local programs could reach.
  '--remote-debugging-pipe',
] as const;

export function chromiumFlags(input: ChromiumFlagsInput): string[] {
  const flags: string[] = [...KIOSK_FLAGS, `--user-data-dir=${input.profileDir}`];
  if (input.runningAsRoot) flags.push('--no-sandbox');
  if (input.testCdpPort !== undefined) {
    flags.push(`--remote-debugging-port=${input.testCdpPort}`, '--remote-debugging-address=127.0.0.1');
  }
  flags.push(...(input.extraFlags ?? '').split(' ').filter((flag) => flag !== ''));
  // --app gives a window without browser UI even if a window manager ignores --kiosk.
  flags.push(`--app=${input.pageUrl}`);
  return flags;
}
