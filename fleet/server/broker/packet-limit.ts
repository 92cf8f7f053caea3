import { Duplex } from 'node:stream';
import type { Socket } from 'node:net';

/**
 * Puts a size limit in front of the broker: aedes's parser would buffer a packet of any announced size
 * (up to 256 MB in MQTT) before looking at it. This reads each packet's fixed header as bytes arrive and
 * closes the connection as soon as one announces more than `maxBytes`, before its body is buffered.
 */
export function limitPacketSize(socket: Socket, maxBytes: number): Duplex {
  const framing = new Framing(maxBytes);
  const stream = new Duplex({
    read() {
      socket.resume();
    },
    write(chunk: Buffer, _encoding, done) {
      if (socket.destroyed) return done();
      socket.write(chunk, () => done());
    },
    final(done) {
      socket.end();
      done();
    },
    destroy(error, done) {
      socket.destroy();
      done(error);
    },
  });
  socket.on('data', (chunk: Buffer) => {
    if (!framing.accept(chunk)) {
      socket.destroy();
      stream.destroy();
      return;
    }
    if (!stream.push(chunk)) socket.pause();
  });
  socket.on('end', () => stream.push(null));
  socket.on('error', () => stream.destroy());
  socket.on('close', () => stream.destroy());
  return stream;
}

/** MQTT framing: one header byte, a variable-length "remaining length" (1 to 4 bytes), then that many bytes. */
class Framing {
  private phase: 'header' | 'length' | 'body' = 'header';
  private length = 0;
  private multiplier = 1;
  private left = 0;

  constructor(private readonly maxBytes: number) {}

  /** False as soon as a packet is too big or its length is malformed. */
  accept(chunk: Buffer): boolean {
    let at = 0;
    while (at < chunk.length) {
      if (this.phase === 'body') {
        const take = Math.min(this.left, chunk.length - at);
        this.left -= take;
        at += take;
        if (this.left === 0) this.phase = 'header';
        continue;
      }
      const byte = chunk[at++]!;
      if (this.phase === 'header') {
        this.phase = 'length';
        this.length = 0;
        this.multiplier = 1;
        continue;
      }
      this.length += (byte & 0x7f) * this.multiplier;
      this.multiplier *= 128;
      if (this.length > this.maxBytes || this.multiplier > 128 ** 4) return false;
      if ((byte & 0x80) === 0) {
        this.left = this.length;
        this.phase = this.left === 0 ? 'header' : 'body';
      }
    }
    return true;
  }
}
