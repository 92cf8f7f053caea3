import { ok, type Result } from '../../common/result';
import { encodeCms50dFrame, type Cms50dFrameInput } from '../codecs/cms50d';
import type { SerialTransport } from '../transports/serial-transport';
import { openDeviceLine } from './device-line';

export interface LiveOptions {
  spo2: number;
  pulse: number;
  /** Time between frames; the device sends about 60 a second. */
  everyMs?: number;
  /** Frames of "searching" (no values yet) before the reading shows, as when a finger goes in; about half a second by default. */
  searchingFrames?: number;
}

const DEVICE_FRAME_MS = 17;
const FINGER_OUT: Cms50dFrameInput = { fingerOut: true, signal: 0, pulsePerMinute: null, spo2Percent: null };

/** A plausible pleth wave and bar graph for frame `n`: a sharp rise at each beat, then a slow fall, and a beep. */
function waveform(n: number, pulse: number, everyMs: number): Pick<Cms50dFrameInput, 'pleth' | 'bar' | 'beep'> {
  const framesPerBeat = Math.max(2, Math.round(60_000 / pulse / everyMs));
  const phase = (n % framesPerBeat) / framesPerBeat;
  const height = phase < 0.2 ? phase / 0.2 : 1 - (phase - 0.2) / 0.8;
  return { pleth: Math.round(20 + 90 * height), bar: Math.round(15 * height), beep: n % framesPerBeat === 0 };
}

/**
 * A Contec CMS50D+ (older firmware), played from the device side of a pty: 19200 baud 8O1, real 5-byte live
 * frames (devices/codecs/cms50d.ts), so the driver cannot tell it from a device. Like the device, it streams
 * live data without being asked once `startLive` runs; tests also send chosen frames or raw bytes.
 */
export class OximeterSimulator {
  private live: NodeJS.Timeout | undefined;
  private everyMs = DEVICE_FRAME_MS;
  /** What the next live frame carries, given how many frames the stream has sent. */
  private nextFrame: (n: number) => Cms50dFrameInput = () => FINGER_OUT;

  private constructor(private readonly line: SerialTransport) {}

  /** Opens the device side of the line. */
  static async open(path: string, baudRate = 19200): Promise<Result<OximeterSimulator>> {
    const line = await openDeviceLine({ path, baudRate, parity: 'odd' }, 'oximeter');
    return line.ok ? ok(new OximeterSimulator(line.value)) : line;
  }

  /** Sends frames back to back; resolves once they are handed to the pty. Throws a RangeError on a value the wire cannot carry. */
  sendFrames(...frames: Cms50dFrameInput[]): Promise<Result<void>> {
    return this.sendBytes(Uint8Array.from(frames.flatMap((frame) => [...encodeCms50dFrame(frame)])));
  }

  /** Sends raw bytes, for tests that put line noise or a cut frame on the wire. */
  sendBytes(bytes: Uint8Array): Promise<Result<void>> {
    return this.line.write(bytes);
  }

  /**
   * Streams live frames as a finger goes in: `searchingFrames` frames searching, then `spo2` and `pulse` with
   * a pulsing waveform, one frame every `everyMs`. Replaces whatever the stream carried.
   */
  startLive({ spo2, pulse, everyMs = DEVICE_FRAME_MS, searchingFrames = Math.round(500 / everyMs) }: LiveOptions): void {
    encodeCms50dFrame({ pulsePerMinute: pulse, spo2Percent: spo2 }); // a value the wire cannot carry throws here, not in a timer
    this.nextFrame = (n) => ({
      signal: n < searchingFrames ? 2 : 8,
      ...waveform(n, pulse, everyMs),
      ...(n < searchingFrames
        ? { searching: true, pulsePerMinute: null, spo2Percent: null }
        : { pulsePerMinute: pulse, spo2Percent: spo2 }),
    });
    this.stream(everyMs);
  }

  /** The finger comes out: the stream carries "finger out" frames with no values (it starts if it was stopped). */
  fingerOut(): void {
    this.nextFrame = () => FINGER_OUT;
    this.stream(this.everyMs);
  }

  /** Stops streaming; the line stays open. */
  stop(): void {
    clearInterval(this.live);
    this.live = undefined;
  }

  /** Stops streaming and releases the pty. Idempotent. */
  async close(): Promise<void> {
    this.stop();
    await this.line.close();
  }

  private stream(everyMs: number): void {
    this.stop();
    this.everyMs = everyMs;
    let n = 0;
    this.live = setInterval(() => {
      // A frame the line cannot carry is lost, as it would be with a real device.
      void this.line.write(encodeCms50dFrame(this.nextFrame(n++)));
    }, everyMs);
  }
}
