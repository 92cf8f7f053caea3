import { describe, expect, it } from 'vitest';
import { describeRange, isPlausible, PLAUSIBLE_RANGES } from '../../../common/plausible-ranges';
import { ReadingGate } from '../../../devices/reading-gate';
import { recordingLogger } from './recording-logger';
import { refusals } from '../../support/refusals';

describe('plausible ranges', () => {
  it('gives a body temperature 30–45 °C, bounds included', () => {
    expect(PLAUSIBLE_RANGES.bodyTemperature).toEqual({ min: 30, max: 45, unit: '°C' });
    expect(describeRange('bodyTemperature')).toBe('30–45 °C');
    for (const celsius of [30, 37.6, 45]) expect(isPlausible('bodyTemperature', celsius)).toBe(true);
    for (const celsius of [29.99, 45.01, -300, 99.9, 8.39e133]) expect(isPlausible('bodyTemperature', celsius)).toBe(false);
  });

  it('never finds NaN or an infinity plausible', () => {
    for (const value of [Number.NaN, Infinity, -Infinity]) expect(isPlausible('bodyTemperature', value)).toBe(false);
  });
});

describe('ReadingGate', () => {
  it('admits a plausible value silently, and counts and logs each refusal by kind', () => {
    const logger = recordingLogger();
    const gate = new ReadingGate(logger);
    expect(gate.rejectedReadings()).toEqual(refusals());

    expect(gate.admit('thermometer', 'bodyTemperature', 36.9)).toBe(true);
    expect(logger.lines).toEqual([]);
    expect(gate.admit('thermometer', 'bodyTemperature', 99.9)).toBe(false);
    expect(gate.admit('thermometer', 'bodyTemperature', Number.NaN)).toBe(false);

    expect(gate.rejectedReadings()).toEqual(refusals({ bodyTemperature: 2 }));
    expect(logger.at('warn').map((line) => line.obj)).toEqual([
      { device: 'thermometer', kind: 'bodyTemperature', reason: 'outside 30–45 °C' },
      { device: 'thermometer', kind: 'bodyTemperature', reason: 'outside 30–45 °C' },
    ]);
    expect(JSON.stringify(logger.lines)).not.toMatch(/99|NaN/);
  });

  it('hands out a copy of its counters', () => {
    const gate = new ReadingGate(recordingLogger());
    gate.rejectedReadings().bodyTemperature = 7;
    expect(gate.rejectedReadings()).toEqual(refusals());
  });
});
