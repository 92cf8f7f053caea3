import { describe, expect, it } from 'vitest';
import type { BloodPressure, Weight } from '../../../../common/measurements';
import { formatBloodPressure, formatCelsius, formatOximetry, formatWeight } from '../../../../renderer/src/i18n/measurement-format';

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

describe('formatBloodPressure', () => {
  const reading: BloodPressure = {
    systolicMmHg: 128, diastolicMmHg: 82, meanArterialMmHg: 97, pulsePerMinute: 72, sentIn: 'mmHg', flags: [], takenAt: null,
  };

  it('writes systolic/diastolic in whole mmHg, as monitors show them, and the pulse as a number', () => {
    expect(formatBloodPressure(reading, 'fr')).toEqual({ pressure: '128/82 mmHg', pulse: '72' });
    expect(formatBloodPressure({ ...reading, systolicMmHg: 120.01, diastolicMmHg: 80.26, sentIn: 'kPa' }, 'ar')).toEqual({ pressure: '120/80 mmHg', pulse: '72' });
  });

  it('has no pulse when the monitor sent none', () => {
    expect(formatBloodPressure({ ...reading, pulsePerMinute: null }, 'en')).toEqual({ pressure: '128/82 mmHg', pulse: null });
  });

  it('refuses a reading with any value outside its plausible range', () => {
    for (const wrong of [{ systolicMmHg: 420 }, { diastolicMmHg: 5 }, { meanArterialMmHg: Number.NaN }, { pulsePerMinute: 300 }]) {
      expect(formatBloodPressure({ ...reading, ...wrong }, 'fr')).toBeNull();
    }
  });
});

describe('formatWeight', () => {
  const reading: Weight = { kilograms: 72.4, sentIn: 'kg', bmi: 23.6, heightMetres: 1.752, takenAt: null };

  it('writes kilograms to the tenth, and height and BMI as the language writes decimals', () => {
    expect(formatWeight(reading, 'fr')).toEqual({ weight: '72,4 kg', height: '1,75 m', bmi: '23,6' });
    expect(formatWeight(reading, 'en')).toEqual({ weight: '72.4 kg', height: '1.75 m', bmi: '23.6' });
    expect(formatWeight({ ...reading, bmi: null, heightMetres: null }, 'ar')).toEqual({ weight: '72.4 kg', height: null, bmi: null });
  });

  it('keeps the weight and drops an implausible height or BMI; refuses an implausible weight', () => {
    expect(formatWeight({ ...reading, heightMetres: 3.66 }, 'fr')).toEqual({ weight: '72,4 kg', height: null, bmi: null });
    for (const kilograms of [9.9, 300.5, Number.NaN]) expect(formatWeight({ ...reading, kilograms }, 'fr')).toBeNull();
  });
});
