import { describe, expect, it } from 'vitest';
import { parseHostOptions } from '../../../main/host-options';
import { chooseShell } from '../../../main/shells/choose-shell';
import { fail, ok } from '../../../common/result';

describe('parseHostOptions', () => {
  it('defaults to the demo profile and lets Borne choose the shell', () => {
    expect(parseHostOptions([])).toEqual(ok({ profile: 'demo' }));
  });

  it('reads a profile, a shell and a test CDP port', () => {
    expect(parseHostOptions(['--profile', 'mairie', '--shell', 'chromium', '--test-cdp-port', '0']))
      .toEqual(ok({ profile: 'mairie', shell: 'chromium', testCdpPort: 0 }));
  });

  it('reads a fleet address and an enrolment token, keeping the address\'s origin', () => {
    expect(parseHostOptions(['--fleet', 'https://fleet.example.org/', '--enrol', 'tok-123']))
      .toEqual(ok({ profile: 'demo', fleet: 'https://fleet.example.org', enrol: 'tok-123' }));
  });

  it.each([
    [['--shell', 'firefox'], '--shell must be one of electron, chromium'],
    [['--test-cdp-port', 'abc'], '--test-cdp-port must be a port number'],
    [['--kiosk-mode'], "Unknown option '--kiosk-mode'"],
    [['stray'], 'positional argument'],
    [['--fleet', 'fleet.example.org'], '--fleet must be the fleet server\'s address, such as https://fleet.example.org, not "fleet.example.org"'],
    [['--fleet', 'ftp://fleet.example.org'], '--fleet must be an http:// or https:// address'],
    [['--fleet', 'https://root:pw@fleet.example.org'], '--fleet must not carry a user name or password'],
    [['--enrol', 'abc'], '--enrol needs --fleet <url>'],
    [['--fleet', 'https://fleet.example.org', '--enrol', 'a b'], '--enrol must be the token the fleet console showed'],
  ])('refuses %j with a message that says what to change', (argv, message) => {
    const parsed = parseHostOptions(argv);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(message);
  });
});

describe('chooseShell', () => {
  const present = ok('/opt/electron/electron');
  const absent = fail('the Electron binary is not installed (download blocked)');

  it('prefers Electron when its binary is present', () => {
    expect(chooseShell(undefined, present)).toMatchObject(ok({ shell: 'electron', electronBinary: '/opt/electron/electron' }));
  });

  it('falls back to Chromium and says why', () => {
    const choice = chooseShell(undefined, absent);
    expect(choice).toMatchObject(ok({ shell: 'chromium' }));
    if (choice.ok) expect(choice.value.reason).toContain('download blocked');
  });

  it('obeys --shell chromium even when Electron is present', () => {
    expect(chooseShell('chromium', present)).toMatchObject(ok({ shell: 'chromium', reason: 'forced by --shell chromium' }));
  });

  it('refuses --shell electron without its binary rather than silently switching', () => {
    expect(chooseShell('electron', absent)).toEqual(fail(expect.stringContaining('--shell electron is impossible')));
  });
});
