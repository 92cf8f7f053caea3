/// <reference lib="dom" />
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RendererEvent } from '../../../../common/bridge';
import { AttractScreen, INVITATION_CYCLE_MS } from '../../../../renderer/src/screens/AttractScreen';
import { attractSnapshot } from '../../../support/renderer-preview/snapshots';

const showAttract = (snapshot = attractSnapshot) => {
  const send = vi.fn<(event: RendererEvent) => void>();
  render(<AttractScreen snapshot={snapshot} send={send} />);
  return send;
};
const welcome = () => document.querySelector('.attract__welcome')!;

/** The person's system asks for reduced motion (jsdom has no matchMedia of its own). */
const preferReducedMotion = () => {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: query === '(prefers-reduced-motion: reduce)', media: query,
    addEventListener: () => undefined, removeEventListener: () => undefined,
  }));
};

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('AttractScreen', () => {
  it('is one button, the whole screen, that welcomes in the default language first', () => {
    showAttract();
    expect(screen.getAllByRole('button')).toHaveLength(1);
    expect(welcome()).toHaveAttribute('lang', 'fr');
    expect(welcome()).toHaveTextContent("BienvenueTouchez l'écran pour commencerVos démarches en ligne, pas à pas");
    expect(screen.getByRole('button')).toHaveTextContent(/FrançaisEnglish$/);
  });

  it('starts a visit when touched, and sends nothing before', async () => {
    const send = showAttract();
    expect(send).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button'));
    expect(send.mock.calls).toEqual([[{ type: 'SESSION.START' }]]);
  });

  it('passes the invitation through each offered language in turn, then back to the first', () => {
    vi.useFakeTimers();
    showAttract();
    act(() => vi.advanceTimersByTime(INVITATION_CYCLE_MS));
    expect(welcome()).toHaveAttribute('lang', 'en');
    expect(welcome()).toHaveTextContent('WelcomeTouch the screen to start');
    act(() => vi.advanceTimersByTime(INVITATION_CYCLE_MS));
    expect(welcome()).toHaveAttribute('lang', 'fr');
  });

  it('stays still with reduced motion, and writes the invitation in the other languages underneath', () => {
    preferReducedMotion();
    vi.useFakeTimers();
    showAttract();
    act(() => vi.advanceTimersByTime(INVITATION_CYCLE_MS * 3));
    expect(welcome()).toHaveAttribute('lang', 'fr');
    expect(screen.getByText('Touch the screen to start')).toHaveAttribute('lang', 'en');
  });

  it('leads in English when English is the default', () => {
    showAttract({ ...attractSnapshot, language: 'en' });
    expect(welcome()).toHaveAttribute('lang', 'en');
    expect(welcome()).toHaveTextContent(/^Welcome/);
  });

  it('invites only in the languages this kiosk offers, without cycling when there is one', () => {
    vi.useFakeTimers();
    showAttract({ ...attractSnapshot, offeredLanguages: ['fr'] });
    act(() => vi.advanceTimersByTime(INVITATION_CYCLE_MS * 2));
    expect(welcome()).toHaveAttribute('lang', 'fr');
    expect(screen.queryByText('English')).not.toBeInTheDocument();
    expect(screen.queryByText('Touch the screen to start')).not.toBeInTheDocument();
  });
});
