import { describe, expect, it } from 'vitest';
import { chromiumFlags, type ChromiumFlagsInput } from '../../../../../main/shells/chromium/chromium-flags';

const base: ChromiumFlagsInput = {
  pageUrl: 'http://127.0.0.1:4000/starting',
  profileDir: '/tmp/borne-chromium-1',
  runningAsRoot: false,
};

describe('chromiumFlags', () => {
  it('opens the kiosk page as a kiosk app driven over the DevTools pipe, in its own profile', () => {
    const flags = chromiumFlags(base);
    expect(flags).toEqual(expect.arrayContaining([
      '--kiosk', '--remote-debugging-pipe', '--user-data-dir=/tmp/borne-chromium-1', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--password-store=basic',
    ]));
    // --app with a real URL makes an app window; the token-bearing page is opened later, over the pipe.
    expect(flags.at(-1)).toBe('--app=http://127.0.0.1:4000/starting');
  });

  it('keeps the sandbox unless running as root', () => {
    expect(chromiumFlags(base)).not.toContain('--no-sandbox');
    expect(chromiumFlags({ ...base, runningAsRoot: true })).toContain('--no-sandbox');
  });

  it('opens no DevTools port unless a test port is given, and then only on loopback', () => {
    expect(chromiumFlags(base).some((flag) => flag.startsWith('--remote-debugging-port'))).toBe(false);
    expect(chromiumFlags({ ...base, testCdpPort: 0 })).toEqual(
      expect.arrayContaining(['--remote-debugging-port=0', '--remote-debugging-address=127.0.0.1']),
    );
  });

  it('appends the test rig flags from BORNE_CHROMIUM_FLAGS before the page', () => {
    const flags = chromiumFlags({ ...base, extraFlags: ' --use-fake-device-for-media-stream  --lang=fr ' });
    expect(flags.slice(-3)).toEqual(['--use-fake-device-for-media-stream', '--lang=fr', '--app=http://127.0.0.1:4000/starting']);
  });

  it('never fakes media permission prompts in production', () => {
    expect(chromiumFlags({ ...base, runningAsRoot: true, testCdpPort: 0 })).not.toContain('--use-fake-ui-for-media-stream');
  });
});
