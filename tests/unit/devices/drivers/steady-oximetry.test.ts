import { describe, expect, it } from 'vitest';
import type { Oximetry } from '../../../../common/measurements';
import type { Cms50dFrame } from '../../../../devices/codecs/cms50d';
import { sameReading, STEADY_FRAMES, SteadyOximetry } from '../../../../devices/drivers/steady-oximetry';

const frame = (spo2Percent: number | null, pulsePerMinute: number | null, flags: Partial<Cms50dFrame> = {}): Cms50dFrame => ({
  signal: 6, fingerOut: false, spo2Dropping: false, beep: false, pleth: 40, bar: 5, probeError: false, searching: false,
  spo2Percent, pulsePerMinute, ...flags,
});
const repeat = <T>(count: number, item: T): T[] => Array.from({ length: count }, () => item);
/** Every reading `push` returned, with the index of the frame that returned it. */
const readings = (tracker: SteadyOximetry, frames: Cms50dFrame[]) =>
  frames.flatMap((f, index) => {
    const reading = tracker.push(f);
    return reading ? [{ index, ...reading }] : [];
  });

describe('SteadyOximetry', () => {
  it('waits for about a second of frames (60 at 60 Hz)', () => {
    expect(STEADY_FRAMES).toBe(60);
  });

  it('returns a reading once, on the frame that makes the run steady, and not again while it lasts', () => {
    expect(readings(new SteadyOximetry(5), repeat(20, frame(97, 74)))).toEqual([{ index: 4, spo2Percent: 97, pulsePerMinute: 74 }]);
  });

  it('lets the pulse wander by one beat around the first frame of the run', () => {
    const frames = [74, 75, 73, 74, 75].map((pulse) => frame(97, pulse));
    expect(readings(new SteadyOximetry(5), frames)).toEqual([{ index: 4, spo2Percent: 97, pulsePerMinute: 74 }]);
  });

  it('starts a new run on a pulse two beats away, so a slow drift never makes a run', () => {
    const drift = [70, 71, 72, 73, 74, 75, 76, 77].map((pulse) => frame(97, pulse));
    expect(readings(new SteadyOximetry(3), drift)).toEqual([]);
    expect(readings(new SteadyOximetry(3), [frame(97, 70), frame(97, 72), frame(97, 72), frame(97, 72)]))
      .toEqual([{ index: 3, spo2Percent: 97, pulsePerMinute: 72 }]);
  });

  it('starts a new run on any change of SpO2', () => {
    const frames = [frame(97, 74), frame(97, 74), frame(96, 74), frame(96, 74), frame(96, 74)];
    expect(readings(new SteadyOximetry(3), frames)).toEqual([{ index: 4, spo2Percent: 96, pulsePerMinute: 74 }]);
  });

  it.each([
    ['finger out', frame(null, null, { fingerOut: true })],
    ['searching', frame(97, 74, { searching: true })],
    ['a probe error', frame(97, 74, { probeError: true })],
    ['no SpO2', frame(null, 74)],
    ['no pulse', frame(97, null)],
  ])('never counts a frame with %s, and it breaks the run', (_label, unusable) => {
    expect(readings(new SteadyOximetry(3), repeat(10, unusable))).toEqual([]);
    expect(readings(new SteadyOximetry(3), [frame(97, 74), frame(97, 74), unusable, frame(97, 74), frame(97, 74)])).toEqual([]);
  });

  it('returns the same reading again after a break: deciding what is new is the driver\'s business', () => {
    const run = repeat(3, frame(97, 74));
    expect(readings(new SteadyOximetry(3), [...run, frame(null, null, { fingerOut: true }), ...run]).map((r) => r.index)).toEqual([2, 6]);
  });

  it('starts afresh after reset', () => {
    const tracker = new SteadyOximetry(3);
    readings(tracker, repeat(2, frame(97, 74)));
    tracker.reset();
    expect(readings(tracker, repeat(3, frame(97, 74)))).toEqual([{ index: 2, spo2Percent: 97, pulsePerMinute: 74 }]);
  });
});

describe('sameReading', () => {
  const at = (spo2Percent: number, pulsePerMinute: number): Oximetry => ({ spo2Percent, pulsePerMinute });
  it('is the same SpO2 and a pulse within ±1 bpm', () => {
    expect(sameReading(at(97, 74), at(97, 75))).toBe(true);
    expect(sameReading(at(97, 74), at(97, 73))).toBe(true);
    expect(sameReading(at(97, 74), at(97, 76))).toBe(false);
    expect(sameReading(at(97, 74), at(98, 74))).toBe(false);
  });
});
