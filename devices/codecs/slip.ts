import { fail, ok, type Result } from '../../common/result';

/** RFC 1055 SLIP: frames end with END; END and ESC inside a frame are escaped. */
const END = 0xc0;
const ESC = 0xdb;
const ESC_END = 0xdc;
const ESC_ESC = 0xdd;

/**
 * Frames a packet. It also starts with END, as RFC 1055 recommends, so that line noise before it
 * ends up in an empty (dropped) or rejected frame instead of being glued to this one.
 */
export function encodeSlip(packet: Uint8Array): Uint8Array {
  const out: number[] = [END];
  for (const byte of packet) {
    if (byte === END) out.push(ESC, ESC_END);
    else if (byte === ESC) out.push(ESC, ESC_ESC);
    else out.push(byte);
  }
  out.push(END);
  return Uint8Array.from(out);
}

/**
 * Streaming SLIP decoder. Feed it chunks split anywhere; each `push` returns the frames completed by that
 * chunk, in order. A bad escape or a frame longer than `maxFrameBytes` comes back once as an error, and the
 * rest of that frame is skipped up to the next END, where decoding starts afresh. Empty frames are dropped.
 */
export class SlipDecoder {
  private frame: number[] = [];
  private escaping = false;
  private skipping = false;

  constructor(private readonly maxFrameBytes: number) {}

  push(chunk: Uint8Array): Array<Result<Uint8Array>> {
    const results: Array<Result<Uint8Array>> = [];
    for (const byte of chunk) {
      if (byte === END) {
        if (this.escaping) results.push(fail('SLIP: frame ends right after ESC'));
        else if (this.frame.length > 0 && !this.skipping) results.push(ok(Uint8Array.from(this.frame)));
        this.reset();
      } else if (this.skipping) {
        continue;
      } else if (this.escaping) {
        this.escaping = false;
        if (byte === ESC_END) this.append(END, results);
        else if (byte === ESC_ESC) this.append(ESC, results);
        else this.skip(results, `SLIP: ESC followed by 0x${byte.toString(16).padStart(2, '0')}`);
      } else if (byte === ESC) {
        this.escaping = true;
      } else {
        this.append(byte, results);
      }
    }
    return results;
  }

  /** Forgets a partial frame: call it when the line drops, so that two connections' halves are never joined. */
  reset(): void {
    this.frame = [];
    this.escaping = false;
    this.skipping = false;
  }

  private append(byte: number, results: Array<Result<Uint8Array>>): void {
    if (this.frame.length < this.maxFrameBytes) this.frame.push(byte);
    else this.skip(results, `SLIP: frame longer than ${this.maxFrameBytes} bytes`);
  }

  private skip(results: Array<Result<Uint8Array>>, error: string): void {
    results.push(fail(error));
    this.frame = [];
    this.skipping = true;
  }
}
