import { reconnectDelayMs } from './reconnectDelay';

export interface SocketHandlers {
  onText(text: string): void;
  onOpenChange(open: boolean): void;
}

/**
 * A WebSocket that reopens itself with capped backoff whenever it closes: the host may restart
 * and the kiosk screen must come back on its own, without anyone touching it.
 */
export function openReconnectingSocket(url: string, handlers: SocketHandlers): { send(text: string): boolean } {
  let socket: WebSocket | null = null;
  let failedAttempts = 0;

  const open = () => {
    const current = new WebSocket(url);
    socket = current;
    current.onopen = () => {
      failedAttempts = 0;
      handlers.onOpenChange(true);
    };
    current.onmessage = (message) => {
      if (typeof message.data === 'string') handlers.onText(message.data);
    };
    // `close` always follows `error`, so reconnecting from `close` alone covers both.
    current.onclose = () => {
      socket = null;
      handlers.onOpenChange(false);
      window.setTimeout(open, reconnectDelayMs(failedAttempts++));
    };
  };
  open();

  return {
    send(text) {
      if (socket?.readyState !== WebSocket.OPEN) return false;
      socket.send(text);
      return true;
    },
  };
}
