/// <reference lib="dom" />
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { HandView } from '../../../../common/hand';
import { HandBanner } from '../../../../renderer/src/assist/HandBanner';

const citizen: HandView = { hand: 'citizen', agentName: null, helpAsked: false };
const agent: HandView = { hand: 'agent', agentName: 'Marie', helpAsked: false };

describe('HandBanner', () => {
  it('shows nothing without assisted mode, nor outside a visit', () => {
    const { container, rerender } = render(<HandBanner snapshot={{ assist: null, language: 'fr', screen: 'home' }} send={() => {}} />);
    expect(container).toBeEmptyDOMElement();
    rerender(<HandBanner snapshot={{ assist: citizen, language: 'fr', screen: 'attract' }} send={() => {}} />);
    expect(container).toBeEmptyDOMElement();
  });

  it('tells the citizen they have the hand, and that an agent is coming once they asked', () => {
    const { rerender } = render(<HandBanner snapshot={{ assist: citizen, language: 'fr', screen: 'home' }} send={() => {}} />);
    expect(screen.getByRole('status')).toHaveTextContent('Vous avez la main.');
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    rerender(<HandBanner snapshot={{ assist: { ...citizen, helpAsked: true }, language: 'en', screen: 'guide' }} send={() => {}} />);
    expect(screen.getByRole('status')).toHaveTextContent('You are in control. An agent is coming to help you.');
  });

  it('names the agent who has the hand, and its button takes it back', async () => {
    const send = vi.fn();
    render(<HandBanner snapshot={{ assist: agent, language: 'fr', screen: 'end' }} send={send} />);
    expect(screen.getByRole('status')).toHaveTextContent("Marie, agent d'accueil, a la main.");
    await userEvent.click(screen.getByRole('button', { name: 'Reprendre la main' }));
    expect(send).toHaveBeenCalledWith({ type: 'HAND.RECLAIM' });
  });
});
