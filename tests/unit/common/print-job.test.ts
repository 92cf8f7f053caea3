import { describe, expect, it } from 'vitest';
import { RendererEventSchema } from '../../../common/bridge';
import { MEASURING_KINDS, PRINTER_KINDS } from '../../../common/devices';
import { PrintJobSchema, RECEIPT_LINES_MAX, RECEIPT_TEXT_MAX, ReceiptSchema } from '../../../common/print-job';

describe('a receipt', () => {
  it('is a title and lines, each plain text, optionally bold or centred', () => {
    expect(ReceiptSchema.safeParse({ title: 'Mairie', lines: [{ text: 'Rendez-vous', bold: true }, { text: '', centred: true }] }).success).toBe(true);
  });

  it('refuses a line break inside a line, an unknown style and more than it can hold', () => {
    const issue = (input: unknown) => {
      const parsed = ReceiptSchema.safeParse(input);
      return parsed.success ? null : parsed.error.issues[0]!;
    };
    expect(issue({ lines: [{ text: 'un\ndeux' }] })).toMatchObject({ path: ['lines', 0, 'text'], message: 'one line of text: give each line as its own entry' });
    expect(issue({ title: 'a\rb', lines: [] })).toMatchObject({ path: ['title'] });
    expect(issue({ lines: [{ text: 'x', underline: true }] })).toMatchObject({ path: ['lines', 0] });
    expect(issue({ lines: [{ text: 'x'.repeat(RECEIPT_TEXT_MAX + 1) }] })).toMatchObject({ path: ['lines', 0, 'text'] });
    expect(issue({ lines: Array.from({ length: RECEIPT_LINES_MAX + 1 }, () => ({ text: '' })) })).toMatchObject({ path: ['lines'] });
  });
});

describe('a print job', () => {
  it('carries a reason exactly when it waits or failed', () => {
    expect(PrintJobSchema.safeParse({ id: 'a', state: 'waiting', reason: 'the printer is out of paper: load a new roll' }).success).toBe(true);
    expect(PrintJobSchema.safeParse({ id: 'a', state: 'failed' }).success).toBe(false);
    expect(PrintJobSchema.safeParse({ id: 'a', state: 'done', reason: 'x' }).success).toBe(false);
  });
});

describe('printers among the device kinds', () => {
  it('measure nothing: a view may start a measurement with a measuring device only', () => {
    expect(MEASURING_KINDS).toContain('thermometer');
    expect(MEASURING_KINDS).not.toContain('receiptPrinter');
    for (const kind of MEASURING_KINDS) expect(RendererEventSchema.safeParse({ type: 'MEASURE.START', kind }).success).toBe(true);
    for (const kind of PRINTER_KINDS) expect(RendererEventSchema.safeParse({ type: 'MEASURE.START', kind }).success).toBe(false);
  });
});
