import type { Language } from '../../../common/language';
import { isPlausible } from '../../../common/plausible-ranges';

/**
 * A reading as people write it in their language: "37,6 °C" in French, "37.6 °C" in English; null for a
 * value no body can have. The host already refuses those (devices/reading-gate.ts); refusing here too
 * means a bug upstream can never print −300 °C, or 8.39e133 °C as 134 digits, on a public screen.
 */
export function formatCelsius(celsius: number, language: Language): string | null {
  if (!isPlausible('bodyTemperature', celsius)) return null;
  const number = new Intl.NumberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  // A plain space keeps the text searchable; CSS keeps number and unit on one line.
  return `${number.format(celsius)} °C`;
}
