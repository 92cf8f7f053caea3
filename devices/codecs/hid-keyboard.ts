import { fail, ok, type Result } from '../../common/result';

/**
 * USB HID boot-protocol keyboard input reports (HID 1.11, appendix B.1): 8 bytes, modifiers · reserved ·
 * six key usage ids (page 0x07) of the keys down now. A badge reader in keyboard-wedge mode "types" its
 * badge number this way. Usage ids name keys, not characters: the table below is the US layout's, which
 * is what wedge readers are set up to send; reading usage ids off hidraw keeps the kiosk's own keyboard
 * layout (AZERTY) out of it.
 */
export const BOOT_REPORT_BYTES = 8;

const LEFT_SHIFT = 0x02;
const RIGHT_SHIFT = 0x20;
const ERROR_ROLL_OVER = 0x01;
/** 0x02 POST fail, 0x03 undefined error: a keyboard reporting a fault, not keys. */
const LAST_ERROR_USAGE = 0x03;
/** Usage ids past 0xE7 are reserved; 0xE0–0xE7 (modifier keys) go in the modifier byte, not the key slots. */
const FIRST_MODIFIER_USAGE = 0xe0;
const ENTER = 0x28;
const KEYPAD_ENTER = 0x58;

/** One key pressed: a printable character, Enter (the end of a scan), or a key that types nothing we know. */
export type KeyStroke = { key: 'char'; char: string; atMs: number } | { key: 'enter'; atMs: number } | { key: 'other'; atMs: number };

// Usage id → [unshifted, shifted], US layout. Letters 0x04–0x1D, digits 0x1E–0x27, punctuation 0x2C–0x38.
const PRINTABLE = new Map<number, readonly [string, string]>([
  ...[...'abcdefghijklmnopqrstuvwxyz'].map((c, i) => [0x04 + i, [c, c.toUpperCase()]] as const),
  ...[...'1234567890'].map((c, i) => [0x1e + i, [c, '!@#$%^&*()'[i]!]] as const),
  [0x2c, [' ', ' ']], [0x2d, ['-', '_']], [0x2e, ['=', '+']], [0x2f, ['[', '{']], [0x30, [']', '}']],
  [0x31, ['\\', '|']], [0x33, [';', ':']], [0x34, ["'", '"']], [0x35, ['`', '~']], [0x36, [',', '<']],
  [0x37, ['.', '>']], [0x38, ['/', '?']],
  // The keypad's digits, which some readers use for the number itself.
  ...[...'1234567890'].map((c, i) => [0x59 + i, [c, c]] as const),
]);

export interface BootKeyboardReport {
  shift: boolean;
  /** Usage ids of the keys down, zeros left out, in slot order. */
  keys: number[];
}

/**
 * Decodes one boot keyboard report. Never throws. Errors, each with a reason: a length other than 8, a
 * rollover or error report (the keyboard could not tell which keys are down), a reserved or modifier usage
 * in a key slot, the same key twice.
 */
export function decodeBootKeyboardReport(report: Uint8Array): Result<BootKeyboardReport> {
  if (report.length !== BOOT_REPORT_BYTES) return fail(`keyboard report: ${report.length} bytes, expected ${BOOT_REPORT_BYTES}`);
  const keys = [...report.subarray(2)].filter((usage) => usage !== 0);
  if (keys.some((usage) => usage <= LAST_ERROR_USAGE)) {
    return fail(keys.every((usage) => usage === ERROR_ROLL_OVER) ? 'keyboard report: roll-over' : 'keyboard report: the keyboard reports an error');
  }
  if (keys.some((usage) => usage >= FIRST_MODIFIER_USAGE)) return fail('keyboard report: a modifier or reserved usage in a key slot');
  if (new Set(keys).size !== keys.length) return fail('keyboard report: the same key twice');
  return ok({ shift: (report[0]! & (LEFT_SHIFT | RIGHT_SHIFT)) !== 0, keys });
}

/**
 * Turns a stream of boot keyboard reports into key strokes: a key is stroked when it goes down (it is in
 * this report and was not in the previous one), so a held key is one stroke and a repeated character needs
 * its key released in between, as on a real keyboard. A bad report is an error and forgets which keys were
 * down, so that a key still down after it is taken as pressed again rather than lost.
 */
export class KeyboardWedgeDecoder {
  private down = new Set<number>();

  push(report: Uint8Array, atMs: number): Result<KeyStroke[]> {
    const decoded = decodeBootKeyboardReport(report);
    if (!decoded.ok) {
      this.reset();
      return decoded;
    }
    const { shift, keys } = decoded.value;
    const strokes = keys.filter((usage) => !this.down.has(usage)).map((usage) => strokeOf(usage, shift, atMs));
    this.down = new Set(keys);
    return ok(strokes);
  }

  reset(): void {
    this.down.clear();
  }
}

function strokeOf(usage: number, shift: boolean, atMs: number): KeyStroke {
  if (usage === ENTER || usage === KEYPAD_ENTER) return { key: 'enter', atMs };
  const printable = PRINTABLE.get(usage);
  return printable ? { key: 'char', char: printable[shift ? 1 : 0], atMs } : { key: 'other', atMs };
}

/** Character → [usage, shifted], from the main keys (the keypad's digits are the same characters). */
const TYPED_BY = new Map<string, readonly [number, boolean]>(
  [...PRINTABLE].filter(([usage]) => usage < 0x59).flatMap(([usage, [plain, shifted]]) => [[shifted, [usage, true]], [plain, [usage, false]]] as const),
);

/** The report a keyboard sends for `char` held down (and the release is all zeros), for simulators and tests. */
export function bootReportFor(char: string): Uint8Array {
  const report = new Uint8Array(BOOT_REPORT_BYTES);
  const typed = char === '\n' ? ([ENTER, false] as const) : TYPED_BY.get(char);
  if (!typed) throw new RangeError('a boot keyboard cannot type this character');
  report[0] = typed[1] ? LEFT_SHIFT : 0;
  report[2] = typed[0];
  return report;
}

export const KEYS_UP: Uint8Array = new Uint8Array(BOOT_REPORT_BYTES);
