/// <reference lib="dom" />
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { RendererEvent } from '../../../../common/bridge';
import { AttractScreen } from '../../../../renderer/src/screens/AttractScreen';
import { attractSnapshot } from '../../../support/renderer-preview/snapshots';
import { linesOf } from '../lines';

const showAttract = (snapshot = attractSnapshot) => {
  const send = vi.fn<(event: RendererEvent) => void>();
  render(<AttractScreen snapshot={snapshot} send={send} />);
  return send;
};

describe('AttractScreen', () => {
  it('is one button that welcomes, in French then in the other offered languages', () => {
    showAttract();
    const button = screen.getByRole('button', { name: /^Bienvenue/ });
    expect(linesOf(button)).toEqual(['Bienvenue', "Touchez l'écran pour commencer", 'Touch the screen to start']);
    expect(screen.getAllByRole('button')).toHaveLength(1);
    expect(screen.getByText('Touch the screen to start')).toHaveAttribute('lang', 'en');
  });

  it('starts a visit when touched, and sends nothing before', async () => {
    const send = showAttract();
    expect(send).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button'));
    expect(send.mock.calls).toEqual([[{ type: 'SESSION.START' }]]);
  });

  it('leads in English and repeats in French when English is the default', () => {
    showAttract({ ...attractSnapshot, language: 'en' });
    const button = screen.getByRole('button', { name: /^Welcome/ });
    expect(linesOf(button)).toEqual(['Welcome', 'Touch the screen to start', "Touchez l'écran pour commencer"]);
    expect(screen.getByText("Touchez l'écran pour commencer")).toHaveAttribute('lang', 'fr');
  });

  it('repeats the invitation only in languages this kiosk offers', () => {
    showAttract({ ...attractSnapshot, offeredLanguages: ['fr'] });
    expect(linesOf(screen.getByRole('button', { name: /^Bienvenue/ }))).toEqual(['Bienvenue', "Touchez l'écran pour commencer"]);
    expect(screen.queryByText('Touch the screen to start')).not.toBeInTheDocument();
  });
});
