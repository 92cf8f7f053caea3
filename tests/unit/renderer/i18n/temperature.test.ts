import { describe, expect, it } from 'vitest';
import { formatCelsius } from '../../../../renderer/src/i18n/temperature';

describe('formatCelsius', () => {
  it('writes a decimal comma in French and a decimal point in English', () => {
    expect(formatCelsius(37.6, 'fr')).toBe('37,6 °C');
    expect(formatCelsius(37.6, 'en')).toBe('37.6 °C');
  });

  it('always shows one decimal, as thermometers do', () => {
    expect(formatCelsius(37, 'fr')).toBe('37,0 °C');
    expect(formatCelsius(36.849, 'en')).toBe('36.8 °C');
    expect(formatCelsius(38.96, 'fr')).toBe('39,0 °C');
  });

  it('keeps a minus sign for cold readings', () => {
    expect(formatCelsius(-0.5, 'en')).toBe('-0.5 °C');
  });
});
