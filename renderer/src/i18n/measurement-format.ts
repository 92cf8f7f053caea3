import type { Language } from '../../../common/language';
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
