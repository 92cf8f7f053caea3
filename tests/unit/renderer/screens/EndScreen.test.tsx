/// <reference lib="dom" />
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { RendererEvent } from '../../../../common/bridge';
import { EndScreen } from '../../../../renderer/src/screens/EndScreen';
import { endRatedSnapshot, endSnapshot } from '../../../support/renderer-preview/snapshots';

const showEnd = (snapshot = endSnapshot) => {
  const send = vi.fn<(event: RendererEvent) => void>();
  render(<EndScreen snapshot={snapshot} send={send} />);
  return send;
};

describe('EndScreen', () => {
  it('thanks the person and says their information will be erased', () => {
    showEnd();
    expect(screen.getByRole('heading', { level: 1, name: 'Merci, à bientôt' })).toBeVisible();
    expect(screen.getByText('Vos informations vont être effacées de la borne.')).toBeVisible();
  });

  it('is dismissed by a touch outside the question, which sends END.DISMISS once', async () => {
    const send = showEnd();
    expect(send).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: "Touchez l'écran pour terminer" }));
    expect(send.mock.calls).toEqual([[{ type: 'END.DISMISS' }]]);
  });

  it('asks one optional question with three answers, each a face and words', () => {
    showEnd();
    expect(screen.getByRole('heading', { level: 2, name: "Comment ça s'est passé ?" })).toBeVisible();
    expect(screen.getByText('Répondre est facultatif.')).toBeVisible();
    expect(['Bien', 'Moyen', 'Pas bien'].map((name) => screen.getByRole('button', { name }))).toHaveLength(3);
  });

  it.each([['Bien', 'good'], ['Moyen', 'neutral'], ['Pas bien', 'bad']] as const)(
    'answering "%s" sends the rating, and does not also leave the screen', async (name, rating) => {
      const send = showEnd();
      await userEvent.click(screen.getByRole('button', { name }));
      expect(send.mock.calls).toEqual([[{ type: 'SATISFACTION.RATE', rating }]]);
    },
  );

  it('thanks for the answer once it is given, and asks no more', async () => {
    const send = showEnd(endRatedSnapshot);
    expect(screen.getByRole('status')).toHaveTextContent('Merci pour votre réponse !');
    expect(screen.queryByRole('button', { name: 'Bien' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: "Touchez l'écran pour terminer" }));
    expect(send.mock.calls).toEqual([[{ type: 'END.DISMISS' }]]);
  });

  it('speaks English when the visit did', async () => {
    const send = showEnd({ ...endSnapshot, language: 'en' });
    expect(screen.getByRole('heading', { level: 1, name: 'Thank you, goodbye' })).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'So-so' }));
    await userEvent.click(screen.getByRole('button', { name: 'Touch the screen to finish' }));
    expect(send.mock.calls).toEqual([[{ type: 'SATISFACTION.RATE', rating: 'neutral' }], [{ type: 'END.DISMISS' }]]);
  });
});
