import type { LogFn, Logger } from 'pino';

export interface ThrottleOptions {
  /** Length of one counting window. */
  intervalMs?: number;
  /** Lines of one kind written in full per window before they are only counted. */
  burst?: number;
  /** Distinct kinds tracked per window; beyond it, new kinds share one overflow count per level. */
  maxKeys?: number;
}

const FATAL = 60;

interface Tally {
  /** Lines of this kind seen in the current window, written or not. */
  count: number;
  /** The logger and raw log function of the first line, so the summary carries the same bindings. */
  logger: Logger;
  method: LogFn;
  /** The summary's wording, given the number of suppressed lines and the window's length. */
  describe: (suppressed: number, seconds: string) => string;
}

/**
 * Keeps a flood from drowning the log (and the disk): per window, the first `burst` lines of one kind
 * (level + message template) are written in full, the rest only counted, and when the window ends one
 * summary line per kind says how many were left out. Windows are fixed: the first line after a quiet
 * spell starts one, so an idle process holds no timer. `fatal` always goes through: it is the last word.
 */
export class LogThrottle {
  private readonly intervalMs: number;
  private readonly burst: number;
  private readonly maxKeys: number;
  private readonly tallies = new Map<string, Tally>();
  // Kept apart from `tallies` so they always fit: at most one per level.
  private readonly overflow = new Map<number, Tally>();
  private timer: NodeJS.Timeout | undefined;

  constructor(options: ThrottleOptions = {}) {
    this.intervalMs = options.intervalMs ?? 10_000;
    this.burst = options.burst ?? 10;
    this.maxKeys = options.maxKeys ?? 1_000;
  }

  /** Kinds counted in the current window, overflow included: what the memory bound is about. */
  get trackedKinds(): number {
    return this.tallies.size + this.overflow.size;
  }

  /** Counts one line; true when it should be written. */
  admit(logger: Logger, method: LogFn, level: number, msg: string): boolean {
    if (level >= FATAL) return true;
    const tally = this.tallyFor(logger, method, level, msg);
    tally.count++;
    this.timer ??= setTimeout(() => this.flush(), this.intervalMs).unref(); // never keeps the process alive
    return tally.count <= this.burst;
  }

  /** Writes the pending summaries now and starts a fresh window; the host calls it on stop. */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const seconds = `${this.intervalMs / 1000} s`;
    const ended = [...this.tallies.values(), ...this.overflow.values()];
    this.tallies.clear();
    this.overflow.clear();
    for (const t of ended) {
      const suppressed = t.count - this.burst;
      // pino's raw method, not the hooked one: a summary is never itself counted or suppressed.
      if (suppressed > 0) t.method.call(t.logger, { suppressed, intervalMs: this.intervalMs }, t.describe(suppressed, seconds));
    }
  }

  private tallyFor(logger: Logger, method: LogFn, level: number, msg: string): Tally {
    const key = `${level}:${msg}`;
    const known = this.tallies.get(key);
    if (known) return known;
    if (this.tallies.size < this.maxKeys) {
      const fresh: Tally = { count: 0, logger, method,
        describe: (n, s) => `"${msg}" repeated ${n} more times in the last ${s}` };
      this.tallies.set(key, fresh);
      return fresh;
    }
    let spill = this.overflow.get(level);
    if (!spill) {
      const cap = this.maxKeys;
      spill = { count: 0, logger, method,
        describe: (n, s) => `${n} more lines of other kinds suppressed in the last ${s} (over ${cap} distinct messages)` };
      this.overflow.set(level, spill);
    }
    return spill;
  }
}

/** A pino `hooks.logMethod` for `throttle`: child loggers inherit it, so every call site is covered. */
export function throttleHook(throttle: LogThrottle) {
  return function logMethod(this: Logger, args: Parameters<LogFn>, method: LogFn, level: number): void {
    if (throttle.admit(this, method, level, messageOf(args))) method.apply(this, args);
  };
}

/** The message template pino will write: the first string argument, or an error's message. */
function messageOf(args: readonly unknown[]): string {
  const [first, second] = args;
  if (typeof first === 'string') return first;
  if (typeof second === 'string') return second;
  if (first instanceof Error) return first.message;
  return '';
}
