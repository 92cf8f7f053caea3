import { fail, ok, type Result } from '../../common/result';

/**
 * Contec CMS50D+ live data, older firmware (reverse-engineered, atbrask/CMS50Dplus): 5-byte frames at
 * about 60 a second. Only byte 0 has bit 7 set, so it is the sync byte:
 *
 *   byte 0  0x80 sync · bits 0–3 signal strength · 0x10 finger out · 0x20 SpO2 dropping · 0x40 beep
 *   byte 1  plethysmogram (0–127)
 *   byte 2  bits 0–3 bar graph · 0x10 probe error · 0x20 searching · 0x40 pulse-rate bit 7
 *   byte 3  pulse rate, low 7 bits
 *   byte 4  SpO2 %
 *
 * `85 32 08 48 62` is pulse 72, SpO2 98.
 */
export interface Cms50dFrame {
  /** Signal strength, 0–15. */
  signal: number;
  fingerOut: boolean;
  spo2Dropping: boolean;
  /** The device beeps on this frame: a pulse beat. */
  beep: boolean;
  /** Plethysmogram sample, 0–127. */
  pleth: number;
  /** Pulse bar graph, 0–15. */
  bar: number;
  probeError: boolean;
  searching: boolean;
  /** Null when the device has no value (it sends 255 while the finger is out or it is searching). */
  pulsePerMinute: number | null;
  /** Null when the device has no value (it sends 127). */
  spo2Percent: number | null;
}

export const CMS50D_FRAME_BYTES = 5;

const SYNC = 0x80;
const LOW_NIBBLE = 0x0f;
const LOW_7_BITS = 0x7f;
const FINGER_OUT = 0x10;
const SPO2_DROPPING = 0x20;
const BEEP = 0x40;
const PROBE_ERROR = 0x10;
const SEARCHING = 0x20;
const PULSE_BIT_7 = 0x40;
/** "No value" on the wire. */
const NO_PULSE = 0xff;
const NO_SPO2 = 0x7f;

/** One sync byte and four data bytes. */
type FrameBytes = [number, number, number, number, number];

function readFrame([b0, b1, b2, b3, b4]: FrameBytes): Cms50dFrame {
  const pulse = ((b2 & PULSE_BIT_7) << 1) | (b3 & LOW_7_BITS);
  return {
    signal: b0 & LOW_NIBBLE,
    fingerOut: (b0 & FINGER_OUT) !== 0,
    spo2Dropping: (b0 & SPO2_DROPPING) !== 0,
    beep: (b0 & BEEP) !== 0,
    pleth: b1 & LOW_7_BITS,
    bar: b2 & LOW_NIBBLE,
    probeError: (b2 & PROBE_ERROR) !== 0,
    searching: (b2 & SEARCHING) !== 0,
    pulsePerMinute: pulse === NO_PULSE ? null : pulse,
    spo2Percent: (b4 & LOW_7_BITS) === NO_SPO2 ? null : b4 & LOW_7_BITS,
  };
}

/**
 * Streaming decoder: feed it chunks split anywhere; each `push` returns the frames completed by that chunk,
 * in order. It holds at most one partial frame (4 bytes), whatever the line sends. A sync byte always starts
 * a frame, so it resynchronises on the next one after any garbage:
 * - a frame cut short by a new sync byte comes back as an error, and the new frame is read;
 * - a run of bytes outside any frame comes back as one error, and is skipped up to the next sync byte.
 * Bytes before the first sync byte after a (re)connection are skipped silently: joining a stream in the
 * middle of a frame is not a fault. Reasons never hold the bytes: a frame carries a measured value.
 */
export class Cms50dDecoder {
  private frame: number[] = [];
  /** Whether a sync byte was seen since the last reset: stray bytes before it are the tail of a frame. */
  private synced = false;
  /** In a run of stray bytes that has already been reported. */
  private skipping = false;

  push(chunk: Uint8Array): Array<Result<Cms50dFrame>> {
    const results: Array<Result<Cms50dFrame>> = [];
    for (const byte of chunk) {
      if (byte & SYNC) {
        if (this.frame.length > 0) {
          results.push(fail(`CMS50D: frame cut short after ${this.frame.length} of ${CMS50D_FRAME_BYTES} bytes`));
        }
        this.frame = [byte];
        this.synced = true;
        this.skipping = false;
      } else if (this.frame.length > 0) {
        this.frame.push(byte);
        if (this.frame.length === CMS50D_FRAME_BYTES) {
          results.push(ok(readFrame(this.frame as FrameBytes)));
          this.frame = [];
        }
      } else if (this.synced && !this.skipping) {
        results.push(fail('CMS50D: bytes outside a frame, skipped up to the next sync byte'));
        this.skipping = true;
      }
    }
    return results;
  }

  /** Forgets a partial frame: call it when the line drops, so that two connections' halves are never joined. */
  reset(): void {
    this.frame = [];
    this.synced = false;
    this.skipping = false;
  }
}

/** What the simulator and tests put on the wire; flags default to off, the waveform fields to 0. */
export type Cms50dFrameInput = Partial<Omit<Cms50dFrame, 'pulsePerMinute' | 'spo2Percent'>>
  & Pick<Cms50dFrame, 'pulsePerMinute' | 'spo2Percent'>;

/** Checks that `value` fits its field: the wire cannot carry more, and a simulator that wraps silently lies. */
function field(name: string, value: number, max: number): number {
  if (!Number.isInteger(value) || value < 0 || value > max) throw new RangeError(`CMS50D ${name} must be 0–${max}`);
  return value;
}

/**
 * Encodes one frame; null values go out as the device's "no value" (255, 127). Throws a RangeError on a
 * value the wire cannot carry (a pulse over 254, an SpO2 over 126): that is a bug in the caller, not a reading.
 */
export function encodeCms50dFrame(input: Cms50dFrameInput): Uint8Array {
  const pulse = input.pulsePerMinute === null ? NO_PULSE : field('pulse', input.pulsePerMinute, NO_PULSE - 1);
  const spo2 = input.spo2Percent === null ? NO_SPO2 : field('SpO2', input.spo2Percent, NO_SPO2 - 1);
  return Uint8Array.of(
    SYNC | field('signal', input.signal ?? 0, LOW_NIBBLE)
      | (input.fingerOut ? FINGER_OUT : 0) | (input.spo2Dropping ? SPO2_DROPPING : 0) | (input.beep ? BEEP : 0),
    field('pleth', input.pleth ?? 0, LOW_7_BITS),
    field('bar', input.bar ?? 0, LOW_NIBBLE)
      | (input.probeError ? PROBE_ERROR : 0) | (input.searching ? SEARCHING : 0) | ((pulse & 0x80) >> 1),
    pulse & LOW_7_BITS,
    spo2,
  );
}
