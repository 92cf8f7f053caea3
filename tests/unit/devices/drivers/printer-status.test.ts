import { describe, expect, it } from 'vitest';
import type { Result } from '../../../../common/result';
import { StatusReader } from '../../../../devices/drivers/printer-status';
import { MemoryTransport } from '../../../../devices/transports/memory-transport';

/** A line whose far end answers every status request with the byte `answer` gives. */
class AnsweringLine extends MemoryTransport {
  constructor(private readonly answer: () => number) {
    super();
  }

  override async write(bytes: Uint8Array): Promise<Result<void>> {
    const written = await super.write(bytes);
    queueMicrotask(() => this.deviceSends(Uint8Array.of(this.answer())));
    return written;
  }
}

const isStatusByte = (byte: number): boolean => (byte & 0x93) === 0x12;

describe('StatusReader', () => {
  it('reads a printer out of paper and one with its cover open, with what to do', async () => {
    const answers = [0x1a, 0x32, 0x7e, 0x1a, 0x16, 0x12];
    const line = new AnsweringLine(() => answers.shift()!);
    const reader = new StatusReader(line, 1_000, () => {});
    line.on('data', (chunk) => reader.receive(chunk));
    await line.open();
    expect(await reader.read()).toEqual({ ok: true, value: { condition: { paper: 'out', cover: 'closed' }, blocker: 'the printer is out of paper: load a new roll' } });
    expect(await reader.read()).toEqual({ ok: true, value: { condition: { paper: 'ok', cover: 'open' }, blocker: 'the printer cover is open: close it' } });
  });

  it('asks for the error cause only when the printer says it has an error, and names it', async () => {
    const answers = [0x1a, 0x52, 0x12, 0x1a]; // offline; offline cause: error; paper ok; error cause: autocutter
    const line = new AnsweringLine(() => answers.shift()!);
    const reader = new StatusReader(line, 1_000, () => {});
    line.on('data', (chunk) => reader.receive(chunk));
    await line.open();
    expect(await reader.read()).toEqual({ ok: true, value: {
      condition: { paper: 'ok', cover: 'closed' }, blocker: 'the printer cutter is jammed: open the cover, free the paper, close it',
    } });
    expect(line.written.map((bytes) => bytes[2])).toEqual([1, 2, 4, 3]);
  });

  it('reads 20,000 random answers without throwing, counting each one without the fixed bits as malformed, never as a status', async () => {
    let seed = 11;
    const sent: number[] = [];
    const line = new AnsweringLine(() => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      sent.push(seed % 256);
      return seed % 256;
    });
    const malformed: string[] = [];
    const reader = new StatusReader(line, 1_000, (reason) => malformed.push(reason));
    line.on('data', (chunk) => reader.receive(chunk));
    await line.open();
    let rounds = 0;
    while (sent.length < 20_000) {
      const before = sent.length;
      const round = await reader.read();
      const answered = sent.slice(before);
      rounds++;
      expect(round.ok).toBe(answered.every(isStatusByte));
      if (!round.ok) expect(isStatusByte(answered.at(-1)!)).toBe(false);
    }
    expect(malformed).toHaveLength(sent.filter((byte) => !isStatusByte(byte)).length);
    expect(rounds).toBeGreaterThan(1_000);
  });

  it('fails the request under way when the line goes, and says a silent printer does not answer', async () => {
    const line = new MemoryTransport();
    const reader = new StatusReader(line, 20, () => {});
    await line.open();
    expect(await reader.read()).toEqual({ ok: false, error: 'the printer does not answer status requests (nothing within 20 ms): is it an ESC/POS printer, and switched on?' });
    const pending = reader.read();
    reader.abandon('lost 127.0.0.1:9100: the device reset the connection');
    expect(await pending).toEqual({ ok: false, error: 'lost 127.0.0.1:9100: the device reset the connection' });
  });
});
