import type { Language } from '../../../common/language';
import type { BloodPressure, Weight } from '../../../common/measurements';
import { isPlausible } from '../../../common/plausible-ranges';

/**
 * Readings as people write them in their language, or null for a value no body can have. The host
 * already refuses those (devices/reading-gate.ts); refusing here too means a bug upstream can never
 * print −300 °C, or 8.39e133 °C as 134 digits, on a public screen.
 */

/**
 * Western digits in Arabic too, as written in France and the Maghreb and on the official sites the
 * visit opens (and as the devices themselves show them), whatever the browser's default for "ar".
 */
const NUMBER_LOCALES: Record<Language, string> = { fr: 'fr', en: 'en', ar: 'ar-u-nu-latn' };

/** "37,6 °C" in French, "37.6 °C" in English and Arabic. */
export function formatCelsius(celsius: number, language: Language): string | null {
  if (!isPlausible('bodyTemperature', celsius)) return null;
  const number = new Intl.NumberFormat(NUMBER_LOCALES[language], { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  // A plain space keeps the text searchable; CSS keeps number and unit on one line.
  return `${number.format(celsius)} °C`;
}

/** "97 %" in French, "97%" in English, and the pulse as a plain number. */
export function formatOximetry(spo2Percent: number, pulsePerMinute: number, language: Language): { spo2: string; pulse: string } | null {
  if (!isPlausible('spo2', spo2Percent) || !isPlausible('pulseRate', pulsePerMinute)) return null;
  const percent = new Intl.NumberFormat(NUMBER_LOCALES[language], { style: 'percent', maximumFractionDigits: 0 });
  return { spo2: percent.format(spo2Percent / 100), pulse: new Intl.NumberFormat(NUMBER_LOCALES[language]).format(pulsePerMinute) };
}

/** "128/82 mmHg" in whole mmHg, as monitors show it, and the pulse as a plain number when the monitor sent one. */
export function formatBloodPressure(reading: BloodPressure, language: Language): { pressure: string; pulse: string | null } | null {
  const { systolicMmHg, diastolicMmHg, meanArterialMmHg, pulsePerMinute } = reading;
  const plausible = isPlausible('systolicPressure', systolicMmHg) && isPlausible('diastolicPressure', diastolicMmHg)
    && isPlausible('meanArterialPressure', meanArterialMmHg) && (pulsePerMinute === null || isPlausible('pulseRate', pulsePerMinute));
  if (!plausible) return null;
  const whole = new Intl.NumberFormat(NUMBER_LOCALES[language], { maximumFractionDigits: 0 });
  return {
    pressure: `${whole.format(systolicMmHg)}/${whole.format(diastolicMmHg)} mmHg`,
    pulse: pulsePerMinute === null ? null : whole.format(pulsePerMinute),
  };
}

/**
 * "72,4 kg" in French, "72.4 kg" in English and Arabic, as scales show it; height ("1,76 m") and BMI ("23,4")
 * when the scale gave plausible ones, otherwise null (the weight still shows).
 */
export function formatWeight(reading: Weight, language: Language): { weight: string; height: string | null; bmi: string | null } | null {
  const { kilograms, heightMetres, bmi } = reading;
  if (!isPlausible('bodyWeight', kilograms)) return null;
  const decimals = (digits: number) => new Intl.NumberFormat(NUMBER_LOCALES[language], { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const bodyMass = heightMetres !== null && bmi !== null && isPlausible('height', heightMetres) && isPlausible('bodyMassIndex', bmi);
  return {
    weight: `${decimals(1).format(kilograms)} kg`,
    height: bodyMass ? `${decimals(2).format(heightMetres)} m` : null,
    bmi: bodyMass ? decimals(1).format(bmi) : null,
  };
}
