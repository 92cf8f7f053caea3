/// <reference lib="dom" />
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { RendererEvent } from '../../../../common/bridge';
import { ConsentScreen } from '../../../../renderer/src/screens/ConsentScreen';
import { consentSnapshot } from '../../../support/renderer-preview/snapshots';

const showConsent = (snapshot = consentSnapshot) => {
  const send = vi.fn<(event: RendererEvent) => void>();
  render(<ConsentScreen snapshot={snapshot} send={send} />);
  return send;
};

describe('ConsentScreen', () => {
  it('says plainly that nothing personal is kept and that everything is erased at the end', () => {
    showConsent();
    expect(screen.getByRole('heading', { level: 1, name: 'Avant de commencer' })).toBeVisible();
    expect(screen.getByText('La borne ne garde rien de vous. Tout est effacé à la fin.')).toBeVisible();
    expect(screen.getByText('La borne ne garde pas votre nom, ni vos papiers, ni ce que vous tapez.')).toBeVisible();
  });

  it('goes on with "I understand"', async () => {
    const send = showConsent();
    await userEvent.click(screen.getByRole('button', { name: "J'ai compris" }));
    expect(send.mock.calls).toEqual([[{ type: 'CONSENT.ACCEPT' }]]);
  });

  it('declines with "No thanks", and offers nothing else', async () => {
    const send = showConsent();
    expect(screen.getAllByRole('button')).toHaveLength(2);
    await userEvent.click(screen.getByRole('button', { name: 'Non merci' }));
    expect(send.mock.calls).toEqual([[{ type: 'CONSENT.DECLINE' }]]);
  });

  it('speaks English when the visit does', async () => {
    const send = showConsent({ ...consentSnapshot, language: 'en' });
    expect(screen.getByText('The kiosk keeps nothing about you. Everything is erased at the end.')).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'I understand' }));
    await userEvent.click(screen.getByRole('button', { name: 'No thanks' }));
    expect(send.mock.calls).toEqual([[{ type: 'CONSENT.ACCEPT' }], [{ type: 'CONSENT.DECLINE' }]]);
  });
});
