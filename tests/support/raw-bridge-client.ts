import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';

/**
 * A bridge client as an attacker on the same machine writes it: a bare TCP socket that speaks just
 * enough WebSocket to get in (RFC 6455 handshake, masked client frames), then writes as fast as the
 * kernel takes it and never reads a byte of what the host sends back.
 */
export interface RawBridgeClient {
  socket: Socket;
  /** Queues one masked text frame; false when the kernel buffer is full (the caller may wait for drain). */
  sendText(text: string): boolean;
  /** Resolves with the close code the host sent, or null when it dropped the connection without one. */
  closed: Promise<number | null>;
}

export interface RawBridgeTarget {
  /** `http://127.0.0.1:PORT`, the renderer server's origin (and the Origin header it expects). */
  origin: string;
  token: string;
}

/** Opens the socket, completes the handshake, then stops reading. Rejects if the host refuses. */
export function openRawBridgeClient(
  { origin, token }: RawBridgeTarget,
  { read = false, path = `/bridge?token=${encodeURIComponent(token)}`, headers = [] as string[] } = {},
): Promise<RawBridgeClient> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    socket.on('error', () => {}); // the host may reset us; that is an answer, not a test failure
    let closeCode: number | null = null;
    const closed = new Promise<number | null>((done) => socket.once('close', () => done(closeCode)));
    let head = Buffer.alloc(0);
    const onHandshake = (chunk: Buffer) => {
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      socket.off('data', onHandshake);
      const status = head.subarray(0, head.indexOf('\r\n')).toString();
      if (!status.includes(' 101 ')) {
        socket.destroy();
        reject(new Error(`the host refused the handshake: ${status}`));
        return;
      }
      if (read) {
        socket.on('data', (data: Buffer) => {
          // A close frame from the server is unmasked: 0x88, length, then the 2-byte code.
          const at = data.indexOf(0x88);
          if (at >= 0 && data.length >= at + 4) closeCode = data.readUInt16BE(at + 2);
        });
      } else {
        socket.pause(); // from here on, never read: the host's replies pile up on its side, if anywhere
      }
      resolve({ socket, sendText: (text) => socket.write(maskedTextFrame(text)), closed });
    };
    socket.on('data', onHandshake);
    socket.once('connect', () => {
      socket.write([
        `GET ${path} HTTP/1.1`,
        `Host: ${hostname}:${port}`,
        'Upgrade: websocket',
        'Connection: Upgrade',
        `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
        'Sec-WebSocket-Version: 13',
        `Origin: ${origin}`,
        ...headers,
        '', '',
      ].join('\r\n'));
    });
    socket.once('close', () => reject(new Error('the host closed the connection during the handshake')));
  });
}

/** One final, masked text frame (clients must mask, RFC 6455 §5.3). */
export function maskedTextFrame(text: string): Buffer {
  const payload = Buffer.from(text);
  const mask = randomBytes(4);
  const length = payload.length;
  const header = length < 126 ? Buffer.from([0x81, 0x80 | length])
    : length < 65536 ? Buffer.from([0x81, 0x80 | 126, length >> 8, length & 0xff])
      : (() => { const h = Buffer.alloc(10); h[0] = 0x81; h[1] = 0x80 | 127; h.writeBigUInt64BE(BigInt(length), 2); return h; })();
  const masked = Buffer.alloc(length);
  for (let i = 0; i < length; i++) masked[i] = payload[i]! ^ mask[i % 4]!;
  return Buffer.concat([header, mask, masked]);
}
