import type { KeyStroke } from './hid-keyboard';

/**
 * How a keyboard-wedge scan is told from a person typing: a reader types a whole badge number in a burst,
 * a key every few milliseconds, and ends it with Enter; nobody types that fast for long.
 */
export interface ScanTiming {
  /** The shortest badge number: fewer characters before Enter is typing (or a reader misread). */
  minLength: number;
  /** The longest: a run past it is not a badge, whatever its speed. */
  maxLength: number;
  /** The longest gap between two keys of one scan, Enter included. Readers type every 2–20 ms; people every 100 ms or more. */
  maxGapMs: number;
}

export const DEFAULT_SCAN_TIMING: ScanTiming = { minLength: 6, maxLength: 64, maxGapMs: 40 };

/** What a key stroke finished: a scan's characters, or a run that was not one (and is forgotten). */
export type ScanOutcome = { type: 'scan'; text: string } | { type: 'typed'; reason: string };

/**
 * Tells scans from typing, one key stroke at a time. A run starts on a printable key after a pause longer
 * than `maxGapMs` (or after anything that ended the previous run), and is a scan only if every gap inside it
 * and before its Enter is short, it is long enough and not too long. Anything else is `typed`: the caller
 * drops it, characters and all, never logging them; a person's typing is not the kiosk's to keep.
 */
export class WedgeScanDetector {
  private text = '';
  private lastAtMs: number | undefined;
  /** The run broke a rule; it goes on until Enter or a pause, so that its tail is not taken for a scan. */
  private spoiled: string | undefined;

  constructor(private readonly timing: ScanTiming = DEFAULT_SCAN_TIMING) {}

  /** Returns an outcome when the stroke ends a run (Enter), else null. */
  push(stroke: KeyStroke): ScanOutcome | null {
    const paused = this.lastAtMs === undefined || stroke.atMs - this.lastAtMs > this.timing.maxGapMs || stroke.atMs < this.lastAtMs;
    this.lastAtMs = stroke.atMs;
    if (paused) {
      // A pause ends whatever came before without a word: it was typing, or a scan cut short.
      this.text = '';
      this.spoiled = undefined;
    }
    switch (stroke.key) {
      case 'enter': return this.end(paused);
      case 'other':
        this.spoil('a key that is not part of a badge number');
        return null;
      case 'char':
        if (this.spoiled) return null;
        this.text += stroke.char;
        if (this.text.length > this.timing.maxLength) this.spoil(`longer than ${this.timing.maxLength} characters`);
        return null;
    }
  }

  /** Forgets the run in progress (a bad report, a lost device). */
  reset(): void {
    this.text = '';
    this.lastAtMs = undefined;
    this.spoiled = undefined;
  }

  private end(paused: boolean): ScanOutcome {
    const { text, spoiled } = this;
    this.reset();
    if (paused) return { type: 'typed', reason: 'Enter came after a pause' };
    if (spoiled) return { type: 'typed', reason: spoiled };
    if (text.length < this.timing.minLength) return { type: 'typed', reason: `fewer than ${this.timing.minLength} characters` };
    return { type: 'scan', text };
  }

  private spoil(reason: string): void {
    this.text = '';
    this.spoiled ??= reason;
  }
}
