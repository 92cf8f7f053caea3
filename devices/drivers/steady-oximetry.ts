import type { Oximetry } from '../../common/measurements';
import type { Cms50dFrame } from '../codecs/cms50d';

/** About one second of the CMS50D+'s 60 frames a second: long enough for the values to settle. */
export const STEADY_FRAMES = 60;

/** The pulse wanders by a beat from frame to frame on a still finger; SpO2 does not. */
const PULSE_TOLERANCE = 1;

/** One rule for "the same reading": the same SpO2, and a pulse within ±1 bpm. */
export const sameReading = (a: Oximetry, b: Oximetry): boolean =>
  a.spo2Percent === b.spo2Percent && Math.abs(a.pulsePerMinute - b.pulsePerMinute) <= PULSE_TOLERANCE;

/** The values of a frame the device stands behind, or undefined: finger out, searching, probe error, no value. */
function readingOf(frame: Cms50dFrame): Oximetry | undefined {
  if (frame.fingerOut || frame.searching || frame.probeError) return undefined;
  if (frame.spo2Percent === null || frame.pulsePerMinute === null) return undefined;
  return { spo2Percent: frame.spo2Percent, pulsePerMinute: frame.pulsePerMinute };
}

/**
 * Turns the device's stream into spot readings. A run is consecutive usable frames that are the same reading
 * as the run's first frame (compared to the first, so a slow drift cannot stretch a run). `push` returns the
 * run's first reading once, on the frame that makes the run `steadyFrames` long; any other frame starts a
 * new run. Counting frames rather than time keeps it independent of clocks and of how the bytes were chunked.
 */
export class SteadyOximetry {
  private first: Oximetry | undefined;
  private length = 0;

  constructor(private readonly steadyFrames = STEADY_FRAMES) {}

  push(frame: Cms50dFrame): Oximetry | undefined {
    const reading = readingOf(frame);
    if (!reading) {
      this.reset();
      return undefined;
    }
    if (!this.first || !sameReading(this.first, reading)) {
      this.first = reading;
      this.length = 0;
    }
    this.length += 1;
    return this.length === this.steadyFrames ? this.first : undefined;
  }

  /** Ends the current run: a bad frame or a dropped line breaks steadiness, and `arm` asks for a fresh run. */
  reset(): void {
    this.first = undefined;
    this.length = 0;
  }
}
