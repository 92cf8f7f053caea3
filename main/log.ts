import pino, { type DestinationStream, type Logger } from 'pino';
import { LogThrottle, throttleHook, type ThrottleOptions } from './log-throttle';

export type { Logger };

export interface LoggerOptions extends ThrottleOptions {
  name?: string;
  /** Defaults to `BORNE_LOG_LEVEL`, then `info`. */
  level?: string;
}

// On the root logger; children are created from it with Object.create, so they inherit it.
const FLUSH = Symbol('borne.flushLogSummaries');

/**
 * JSON lines on stdout (journald keeps them), or on `destination` (tests). Repeated lines are
 * summarised per interval (see LogThrottle), so a peer sending garbage cannot fill the disk.
 */
export function createLogger(options: LoggerOptions = {}, destination?: DestinationStream): Logger {
  const { name = 'borne', level = process.env.BORNE_LOG_LEVEL ?? 'info', ...throttleOptions } = options;
  const throttle = new LogThrottle(throttleOptions);
  const settings = { name, level, base: { pid: process.pid }, hooks: { logMethod: throttleHook(throttle) } };
  const log = destination ? pino(settings, destination) : pino(settings);
  Object.defineProperty(log, FLUSH, { value: () => throttle.flush() });
  return log;
}

/** Writes the pending "repeated N more times" lines now (on stop); a no-op for other loggers. */
export function flushLogSummaries(log: Logger): void {
  (log as Logger & { [FLUSH]?: () => void })[FLUSH]?.();
}
