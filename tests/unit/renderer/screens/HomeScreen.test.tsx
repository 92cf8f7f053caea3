/// <reference lib="dom" />
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { RendererEvent } from '../../../../common/bridge';
import type { SessionSnapshot } from '../../../../common/snapshot';
import { HomeScreen } from '../../../../renderer/src/screens/HomeScreen';
import { homeThermometerOfflineSnapshot, homeWithReadingSnapshot, homeWithSitesSnapshot } from '../../../support/renderer-preview/snapshots';

const homeWaiting: SessionSnapshot = { ...homeWithReadingSnapshot, measurements: {} };
const thermometerOnly: SessionSnapshot = { ...homeWaiting, devices: { thermometer: { state: 'ready' } } };

const showHome = (snapshot: SessionSnapshot) => {
  const send = vi.fn<(event: RendererEvent) => void>();
  render(<HomeScreen snapshot={snapshot} send={send} />);
  return send;
};

describe('HomeScreen', () => {
  it('greets the person and shows one card per device of this kiosk, in a fixed order', () => {
    showHome(homeWaiting);
    expect(screen.getByRole('heading', { level: 1, name: 'Bonjour !' })).toBeVisible();
    expect(screen.getByText('Vous pouvez prendre vos mesures avec les appareils.')).toBeVisible();
    expect(screen.getAllByRole('region').map((region) => region.getAttribute('data-device'))).toEqual(['thermometer', 'pulseOximeter']);
  });

  it('starts a measurement step with the device the person chose', async () => {
    const send = showHome(homeWaiting);
    await userEvent.click(screen.getByRole('button', { name: 'Mesurer mon oxygène' }));
    await userEvent.click(screen.getByRole('button', { name: 'Prendre ma température' }));
    expect(send.mock.calls).toEqual([[{ type: 'MEASURE.START', kind: 'pulseOximeter' }], [{ type: 'MEASURE.START', kind: 'thermometer' }]]);
  });

  it("offers the profile's official sites as tiles in the visit's language, and opens the one chosen", async () => {
    const send = showHome({ ...homeWithSitesSnapshot, language: 'en' });
    const sites = screen.getByRole('navigation', { name: 'Official websites' });
    expect(sites).toHaveTextContent('Public Service (France)www.service-public.fr');
    await userEvent.click(screen.getByRole('button', { name: /Health Insurance/ }));
    expect(send.mock.calls).toEqual([[{ type: 'SITE.OPEN', url: 'https://www.ameli.fr/' }]]);
  });

  it('shows no site list when the profile offers none', () => {
    showHome(homeWaiting);
    expect(screen.queryByRole('navigation')).toBeNull();
  });

  it('shows the readings of this visit in their cards', () => {
    showHome(homeWithReadingSnapshot);
    expect(screen.getByRole('region', { name: 'Thermomètre' })).toHaveTextContent('37,6 °C');
    expect(screen.getByRole('region', { name: 'Oxymètre' })).toHaveTextContent('97');
  });

  it('offers no measurement with an offline device, and the card says what to do', () => {
    showHome(homeThermometerOfflineSnapshot);
    expect(screen.queryByRole('button', { name: 'Prendre ma température' })).not.toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Thermomètre' })).toHaveTextContent('Le thermomètre ne marche pas pour le moment.');
  });

  it('does not invite measurements when every device is offline', () => {
    showHome({ ...homeThermometerOfflineSnapshot, devices: { thermometer: { state: 'offline', reason: 'gone' } } });
    expect(screen.queryByText('Vous pouvez prendre vos mesures avec les appareils.')).not.toBeInTheDocument();
  });

  it('shows no device, and invites no measurement, on a kiosk without one', () => {
    showHome({ ...homeWithReadingSnapshot, devices: {} });
    expect(screen.queryByRole('region')).not.toBeInTheDocument();
    expect(screen.queryByText('Vous pouvez prendre vos mesures avec les appareils.')).not.toBeInTheDocument();
    expect(document.body).not.toHaveTextContent('°C');
  });

  it('finishes the visit from its "I am done" button', async () => {
    const send = showHome(thermometerOnly);
    expect(screen.getAllByRole('button')).toHaveLength(3);
    await userEvent.click(screen.getByRole('button', { name: "J'ai terminé" }));
    expect(send.mock.calls).toEqual([[{ type: 'VISIT.FINISH' }]]);
  });

  it('asks for help from its "ask for help" button', async () => {
    const send = showHome(thermometerOnly);
    await userEvent.click(screen.getByRole('button', { name: "Demander de l'aide" }));
    expect(send.mock.calls).toEqual([[{ type: 'HELP.ASK' }]]);
  });

  it('speaks English when the visit does', async () => {
    const send = showHome({ ...homeWithReadingSnapshot, language: 'en' });
    expect(screen.getByRole('heading', { level: 1, name: 'Hello!' })).toBeVisible();
    expect(screen.getByRole('region', { name: 'Thermometer' })).toHaveTextContent('37.6 °C');
    await userEvent.click(screen.getByRole('button', { name: 'Take my temperature' }));
    expect(send.mock.calls).toEqual([[{ type: 'MEASURE.START', kind: 'thermometer' }]]);
  });
});
