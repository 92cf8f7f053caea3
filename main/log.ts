import pino, { type Logger } from 'pino';

export type { Logger };

/** JSON lines on stdout (journald keeps them); `BORNE_LOG_LEVEL` changes the level. */
export function createLogger(name = 'borne'): Logger {
  return pino({ name, level: process.env.BORNE_LOG_LEVEL ?? 'info', base: { pid: process.pid } });
}
