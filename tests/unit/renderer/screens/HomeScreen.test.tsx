/// <reference lib="dom" />
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { RendererEvent } from '../../../../common/bridge';
import type { SessionSnapshot } from '../../../../common/snapshot';
import { HomeScreen } from '../../../../renderer/src/screens/HomeScreen';
import { homeThermometerOfflineSnapshot, homeWithReadingSnapshot } from '../../../support/renderer-preview/snapshots';

const homeWaiting: SessionSnapshot = { ...homeWithReadingSnapshot, temperature: null };

const showHome = (snapshot: SessionSnapshot) => {
  const send = vi.fn<(event: RendererEvent) => void>();
  render(<HomeScreen snapshot={snapshot} send={send} />);
  return send;
};

describe('HomeScreen', () => {
  it('greets the person and invites a measurement when the thermometer is ready', () => {
    showHome(homeWaiting);
    expect(screen.getByRole('heading', { level: 1, name: 'Bonjour !' })).toBeVisible();
    expect(screen.getByText('Vous pouvez prendre votre température.')).toBeVisible();
    expect(screen.getByRole('region', { name: 'Thermomètre' })).toHaveTextContent('Prêt');
  });

  it('shows the reading of this visit in the thermometer card', () => {
    showHome(homeWithReadingSnapshot);
    expect(screen.getByRole('region', { name: 'Thermomètre' })).toHaveTextContent('37,6 °C');
  });

  it('does not invite a measurement the kiosk cannot take when the thermometer is offline', () => {
    showHome(homeThermometerOfflineSnapshot);
    expect(screen.queryByText('Vous pouvez prendre votre température.')).not.toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Thermomètre' })).toHaveTextContent('Le thermomètre ne marche pas pour le moment.');
  });

  it('shows no thermometer, and invites no measurement, on a kiosk without one', () => {
    showHome({ ...homeWaiting, devices: {} });
    expect(screen.queryByRole('region')).not.toBeInTheDocument();
    expect(screen.queryByText('Vous pouvez prendre votre température.')).not.toBeInTheDocument();
  });

  it('shows no reading when the kiosk has no thermometer, whatever the snapshot says', () => {
    showHome({ ...homeWithReadingSnapshot, devices: {} });
    expect(document.body).not.toHaveTextContent('°C');
  });

  it('finishes the visit from its "I am done" button, and sends nothing else', async () => {
    const send = showHome(homeWaiting);
    expect(screen.getAllByRole('button')).toHaveLength(1);
    await userEvent.click(screen.getByRole('button', { name: "J'ai terminé" }));
    expect(send.mock.calls).toEqual([[{ type: 'VISIT.FINISH' }]]);
  });

  it('speaks English when the visit does', async () => {
    const send = showHome({ ...homeWithReadingSnapshot, language: 'en' });
    expect(screen.getByRole('heading', { level: 1, name: 'Hello!' })).toBeVisible();
    expect(screen.getByText('You can take your temperature.')).toBeVisible();
    expect(screen.getByRole('region', { name: 'Thermometer' })).toHaveTextContent('37.6 °C');
    await userEvent.click(screen.getByRole('button', { name: "I'm done" }));
    expect(send.mock.calls).toEqual([[{ type: 'VISIT.FINISH' }]]);
  });
});
