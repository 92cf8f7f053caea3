import { createServer, type Server } from 'node:net';

/** A TCP port on loopback that nothing listens on now (the OS's pick, let go at once). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await listening(server, 0);
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address !== 'object') throw new Error('no port');
  return address.port;
}

/** Resolves once `server` listens on loopback at `port`. */
export function listening(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
}
