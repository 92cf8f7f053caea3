import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { silentLogger } from '../../../devices/logger';
import { CARD_MODELS } from '../../../devices/simulators/card-models';
import { VirtualCard } from '../../../devices/simulators/virtual-card';
import { freePort, listening } from './tcp-support';

// vpcd's side of the wire, played by the test over loopback: what the card answers, frame by frame.
const frame = (payload: number[]): Buffer => Buffer.from([payload.length >> 8, payload.length & 0xff, ...payload]);
const undo: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const step of undo.splice(0).reverse()) await step();
});

/** A fake vpcd: resolves with the socket of the first card that connects, and collects what it answers. */
async function fakeVpcd(port: number): Promise<{ server: Server; card: Promise<Socket>; replies: () => Promise<Buffer> }> {
  let received = Buffer.alloc(0);
  let wake: () => void = () => {};
  const server = createServer();
  const card = new Promise<Socket>((resolve) => server.once('connection', (socket) => {
    socket.on('data', (chunk) => {
      received = Buffer.concat([received, chunk]);
      wake();
    });
    resolve(socket);
  }));
  await listening(server, port);
  undo.push(() => new Promise((resolve) => server.close(() => resolve())));
  /** The next whole framed reply. */
  const replies = async (): Promise<Buffer> => {
    while (received.length < 2 || received.length < 2 + received.readUInt16BE(0)) await new Promise<void>((resolve) => (wake = resolve));
    const reply = received.subarray(2, 2 + received.readUInt16BE(0));
    received = received.subarray(2 + reply.length);
    return Buffer.from(reply);
  };
  return { server, card, replies };
}

it('answers get-ATR and APDUs framed as vpcd frames them, even split byte by byte, and nothing to power and reset', async () => {
  const port = await freePort();
  const vpcd = await fakeVpcd(port);
  const card = new VirtualCard(CARD_MODELS.identity(), { host: '127.0.0.1', port, logger: silentLogger });
  card.insert();
  undo.push(() => card.remove());
  const socket = await vpcd.card;
  const bytes = Buffer.concat([frame([0x01]), frame([0x02]), frame([0x04]), frame([0x00, 0xa4, 0x04, 0x0c, 0x07, 0xa0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01])]);
  for (const byte of bytes) socket.write(Buffer.from([byte]));
  expect([...await vpcd.replies()]).toEqual([...CARD_MODELS.identity().atr]);
  expect([...await vpcd.replies()]).toEqual([0x90, 0x00]);
  socket.write(frame([0x00, 0xa4, 0x04, 0x0c, 0x05, 0xa0, 0x00, 0x00, 0x00, 0x01]));
  expect([...await vpcd.replies()]).toEqual([0x6a, 0x82]);
});

it('goes in once vpcd listens, when it started before it; removing it closes the connection', async () => {
  const port = await freePort();
  const card = new VirtualCard(CARD_MODELS['health-insurance'](), { host: '127.0.0.1', port, logger: silentLogger, retry: { firstMs: 20, maxMs: 100 } });
  card.insert();
  undo.push(() => card.remove());
  const vpcd = await fakeVpcd(port);
  const socket = await vpcd.card;
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  socket.write(frame([0x04]));
  expect([...await vpcd.replies()]).toEqual([0x3f, 0x65, 0x25, 0x00, 0x22, 0x09, 0x69, 0x90, 0x00]);
  await card.remove();
  await closed;
});
