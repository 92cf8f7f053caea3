/// <reference lib="dom" />
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DeviceStatus } from '../../../../common/devices';
import type { Language } from '../../../../common/language';
import type { MeasurementOf } from '../../../../common/measurements';
import type { Measuring } from '../../../../common/snapshot';
import { DeviceCard } from '../../../../renderer/src/components/DeviceCard';
import { IMPLAUSIBLE_FRAGMENTS, IMPLAUSIBLE_READINGS } from '../../../support/implausible-readings';

const READY: DeviceStatus = { state: 'ready' };
const OFFLINE: DeviceStatus = { state: 'offline', reason: 'serial port /dev/ttyUSB0 closed' };
const ARMPIT: MeasurementOf<'thermometer'> = { kind: 'thermometer', celsius: 37.6, site: 'armpit', takenAt: '2025-03-14T10:21:00' };

function showCard(status: DeviceStatus, reading: MeasurementOf<'thermometer'> | null = null, language: Language = 'fr', measuring: Measuring | null = null) {
  render(<DeviceCard kind="thermometer" status={status} reading={reading ?? undefined} measuring={measuring} language={language} />);
  return screen.getByRole('region', { name: language === 'fr' ? 'Thermomètre' : 'Thermometer' });
}

describe('DeviceCard for a thermometer', () => {
  it('while the thermometer connects, says it is getting ready and asks to wait', () => {
    const card = showCard({ state: 'connecting' });
    expect(card).toHaveClass('device-card--connecting');
    expect(within(card).getByText('En préparation')).toBeVisible();
    expect(within(card).getByText('Le thermomètre se prépare. Merci de patienter.')).toBeVisible();
    expect(card).not.toHaveTextContent('°C');
  });

  it('when ready without a reading, says to take a temperature and where the result will show', () => {
    const card = showCard(READY);
    expect(within(card).getByText('Prêt')).toBeVisible();
    expect(within(card).getByText('Prenez votre température avec le thermomètre.')).toBeVisible();
    expect(within(card).getByText("Le résultat va s'afficher ici.")).toBeVisible();
    expect(card).not.toHaveTextContent('°C');
  });

  it('when offline, says it in words and points to the front desk, and keeps the technical reason from the citizen', () => {
    const card = showCard(OFFLINE);
    expect(card).toHaveClass('device-card--offline');
    expect(within(card).getByText('Indisponible')).toBeVisible();
    expect(within(card).getByText('Le thermomètre ne marche pas pour le moment.')).toBeVisible();
    expect(within(card).getByText("Vous pouvez demander de l'aide à l'accueil.")).toBeVisible();
    // The reason is for the agent (device health) and the logs only.
    expect(card).not.toHaveTextContent('/dev/ttyUSB0');
    expect(card).not.toHaveTextContent("Information pour l'agent");
    expect(within(card).queryByText('Prenez votre température avec le thermomètre.')).not.toBeInTheDocument();
  });

  it('shows a reading in French with a decimal comma and where it was taken, in the live region', () => {
    const card = showCard(READY, ARMPIT);
    const live = card.querySelector('[aria-live="polite"]');
    expect(live).not.toBeNull();
    expect(within(live as HTMLElement).getByText('Votre température')).toBeVisible();
    expect(within(live as HTMLElement).getByText('37,6 °C')).toBeVisible();
    expect(within(live as HTMLElement).getByText('Prise sous le bras')).toBeVisible();
    // The reading replaces the invitation to measure.
    expect(within(card).queryByText('Prenez votre température avec le thermomètre.')).not.toBeInTheDocument();
  });

  it('shows no body-site line when the thermometer did not say where', () => {
    const card = showCard(READY, { ...ARMPIT, site: null });
    expect(within(card).getByText('37,6 °C')).toBeVisible();
    expect(within(card).queryByText(/Prise /)).not.toBeInTheDocument();
  });

  it('keeps a reading on screen after the thermometer goes offline, and says it is offline', () => {
    const card = showCard(OFFLINE, ARMPIT);
    expect(within(card).getByText('37,6 °C')).toBeVisible();
    expect(within(card).getByText('Le thermomètre ne marche pas pour le moment.')).toBeVisible();
  });

  it('speaks English when the snapshot does, with a decimal point', () => {
    const card = showCard(READY, { ...ARMPIT, site: 'tympanum' }, 'en');
    expect(within(card).getByText('Ready')).toBeVisible();
    expect(within(card).getByText('Your temperature')).toBeVisible();
    expect(within(card).getByText('37.6 °C')).toBeVisible();
    expect(within(card).getByText('Taken in the ear')).toBeVisible();
    expect(card).not.toHaveTextContent('37,6');
  });

  it('says it is not available in English too, without the technical reason', () => {
    const card = showCard(OFFLINE, null, 'en');
    expect(within(card).getByText('Not available')).toBeVisible();
    expect(within(card).getByText('The thermometer is not working right now.')).toBeVisible();
    expect(card).not.toHaveTextContent('/dev/ttyUSB0');
    expect(card).not.toHaveTextContent('For staff');
  });

  it.each(IMPLAUSIBLE_READINGS)('shows nothing of an implausible reading ($label °C): as if there were none', ({ celsius }) => {
    const card = showCard(READY, { ...ARMPIT, celsius });
    expect(card).not.toHaveTextContent('°C');
    expect(within(card).queryByText('Votre température')).not.toBeInTheDocument();
    expect(within(card).queryByText('Prise sous le bras')).not.toBeInTheDocument();
    for (const fragment of IMPLAUSIBLE_FRAGMENTS) expect(card.textContent).not.toMatch(fragment);
    expect(within(card).getByText('Prenez votre température avec le thermomètre.')).toBeVisible();
  });

  it('in a measurement step, says the device is getting ready while it is armed', () => {
    const card = showCard(READY, null, 'fr', { kind: 'thermometer', phase: 'arming', failure: null });
    expect(within(card).getByText('Le thermomètre se prépare. Merci de patienter.')).toBeVisible();
  });

  it('in a measurement step that could not arm the device, says so in plain words, without the technical reason', () => {
    const card = showCard(READY, null, 'fr', { kind: 'thermometer', phase: 'failed', failure: 'the thermometer is not ready: unplugged' });
    expect(within(card).getByText('Le thermomètre ne marche pas pour le moment.')).toBeVisible();
    expect(within(card).getByText("Vous pouvez demander de l'aide à l'accueil.")).toBeVisible();
    expect(card).not.toHaveTextContent('unplugged');
  });

  it('in a measurement step waiting for the reading, says it waits and animates the pictogram', () => {
    const card = showCard(READY, null, 'fr', { kind: 'thermometer', phase: 'waiting', failure: null });
    expect(within(card).getByText('Prenez votre température avec le thermomètre.')).toBeVisible();
    expect(within(card).getByText('En attente de la mesure…')).toBeVisible();
    expect(card.querySelector('.device-card__pictogram')).toHaveClass('pictogram--pulse');
  });

  it('on home, with no step under way, neither says it waits nor animates', () => {
    const card = showCard(READY);
    expect(within(card).queryByText('En attente de la mesure…')).not.toBeInTheDocument();
    expect(card.querySelector('.device-card__pictogram')).not.toHaveClass('pictogram--pulse');
  });

  it('hides its pictograms from assistive technologies', () => {
    const card = showCard(READY);
    const pictograms = card.querySelectorAll('svg');
    expect(pictograms.length).toBeGreaterThan(0);
    for (const svg of Array.from(pictograms)) expect(svg).toHaveAttribute('aria-hidden', 'true');
  });
});

describe('DeviceCard for a pulse oximeter', () => {
  const reading: MeasurementOf<'pulseOximeter'> = { kind: 'pulseOximeter', spo2Percent: 97, pulsePerMinute: 72 };
  const show = (measurement: MeasurementOf<'pulseOximeter'> | undefined, language: Language = 'fr') => {
    render(<DeviceCard kind="pulseOximeter" status={READY} reading={measurement} measuring={null} language={language} />);
    return screen.getByRole('region', { name: language === 'fr' ? 'Oxymètre' : 'Pulse oximeter' });
  };

  it('asks for a finger in the clip until there is a reading', () => {
    const card = show(undefined);
    expect(within(card).getByText("Mettez un doigt dans la pince de l'oxymètre. Ne bougez plus.")).toBeVisible();
    expect(card).not.toHaveTextContent('%');
  });

  it('shows the oxygen saturation and the pulse, in each language', () => {
    expect(show(reading)).toHaveTextContent(/Oxygène dans le sang97\s%Pouls : 72 battements par minute/);
  });

  it('shows the oxygen saturation and the pulse in English', () => {
    expect(show(reading, 'en')).toHaveTextContent('Oxygen in the blood97%Pulse: 72 beats a minute');
  });

  it('shows nothing of an implausible reading', () => {
    const card = show({ ...reading, spo2Percent: 20 });
    expect(card).not.toHaveTextContent('%');
    expect(card).not.toHaveTextContent('72');
  });
});
