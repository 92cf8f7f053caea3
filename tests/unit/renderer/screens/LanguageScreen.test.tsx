/// <reference lib="dom" />
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { RendererEvent } from '../../../../common/bridge';
import type { SessionSnapshot } from '../../../../common/snapshot';
import { LanguageScreen } from '../../../../renderer/src/screens/LanguageScreen';
import { languageSnapshot } from '../../../support/renderer-preview/snapshots';

const showLanguages = (snapshot: SessionSnapshot = languageSnapshot) => {
  const send = vi.fn<(event: RendererEvent) => void>();
  render(<LanguageScreen snapshot={snapshot} send={send} />);
  return send;
};

describe('LanguageScreen', () => {
  it('asks for a language in French, and again in each other offered language', () => {
    showLanguages();
    expect(screen.getByRole('heading', { level: 1, name: 'Choisissez votre langue' })).toBeVisible();
    expect(screen.getByText('Choose your language')).toHaveAttribute('lang', 'en');
  });

  it('offers one button per offered language, each named in its own language', () => {
    showLanguages();
    const buttons = screen.getAllByRole('button');
    expect(buttons.map((button) => [button.textContent, button.lang])).toEqual([['Français', 'fr'], ['English', 'en']]);
  });

  it('writes each language in its own direction: Arabic right to left on a French screen', () => {
    showLanguages({ ...languageSnapshot, offeredLanguages: ['fr', 'en', 'ar'] });
    const buttons = screen.getAllByRole('button');
    expect(buttons.map((button) => [button.textContent, button.lang, button.dir])).toEqual([
      ['Français', 'fr', 'ltr'], ['English', 'en', 'ltr'], ['العربية', 'ar', 'rtl'],
    ]);
    expect(screen.getByText('اختر لغتك')).toHaveAttribute('dir', 'rtl');
    expect(screen.getByText('Choose your language')).toHaveAttribute('dir', 'ltr');
  });

  it('sends LANGUAGE.CHOOSE with the language touched, once per touch', async () => {
    const send = showLanguages();
    await userEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(send.mock.calls).toEqual([[{ type: 'LANGUAGE.CHOOSE', language: 'en' }]]);
    await userEvent.click(screen.getByRole('button', { name: 'Français' }));
    expect(send.mock.calls).toEqual([
      [{ type: 'LANGUAGE.CHOOSE', language: 'en' }],
      [{ type: 'LANGUAGE.CHOOSE', language: 'fr' }],
    ]);
  });

  it('offers no button for a language this kiosk does not offer, so nobody can choose it', async () => {
    const send = showLanguages({ ...languageSnapshot, language: 'en', offeredLanguages: ['en'] });
    expect(screen.queryByRole('button', { name: 'Français' })).not.toBeInTheDocument();
    expect(screen.getAllByRole('button')).toHaveLength(1);
    await userEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(send.mock.calls).toEqual([[{ type: 'LANGUAGE.CHOOSE', language: 'en' }]]);
  });

  it('speaks English first when English is the default, and lists the buttons in the offered order', () => {
    showLanguages({ ...languageSnapshot, language: 'en', offeredLanguages: ['en', 'fr'] });
    expect(screen.getByRole('heading', { level: 1, name: 'Choose your language' })).toBeVisible();
    expect(screen.getByText('Choisissez votre langue')).toHaveAttribute('lang', 'fr');
    expect(screen.getAllByRole('button').map((button) => button.textContent)).toEqual(['English', 'Français']);
  });
});
