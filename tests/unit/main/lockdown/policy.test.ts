import { describe, expect, it } from 'vitest';
import { LockdownConfigSchema } from '../../../../common/lockdown-config';
import { decideNavigation, decideNewWindow, decideSiteOpening, decidePermission, isBlockedShortcut, lockdownPolicy, type KeyPress } from '../../../../main/lockdown/policy';

const policy = lockdownPolicy(LockdownConfigSchema.parse({
  allow: [{ origin: 'https://www.service-public.fr', pathPrefix: '/particuliers' }, { origin: 'https://ants.gouv.fr' }],
  mediaOrigins: ['https://rdv.example.fr'],
}), ['http://127.0.0.1:']);

describe('navigation', () => {
  it.each([
    'http://127.0.0.1:41234/', 'http://127.0.0.1:41234/assets/app.js',
    'https://www.service-public.fr/particuliers', 'https://www.service-public.fr/particuliers/vosdroits/F1234',
    'https://ants.gouv.fr/', 'https://ants.gouv.fr/demarches?x=1#top',
    'blob:https://ants.gouv.fr/0b6e2f5a-93f1-4f0e-a1c3-7d9f',
  ])('allows %s', (url) => {
    expect(decideNavigation(policy, url)).toEqual({ allow: true });
  });

  it.each([
    ['https://www.service-public.fr/professionnels', 'is not on this kiosk\'s list of sites'],
    ['https://www.service-public.fr/particuliersX', 'is not on this kiosk\'s list of sites'], // a prefix is a folder
    ['https://ants.gouv.fr.evil.example/', 'is not on this kiosk\'s list of sites'],
    ['http://ants.gouv.fr/', 'is not on this kiosk\'s list of sites'], // another scheme is another origin
    ['https://user:pass@ants.gouv.fr/', 'credentials in the address'],
    ['file:///etc/passwd', 'the file: scheme is never opened'],
    ['chrome://settings', 'the chrome: scheme is never opened'],
    ['chrome-extension://abc/page.html', 'the chrome-extension: scheme is never opened'],
    ['devtools://devtools/bundled/inspector.html', 'the devtools: scheme is never opened'],
    ['view-source:https://ants.gouv.fr/', 'the view-source: scheme is never opened'],
    ['javascript:alert(1)', 'the javascript: scheme is never opened'],
    ['data:text/html,<h1>hi</h1>', 'the data: scheme is never opened'],
    ['blob:https://evil.example/0b6e2f5a', 'is not on this kiosk\'s list of sites'],
    ['mailto:agent@mairie.fr', 'the mailto: scheme is never opened'],
    ['tel:+33100000000', 'the tel: scheme is never opened'],
    ['intent://scan/#Intent;scheme=zxing;end', 'the intent: scheme is never opened'],
    ['about:config', 'the about: scheme is never opened'],
    ['not a url', 'not a URL'],
    ['http://127.0.0.2:41234/', 'is not on this kiosk\'s list of sites'],
  ])('refuses %s', (url, reason) => {
    const verdict = decideNavigation(policy, url);
    expect(verdict.allow).toBe(false);
    expect(verdict.allow ? '' : verdict.reason).toContain(reason);
  });

  it('opens an allowed new window in the kiosk\'s one view, and no other', () => {
    expect(decideNewWindow(policy, 'https://ants.gouv.fr/rdv')).toBe('same-view');
    expect(decideNewWindow(policy, 'https://evil.example/')).toBe('deny');
  });
});

describe('permissions', () => {
  it('grants the camera and microphone to the media origins only', () => {
    expect(decidePermission(policy, 'https://rdv.example.fr', 'media')).toBe(true);
    expect(decidePermission(policy, 'https://ants.gouv.fr', 'media')).toBe(false);
  });

  it("grants them to a video call's site too, without its origin listed twice", () => {
    const withCall = lockdownPolicy(LockdownConfigSchema.parse({
      allow: [{ origin: 'https://visio.example.fr', label: { fr: 'Visio' }, call: 'appointment' }, { origin: 'https://ants.gouv.fr' }],
      mediaOrigins: ['https://rdv.example.fr', 'https://visio.example.fr'],
    }), []);
    expect(withCall.mediaOrigins).toEqual(['https://rdv.example.fr', 'https://visio.example.fr']);
    expect(decidePermission(withCall, 'https://visio.example.fr', 'media')).toBe(true);
    expect(decidePermission(withCall, 'https://ants.gouv.fr', 'media')).toBe(false);
  });

  it.each(['geolocation', 'notifications', 'clipboard-read', 'midi', 'hid', 'serial', 'usb', 'fullscreen'])('refuses %s to everyone', (permission) => {
    expect(decidePermission(policy, 'https://rdv.example.fr', permission)).toBe(false);
  });
});

describe('shortcuts', () => {
  const press = (key: string, mods: Partial<Omit<KeyPress, 'key'>> = {}): KeyPress =>
    ({ key, control: false, shift: false, alt: false, meta: false, ...mods });

  it.each([
    ...['w', 'n', 't', 'l', 'o', 's', 'p', 'r', 'f', 'h', 'j', 'u', 'q', '+', '-', '0'].map((key) => press(key, { control: true })),
    ...['N', 'I', 'J', 'C', 'B', 'Delete', 'O', 'M'].map((key) => press(key, { control: true, shift: true })),
    ...Array.from({ length: 12 }, (_, i) => press(`F${i + 1}`)),
    press('ArrowLeft', { alt: true }), press('ArrowRight', { alt: true }), press('Home', { alt: true }), press('F4', { alt: true }),
    press('BrowserBack'), press('a', { meta: true }), press('+', { control: true, shift: true }), press('_', { control: true, shift: true }),
  ])('blocks $key (ctrl $control, shift $shift, alt $alt)', (key) => {
    expect(isBlockedShortcut(key)).toBe(true);
  });

  it.each([press('a'), press('A', { shift: true }), press('Enter'), press('Tab'), press('Backspace'), press('c', { control: true }), press('v', { control: true }), press('a', { control: true }), press('é')])(
    'lets typing through: $key (ctrl $control)', (key) => {
      expect(isBlockedShortcut(key)).toBe(false);
    });
});

describe('the profile\'s lockdown section', () => {
  it.each(['https://ants.gouv.fr/rdv', 'https://ants.gouv.fr/', 'ftp://ants.gouv.fr', 'ants.gouv.fr'])('refuses %s as an origin, saying what an origin is', (origin) => {
    const parsed = LockdownConfigSchema.safeParse({ allow: [{ origin }] });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toContain('give an origin: http or https, host and port, no path');
  });

  it('refuses a path prefix that does not start with /', () => {
    expect(LockdownConfigSchema.safeParse({ allow: [{ origin: 'https://ants.gouv.fr', pathPrefix: 'rdv' }] }).success).toBe(false);
  });
});

describe('opening a site from a visit', () => {
  it('allows a page on the list', () => {
    expect(decideSiteOpening(policy, 'https://www.service-public.fr/particuliers/vosdroits/F1234')).toEqual({ allow: true });
  });

  it.each([
    ['https://www.service-public.fr/professionnels', "is not on this kiosk's list of sites"],
    ['http://127.0.0.1:41234/', "the kiosk's own pages are not a site"],
    ['blob:https://ants.gouv.fr/0b6e2f5a', 'the blob: scheme is never opened'],
    ['javascript:alert(1)', 'the javascript: scheme is never opened'],
    ['https://user:pass@ants.gouv.fr/', 'credentials in the address'],
    ['nonsense', 'not a URL'],
  ])('refuses %s', (url, reason) => {
    const verdict = decideSiteOpening(policy, url);
    expect(verdict.allow).toBe(false);
    expect(verdict.allow === false && verdict.reason).toContain(reason);
  });
});
