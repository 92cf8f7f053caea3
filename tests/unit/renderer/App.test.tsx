/// <reference lib="dom" />
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { isAdminScreen, SCREENS, type SessionSnapshot } from '../../../common/snapshot';
import { App } from '../../../renderer/src/App';
import { KioskContext } from '../../../renderer/src/bridge/useKiosk';
import {
  adminPinSnapshot, attractSnapshot, homeWithReadingSnapshot, idleWarningSnapshot, languageSnapshot, measureWaitingSnapshot, siteOpeningSnapshot, guideSnapshot,
} from '../../support/renderer-preview/snapshots';
import { fakeConnection } from './fakeConnection';

/** The App as main.tsx mounts it (StrictMode included, so a double effect shows up as a double send). */
function showApp(first: SessionSnapshot | null) {
  const host = fakeConnection(first);
  render(
    <StrictMode>
      <KioskContext value={host.connection}>
        <App />
      </KioskContext>
    </StrictMode>,
  );
  return host;
}

const shownScreen = () => screen.getByRole('main', { hidden: true }).dataset.screen;

describe('App', () => {
  it('sends a heartbeat every two seconds while connected, and none while the bridge is down', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const host = showApp(attractSnapshot);
      vi.advanceTimersByTime(6_000);
      expect(host.sentOf('VIEW.ALIVE')).toHaveLength(3);
      host.drop();
      vi.advanceTimersByTime(6_000);
      expect(host.sentOf('VIEW.ALIVE')).toHaveLength(3);
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows "Connexion…" in French until the host sends a snapshot', () => {
    showApp(null);
    expect(shownScreen()).toBe('connecting');
    expect(screen.getByRole('status')).toHaveTextContent('Connexion…');
    expect(document.documentElement).toHaveAttribute('lang', 'fr');
  });

  it.each([['fr', 'ltr'], ['en', 'ltr'], ['ar', 'rtl']] as const)('lays the page out for %s: dir="%s" on <html>, with its lang', (language, dir) => {
    showApp({ ...homeWithReadingSnapshot, language, offeredLanguages: ['fr', 'en', 'ar'] });
    expect(document.documentElement).toHaveAttribute('dir', dir);
    expect(document.documentElement).toHaveAttribute('lang', language);
  });

  it('turns the page back to left to right when the next visit is in French', () => {
    const host = showApp({ ...homeWithReadingSnapshot, language: 'ar', offeredLanguages: ['fr', 'ar'] });
    expect(document.documentElement).toHaveAttribute('dir', 'rtl');
    host.show({ ...attractSnapshot, language: 'fr', offeredLanguages: ['fr', 'ar'] });
    expect(document.documentElement).toHaveAttribute('dir', 'ltr');
  });

  it.each(SCREENS)('shows the %s screen when the snapshot says so, and nothing else decides', (name) => {
    showApp({
      ...attractSnapshot, screen: name, measuring: name === 'measure' ? measureWaitingSnapshot.measuring : null,
      admin: isAdminScreen(name) ? adminPinSnapshot.admin : null,
      site: name === 'site' ? siteOpeningSnapshot.site : null,
      procedure: name === 'guide' ? guideSnapshot.procedure : null,
    });
    expect(shownScreen()).toBe(name);
    expect(screen.getAllByRole('main', { hidden: true })).toHaveLength(1);
  });

  it('follows each new snapshot, and goes back to "Connexion…" when the bridge drops', () => {
    const host = showApp(attractSnapshot);
    host.show(languageSnapshot);
    expect(shownScreen()).toBe('language');
    host.drop();
    expect(shownScreen()).toBe('connecting');
  });

  it("sends the screens' events through the connection", async () => {
    const host = showApp(attractSnapshot);
    await userEvent.click(screen.getByRole('button'));
    host.show(languageSnapshot);
    await userEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(host.sent.filter((event) => event.type !== 'VIEW.PAINTED' && event.type !== 'USER.ACTIVITY')).toEqual([
      { type: 'SESSION.START' },
      { type: 'LANGUAGE.CHOOSE', language: 'en' },
    ]);
  });

  it('reports each screen painted once, and again after a reconnect', async () => {
    const host = showApp(attractSnapshot);
    await waitFor(() => expect(host.sentOf('VIEW.PAINTED')).toEqual([{ type: 'VIEW.PAINTED', screen: 'attract' }]));
    host.show({ ...attractSnapshot, testAutomation: true }); // a new snapshot, the same screen
    host.show(languageSnapshot);
    await waitFor(() => expect(host.sentOf('VIEW.PAINTED')).toHaveLength(2));
    host.drop();
    host.show(languageSnapshot);
    await waitFor(() => expect(host.sentOf('VIEW.PAINTED')).toHaveLength(3));
    expect(host.sentOf('VIEW.PAINTED').map((event) => event.screen)).toEqual(['attract', 'language', 'language']);
  });

  it("sets the page's lang to the visit's language, and back to French without a snapshot", () => {
    const host = showApp(attractSnapshot);
    expect(document.documentElement).toHaveAttribute('lang', 'fr');
    host.show({ ...homeWithReadingSnapshot, language: 'en' });
    expect(document.documentElement).toHaveAttribute('lang', 'en');
    expect(screen.getByRole('heading', { level: 1, name: 'Hello!' })).toBeVisible();
    host.drop();
    expect(document.documentElement).toHaveAttribute('lang', 'fr');
  });

  describe('while the host warns of inactivity', () => {
    it('shows the countdown over the screen and makes everything behind it inert', () => {
      showApp(idleWarningSnapshot);
      const dialog = screen.getByRole('alertdialog', { name: 'Êtes-vous toujours là ?' });
      expect(dialog).toHaveAccessibleDescription(/^12 secondes /);
      const finish = screen.getByRole('button', { name: "J'ai terminé", hidden: true });
      expect(finish.closest('[inert]')).not.toBeNull();
      expect(screen.getByRole('main', { hidden: true }).closest('[inert]')).not.toBeNull();
      expect(dialog.closest('[inert]')).toBeNull();
      expect(within(dialog).getByRole('button', { name: 'Je suis toujours là' })).toHaveFocus();
    });

    it('counts down with each snapshot, and lifts the dialog and the inert screen when the warning ends', () => {
      const host = showApp(idleWarningSnapshot);
      host.show({ ...idleWarningSnapshot, idleWarning: { secondsLeft: 11 } });
      expect(screen.getByRole('alertdialog')).toHaveAccessibleDescription(/^11 secondes /);
      host.show({ ...idleWarningSnapshot, idleWarning: null });
      expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
      expect(document.querySelector('[inert]')).toBeNull();
      expect(screen.getByRole('button', { name: "J'ai terminé" })).toBeVisible();
    });

    it('sends USER.ACTIVITY when "I am still here" is pressed, even without a pointer (switch, screen reader)', () => {
      const host = showApp(idleWarningSnapshot);
      // A click with no pointerdown before it, as assistive technologies send: only the button's own handler sees it.
      fireEvent.click(screen.getByRole('button', { name: 'Je suis toujours là' }));
      expect(host.sentOf('USER.ACTIVITY')).toEqual([{ type: 'USER.ACTIVITY' }]);
    });

    it('sends one USER.ACTIVITY for one tap on the button, not one per DOM event', async () => {
      const host = showApp(idleWarningSnapshot);
      await userEvent.click(screen.getByRole('button', { name: 'Je suis toujours là' }));
      expect(host.sentOf('USER.ACTIVITY')).toHaveLength(1);
      expect(host.sent.filter((event) => event.type !== 'VIEW.PAINTED')).toEqual([{ type: 'USER.ACTIVITY' }]);
    });

    it('keeps the test-mode banner outside the inert part, above the warning', () => {
      showApp({ ...idleWarningSnapshot, testAutomation: true });
      expect(screen.getByRole('note')).toHaveTextContent('Mode test : la borne est pilotable à distance');
      expect(screen.getByRole('note').closest('[inert]')).toBeNull();
    });
  });

  it('reports a touch anywhere during a visit as activity, but not between visits', async () => {
    const host = showApp({ ...attractSnapshot, screen: 'wipe' });
    await userEvent.click(screen.getByRole('status'));
    expect(host.sentOf('USER.ACTIVITY')).toEqual([]);
    host.show({ ...homeWithReadingSnapshot });
    await userEvent.click(screen.getByRole('heading', { level: 1 }));
    expect(host.sentOf('USER.ACTIVITY')).toEqual([{ type: 'USER.ACTIVITY' }]);
  });

  it('shows the test-mode banner on every screen while test automation is on, and only then', () => {
    const host = showApp(attractSnapshot);
    expect(screen.queryByRole('note')).not.toBeInTheDocument();
    host.show({ ...attractSnapshot, testAutomation: true });
    expect(screen.getByRole('note')).toBeVisible();
    host.show({ ...languageSnapshot, language: 'en', testAutomation: true });
    expect(screen.getByRole('note')).toHaveTextContent('Test mode: this kiosk can be remote-controlled');
  });
});
