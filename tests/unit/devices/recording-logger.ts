import type { DeviceLogger } from '../../../devices/logger';

export interface LogLine {
  level: keyof DeviceLogger;
  obj: object;
  msg: string;
}

/** A DeviceLogger that keeps every line, so a test can check what a technician would read. */
export function recordingLogger(): DeviceLogger & { lines: LogLine[]; at(level: LogLine['level']): LogLine[] } {
  const lines: LogLine[] = [];
  const log = (level: LogLine['level']) => (obj: object, msg: string) => void lines.push({ level, obj, msg });
  return {
    lines,
    at: (level) => lines.filter((line) => line.level === level),
    debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error'),
  };
}
