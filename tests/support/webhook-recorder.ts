import { createServer, type ServerResponse } from 'node:http';

/**
 * A local HTTP server standing in for an alert webhook: it keeps every request's JSON body and
 * answers with `status` (200 unless set), or holds the answer back while `hold` is true.
 */
export async function startWebhookRecorder(options: { status?: number } = {}) {
  const received: unknown[] = [];
  const held: ServerResponse[] = [];
  const recorder = {
    received,
    status: options.status ?? 200,
    hold: false,
    url: '',
    /** Answers every held request with the current status. */
    release() {
      for (const response of held.splice(0)) response.writeHead(recorder.status).end();
    },
    async close() {
      recorder.release();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      received.push({ method: request.method, contentType: request.headers['content-type'], body: JSON.parse(body) as unknown });
      if (recorder.hold) held.push(response);
      else response.writeHead(recorder.status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  recorder.url = `http://127.0.0.1:${(server.address() as { port: number }).port}/hook`;
  return recorder;
}
