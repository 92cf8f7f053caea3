import type { Language } from '../../../common/language';

/** A reading as people write it in their language: "37,6 °C" in French, "37.6 °C" in English. */
export function formatCelsius(celsius: number, language: Language): string {
  const number = new Intl.NumberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  // A plain space keeps the text searchable; CSS keeps number and unit on one line.
  return `${number.format(celsius)} °C`;
}
