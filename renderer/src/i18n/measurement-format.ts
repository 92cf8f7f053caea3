import type { Language } from '../../../common/language';
import { isPlausible } from '../../../common/plausible-ranges';

/**
 * Readings as people write them in their language, or null for a value no body can have. The host
 * already refuses those (devices/reading-gate.ts); refusing here too means a bug upstream can never
 * print −300 °C, or 8.39e133 °C as 134 digits, on a public screen.
 */

/** "37,6 °C" in French, "37.6 °C" in English. */
export function formatCelsius(celsius: number, language: Language): string | null {
  if (!isPlausible('bodyTemperature', celsius)) return null;
  const number = new Intl.NumberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  // A plain space keeps the text searchable; CSS keeps number and unit on one line.
  return `${number.format(celsius)} °C`;
}

/** "97 %" in French, "97%" in English, and the pulse as a plain number. */
export function formatOximetry(spo2Percent: number, pulsePerMinute: number, language: Language): { spo2: string; pulse: string } | null {
  if (!isPlausible('spo2', spo2Percent) || !isPlausible('pulseRate', pulsePerMinute)) return null;
  const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 });
  return { spo2: percent.format(spo2Percent / 100), pulse: new Intl.NumberFormat(language).format(pulsePerMinute) };
}
