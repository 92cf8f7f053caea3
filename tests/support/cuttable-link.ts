import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP relay between a kiosk and its broker that a test can cut, as a minibus driving out of coverage
 * does: `cut()` drops every connection at once (no MQTT goodbye, so the broker publishes the last will)
 * and refuses new ones until `restore()`. Both ends stay up the whole time.
 */
export interface CuttableLink {
  url: string;
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

export async function cuttableLink(target: { host: string; port: number }): Promise<CuttableLink> {
  let open = true;
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const server: Server = createServer((inbound) => {
    track(inbound);
    if (!open) return inbound.destroy();
    const outbound = connect(target.port, target.host);
    track(outbound);
    inbound.pipe(outbound).pipe(inbound);
    inbound.on('close', () => outbound.destroy());
    outbound.on('close', () => inbound.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const cut = () => {
    open = false;
    for (const socket of sockets) socket.destroy();
  };
  return {
    url: `mqtt://127.0.0.1:${port}`,
    cut,
    restore() {
      open = true;
    },
    close() {
      cut();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
