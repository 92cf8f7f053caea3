/**
 * The logging the devices layer needs. Structurally a subset of pino's `Logger`, so the host passes its
 * pino child as is; tests pass a recorder.
 * Contract: `obj` carries facts (path, uuid, reason), `msg` says what happened. Never put a measured
 * value in a log line: logs rest on disk and medical data must not.
 */
export interface DeviceLogger {
  debug(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

const ignore = (): void => {};

/** For callers that have nothing to log to (the technician CLI without `--verbose`). */
export const silentLogger: DeviceLogger = { debug: ignore, info: ignore, warn: ignore, error: ignore };
