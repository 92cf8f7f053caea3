import { connect } from 'node:net';
import { fail, ok, type Result } from '../common/result';
import { ControlResponseSchema, type ControlRequest, type ControlResponse } from './control-protocol';

/** Why a host could not be asked: none runs (the CLI then opens the devices itself), or it failed to answer. */
export type AskFailure = { noHost: true; message: string } | { noHost: false; message: string };

/**
 * Sends one request to the host's control socket (devices/control-server.ts) and answers its response.
 * `noHost` when nothing listens there: no kiosk runs on this machine for this user.
 */
export function askHost(socketPath: string, request: ControlRequest, timeoutMs: number): Promise<Result<ControlResponse, AskFailure>> {
  return new Promise((resolve) => {
    const socket = connect(socketPath);
    let received = '';
    const settle = (result: Result<ControlResponse, AskFailure>) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(() => settle(fail({ noHost: false, message: `the host did not answer within ${Math.round(timeoutMs / 1000)} s` })), timeoutMs);
    socket.setEncoding('utf8');
    socket.once('connect', () => socket.write(`${JSON.stringify(request)}\n`));
    socket.on('data', (chunk: string) => {
      received += chunk;
      const newline = received.indexOf('\n');
      if (newline < 0) return;
      const parsed = ControlResponseSchema.safeParse(safeJson(received.slice(0, newline)));
      settle(parsed.success ? ok(parsed.data) : fail({ noHost: false, message: 'the host answered something that is not a device response' }));
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      const noHost = error.code === 'ENOENT' || error.code === 'ECONNREFUSED';
      settle(fail({ noHost, message: noHost ? 'no kiosk host is running' : `cannot reach the host: ${error.message}` }));
    });
    socket.on('close', () => settle(fail({ noHost: false, message: 'the host closed the connection without an answer' })));
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
