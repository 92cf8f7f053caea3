/// <reference lib="dom" />
import { cleanup, render, screen, within } from '@testing-library/react';
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

  it('says what a PLX oximeter noticed as its observation, never a diagnosis, and nothing when it noticed nothing', () => {
    const card = show({ ...reading, spo2Percent: 91, flags: ['lowPerfusion', 'sensorDisplaced'] }, 'en');
    expect(Array.from(card.querySelectorAll('.reading__note'), (note) => note.textContent)).toEqual([
      'The pulse oximeter noticed a weak signal from the finger.',
      'The pulse oximeter noticed that the clip was not in the right place.',
    ]);
    expect(card).not.toHaveTextContent(/hypox|low oxygen|normal|danger/i);
    cleanup();
    expect(show({ ...reading, flags: [] }).querySelectorAll('.reading__note')).toHaveLength(0);
  });

  it('shows nothing of an implausible reading', () => {
    const card = show({ ...reading, spo2Percent: 20 });
    expect(card).not.toHaveTextContent('%');
    expect(card).not.toHaveTextContent('72');
  });
});

describe('DeviceCard for a blood-pressure monitor', () => {
  const reading: MeasurementOf<'bloodPressureMonitor'> = {
    kind: 'bloodPressureMonitor', systolicMmHg: 128, diastolicMmHg: 82, meanArterialMmHg: 97, pulsePerMinute: 72, sentIn: 'mmHg', flags: [], takenAt: null,
  };
  const NAMES: Record<Language, string> = { fr: 'Tensiomètre', en: 'Blood pressure monitor', ar: 'جهاز قياس ضغط الدم' };
  const show = (measurement: MeasurementOf<'bloodPressureMonitor'> | undefined, language: Language = 'fr', measuring: Measuring | null = null) => {
    render(<DeviceCard kind="bloodPressureMonitor" status={READY} reading={measurement} measuring={measuring} language={language} />);
    return screen.getByRole('region', { name: NAMES[language] });
  };
  const WAITING: Measuring = { kind: 'bloodPressureMonitor', phase: 'waiting', failure: null };

  it('guides the measurement step by step, in order, and says it waits for the result', () => {
    const card = show(undefined, 'fr', WAITING);
    expect(within(card).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Mettez le brassard sur votre bras gauche, la paume vers le haut, et ne bougez plus.',
      'Appuyez sur le bouton du tensiomètre.',
      'La mesure dure environ une minute : le brassard serre, puis se desserre.',
    ]);
    expect(within(card).getByText('En attente de la mesure…')).toBeVisible();
    expect(card).not.toHaveTextContent('mmHg');
  });

  it.each([
    ['en', 'Put the cuff on your left arm, palm up, and stay still.', 'Waiting for the measurement…'],
    ['ar', 'ضع الكُفّة على ذراعك اليسرى، وراحة يدك إلى الأعلى، ولا تتحرك.', 'في انتظار القياس…'],
  ] as const)('guides the step in %s too', (language, first, waiting) => {
    const card = show(undefined, language, WAITING);
    expect(within(card).getAllByRole('listitem')[0]).toHaveTextContent(first);
    expect(within(card).getByText(waiting)).toBeVisible();
  });

  it('shows the pressures in mmHg and the pulse, nothing more', () => {
    const card = show(reading);
    expect(within(card).getByText('Votre tension')).toBeVisible();
    expect(within(card).getByText('128/82 mmHg')).toBeVisible();
    expect(within(card).getByText('Pouls : 72 battements par minute')).toBeVisible();
    expect(card.querySelectorAll('.reading__note')).toHaveLength(0);
  });

  it('tells an irregular pulse plainly, as what the monitor noticed, and never as a diagnosis', () => {
    const card = show({ ...reading, systolicMmHg: 168, diastolicMmHg: 101, flags: ['irregularPulse'] });
    expect(within(card).getByText('168/101 mmHg')).toBeVisible();
    expect(within(card).getByText('Le tensiomètre a remarqué un pouls irrégulier.')).toBeVisible();
    expect(card).not.toHaveTextContent(/hypertension|arythmie|fibrillation|élevée|normale|danger|urgence/i);
  });

  it('says each thing the monitor noticed, in English', () => {
    const card = show({ ...reading, flags: ['irregularPulse', 'bodyMovement', 'cuffTooLoose', 'improperPosition'] }, 'en');
    expect(Array.from(card.querySelectorAll('.reading__note'), (note) => note.textContent)).toEqual([
      'The monitor noticed an irregular pulse.',
      'The monitor noticed that you moved.',
      'The monitor noticed that the cuff was too loose.',
      'The monitor noticed that the cuff was not in the right place.',
    ]);
    expect(card).not.toHaveTextContent(/hypertension|arrhythmia|high|normal|danger/i);
  });

  it('shows a reading the monitor sent in kPa in whole mmHg, and no pulse line when it sent none', () => {
    const card = show({ ...reading, systolicMmHg: 120.01, diastolicMmHg: 80.26, meanArterialMmHg: 93.76, pulsePerMinute: null, sentIn: 'kPa' }, 'ar');
    expect(within(card).getByText('120/80 mmHg')).toBeVisible();
    expect(card).not.toHaveTextContent('النبض');
  });

  it('shows nothing of an implausible reading', () => {
    const card = show({ ...reading, systolicMmHg: 420, flags: ['irregularPulse'] });
    expect(card).not.toHaveTextContent('mmHg');
    expect(card).not.toHaveTextContent('420');
    expect(card).not.toHaveTextContent('irrégulier');
  });
});

describe('DeviceCard for a scale', () => {
  const reading: MeasurementOf<'scale'> = { kind: 'scale', kilograms: 72.4, sentIn: 'kg', bmi: null, heightMetres: null, takenAt: null };
  const NAMES: Record<Language, string> = { fr: 'Balance', en: 'Scale', ar: 'ميزان الوزن' };
  const show = (measurement: MeasurementOf<'scale'> | undefined, language: Language = 'fr') => {
    render(<DeviceCard kind="scale" status={READY} reading={measurement} measuring={null} language={language} />);
    return screen.getByRole('region', { name: NAMES[language] });
  };

  it.each([
    ['fr', 'Montez sur la balance et ne bougez plus.'],
    ['en', 'Step on the scale and stand still.'],
    ['ar', 'اصعد على الميزان وقف دون حركة.'],
  ] as const)('asks the person to step on the scale and stand still (%s)', (language, words) => {
    expect(within(show(undefined, language)).getByText(words)).toBeVisible();
  });

  it.each([
    ['fr', reading, '72,4 kg'],
    ['en', { ...reading, kilograms: 71.214, sentIn: 'lb' as const }, '71.2 kg'],
    ['ar', reading, '72.4 kg'],
  ] as const)('shows the weight in kilograms, to the tenth (%s)', (language, measurement, weight) => {
    expect(within(show(measurement, language)).getByText(weight)).toBeVisible();
  });

  it('adds the height and the BMI when the scale gave them, without judging them', () => {
    const card = show({ ...reading, bmi: 23.6, heightMetres: 1.752 });
    expect(within(card).getByText('Taille : 1,75 m · IMC : 23,6')).toBeVisible();
    expect(card).not.toHaveTextContent(/surpoids|obésité|maigreur|normal/i);
  });

  it('shows nothing of an implausible weight', () => {
    const card = show({ ...reading, kilograms: 512 });
    expect(card).not.toHaveTextContent('kg');
    expect(card).not.toHaveTextContent('512');
    expect(within(card).getByText('Montez sur la balance et ne bougez plus.')).toBeVisible();
  });
});

describe('DeviceCard when no reading came in time', () => {
  const NO_READING: Measuring = { kind: 'thermometer', phase: 'no-reading', failure: 'the thermometer sent no reading within 60 s' };
  const NAMES: Record<Language, string> = { fr: 'Thermomètre', en: 'Thermometer', ar: 'ميزان الحرارة' };
  const show = (status: DeviceStatus, language: Language, kind: 'thermometer' | 'scale' = 'thermometer') => {
    render(<DeviceCard kind={kind} status={status} reading={undefined} measuring={{ ...NO_READING, kind }} language={language} />);
    return screen.getByRole('region', { name: kind === 'scale' ? 'Balance' : NAMES[language] });
  };

  it.each([
    ['fr', "Le thermomètre n'a pas donné de mesure.", "Vérifiez qu'il est allumé, puis réessayez."],
    ['en', 'No reading came from the thermometer.', 'Check it is switched on and try again.'],
    ['ar', 'لم يصل أي قياس من ميزان الحرارة.', 'تأكد من أنه مُشغَّل، ثم حاول مرة أخرى.'],
  ] as const)('says so in plain words in %s, and what to check, without the technical reason', (language, said, help) => {
    const card = show(READY, language);
    expect(within(card).getByText(said)).toBeVisible();
    expect(within(card).getByText(help)).toBeVisible();
    expect(card).not.toHaveTextContent('60 s');
    // It no longer waits: neither the words nor the breathing pictogram.
    expect(card).not.toHaveTextContent(/En attente|Waiting|انتظار القياس/);
    expect(card.querySelector('.device-card__pictogram')).not.toHaveClass('pictogram--pulse');
  });

  it('speaks of each device as French grammar wants it: the scale is feminine', () => {
    const card = show(READY, 'fr', 'scale');
    expect(within(card).getByText("La balance n'a pas donné de mesure.")).toBeVisible();
    expect(within(card).getByText("Vérifiez qu'elle est allumée, puis réessayez.")).toBeVisible();
  });

  it('says the device is not working when it has since gone offline: that is the better reason', () => {
    const card = show(OFFLINE, 'fr');
    expect(within(card).getByText('Le thermomètre ne marche pas pour le moment.')).toBeVisible();
    expect(within(card).queryByText("Le thermomètre n'a pas donné de mesure.")).not.toBeInTheDocument();
  });
});
