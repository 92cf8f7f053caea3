/// <reference lib="dom" />
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { RendererEvent } from '../../../../common/bridge';
import type { SessionSnapshot } from '../../../../common/snapshot';
import { App } from '../../../../renderer/src/App';
import { screenText } from '../../../../renderer/src/access/screenText';
import { KioskContext } from '../../../../renderer/src/bridge/useKiosk';
import { attractSnapshot, homeWithReadingSnapshot } from '../../../support/renderer-preview/snapshots';
import { fakeConnection } from '../fakeConnection';

function showApp(first: SessionSnapshot) {
  const host = fakeConnection(first);
  render(<KioskContext value={host.connection}><App /></KioskContext>);
  return host;
}

const opener = () => screen.getByRole('button', { name: 'Voir et écouter' });

describe('the "see and listen" control', () => {
  it('is on the screens of a visit, not on attract nor the end screen', () => {
    const host = showApp(homeWithReadingSnapshot);
    expect(opener()).toBeVisible();
    host.show({ ...attractSnapshot, screen: 'end' });
    expect(screen.queryByRole('button', { name: 'Voir et écouter' })).toBeNull();
    host.show(attractSnapshot);
    expect(screen.queryByRole('button', { name: 'Voir et écouter' })).toBeNull();
  });

  it('opens a sheet with the visit\'s choices pressed, focused on the text size in force', async () => {
    showApp({ ...homeWithReadingSnapshot, display: { textSize: 150, contrast: 'high' } });
    await userEvent.click(opener());
    const sheet = screen.getByRole('dialog', { name: 'Voir et écouter' });
    expect(within(sheet).getByRole('button', { name: /150 %/ })).toHaveAttribute('aria-pressed', 'true');
    expect(within(sheet).getByRole('button', { name: /100 %/ })).toHaveAttribute('aria-pressed', 'false');
    expect(within(sheet).getByRole('button', { name: 'Fort contraste' })).toHaveAttribute('aria-pressed', 'true');
    expect(within(sheet).getByRole('button', { name: /150 %/ })).toHaveFocus();
    expect(opener()).toHaveAttribute('aria-expanded', 'true');
  });

  it('sends each choice to the host, which decides; the page follows the snapshot', async () => {
    const host = showApp(homeWithReadingSnapshot);
    expect(document.documentElement.dataset).toMatchObject({ textSize: '100', contrast: 'standard' });
    await userEvent.click(opener());
    await userEvent.click(screen.getByRole('button', { name: /200 %/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Fort contraste' }));
    expect(host.sentOf('DISPLAY.SET')).toEqual([
      { type: 'DISPLAY.SET', display: { textSize: 200, contrast: 'standard' } },
      { type: 'DISPLAY.SET', display: { textSize: 100, contrast: 'high' } },
    ]);
    // Nothing changes until the host says so.
    expect(document.documentElement.dataset.textSize).toBe('100');
    host.show({ ...homeWithReadingSnapshot, display: { textSize: 200, contrast: 'high' } });
    expect(document.documentElement.dataset).toMatchObject({ textSize: '200', contrast: 'high' });
    // The next visit's page is standard again as soon as the host's snapshot is.
    host.show(attractSnapshot);
    expect(document.documentElement.dataset).toMatchObject({ textSize: '100', contrast: 'standard' });
  });

  it('closes with Escape or its button, giving the focus back to the opener', async () => {
    showApp(homeWithReadingSnapshot);
    await userEvent.click(opener());
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(opener()).toHaveFocus();
    await userEvent.click(opener());
    await userEvent.click(screen.getByRole('button', { name: 'Fermer' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('reads the screen through the host when the browser has no voice, and says when it cannot', async () => {
    const host = showApp(homeWithReadingSnapshot);
    await userEvent.click(opener());
    await userEvent.click(screen.getByRole('button', { name: "Écouter l'écran" }));
    const [asked] = host.sentOf('SPEECH.SAY');
    expect(asked!.text).toContain('Bonjour !');
    expect(asked!.text).toContain('Prendre ma température.');
    // The sheet is not part of what is read: only the screen.
    expect(asked!.text).not.toContain('Taille du texte');
    expect(screen.getByRole('button', { name: 'Arrêter la lecture' })).toHaveAttribute('data-speech-state', 'speaking');
    host.answerSpeech({ type: 'speech-failed', id: asked!.id, reason: 'espeak-ng could not run' });
    expect(screen.getByRole('status')).toHaveTextContent('La lecture ne marche pas pour le moment.');
  });

  it('stops reading when the screen changes', async () => {
    const host = showApp(homeWithReadingSnapshot);
    await userEvent.click(opener());
    await userEvent.click(screen.getByRole('button', { name: "Écouter l'écran" }));
    host.show({ ...homeWithReadingSnapshot, screen: 'language', catalog: null });
    expect(host.sent.map((e: RendererEvent) => e.type)).toContain('SPEECH.STOP');
  });
});

describe('the text read aloud', () => {
  it('is the screen\'s text in reading order, a pause after each block, pictograms and hidden parts left out', () => {
    const main = document.createElement('main');
    main.innerHTML = '<h1>Bonjour !</h1><svg aria-hidden="true"><text>icon</text></svg><p>Vous pouvez <b>mesurer</b></p>'
      + '<p hidden>secret</p><span aria-hidden="true">A</span><button>Prendre ma température</button>';
    expect(screenText(main)).toBe('Bonjour ! Vous pouvez mesurer. Prendre ma température.');
  });

  it('is cut at a word under the bound', () => {
    const main = document.createElement('main');
    main.innerHTML = `<p>${'mot '.repeat(50)}</p>`;
    const text = screenText(main, 30);
    expect(text.length).toBeLessThanOrEqual(30);
    expect(text.endsWith('mot')).toBe(true);
  });
});
