import { describe, expect, it } from 'vitest';
import { formatCelsius, formatOximetry } from '../../../../renderer/src/i18n/measurement-format';

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

  it('writes the bounds of the plausible range, 30 and 45 °C', () => {
    expect(formatCelsius(30, 'fr')).toBe('30,0 °C');
    expect(formatCelsius(45, 'en')).toBe('45.0 °C');
  });

  it('refuses to write a value no body can have, however it got here', () => {
    for (const celsius of [-300, -0.5, 29.9, 45.1, 99.9, 8.39e133, Number.NaN, Infinity]) {
      expect(formatCelsius(celsius, 'fr')).toBeNull();
    }
  });
});

describe('readings in Arabic', () => {
  it('keep Western digits and a decimal point, as French forms and the devices show them', () => {
    expect(formatCelsius(37.6, 'ar')).toBe('37.6 °C');
    expect(formatOximetry(97, 72, 'ar')?.pulse).toBe('72');
    expect(formatOximetry(97, 72, 'ar')?.spo2.replace(/\p{Cf}/gu, '')).toBe('97%');
  });
});
