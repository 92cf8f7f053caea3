/// <reference lib="dom" />
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { RendererEvent } from '../../../../common/bridge';
import type { SessionSnapshot } from '../../../../common/snapshot';
import { EndScreen } from '../../../../renderer/src/screens/EndScreen';
import { attractSnapshot } from '../../../support/renderer-preview/snapshots';
import { linesOf } from '../lines';

const endSnapshot: SessionSnapshot = { ...attractSnapshot, screen: 'end' };

const showEnd = (snapshot = endSnapshot) => {
  const send = vi.fn<(event: RendererEvent) => void>();
  render(<EndScreen snapshot={snapshot} send={send} />);
  return send;
};

describe('EndScreen', () => {
  it('thanks the person, says their information will be erased, and how to leave', () => {
    showEnd();
    expect(linesOf(screen.getByRole('button', { name: /^Merci, à bientôt/ }))).toEqual([
      'Merci, à bientôt', 'Vos informations vont être effacées de la borne.', "Touchez l'écran pour terminer",
    ]);
  });

  it('is dismissed by a touch, which sends END.DISMISS once', async () => {
    const send = showEnd();
    expect(send).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button'));
    expect(send.mock.calls).toEqual([[{ type: 'END.DISMISS' }]]);
  });

  it('speaks English when the visit did', () => {
    showEnd({ ...endSnapshot, language: 'en' });
    expect(linesOf(screen.getByRole('button', { name: /^Thank you, goodbye/ }))).toEqual([
      'Thank you, goodbye', 'Your information will be erased from the kiosk.', 'Touch the screen to finish',
    ]);
  });
});
