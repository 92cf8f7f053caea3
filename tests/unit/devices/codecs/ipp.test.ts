import { describe, expect, it } from 'vitest';
import { decodeIppMessage, encodeIppMessage, GROUP_TAGS, VALUE_TAGS } from '../../../../devices/codecs/ipp';
import { getPrinterAttributes, jobReportsOf, printerReportOf } from '../../../../devices/codecs/ipp-operations';

const bytes = (...parts: Array<number | string>): Uint8Array =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === 'number' ? [part] : [...new TextEncoder().encode(part)])));
/** tag, name, value as on the wire (RFC 8010 §3.1.4): lengths are two bytes, big-endian. */
const attr = (tag: number, name: string, value: Uint8Array | string): number[] => {
  const raw = typeof value === 'string' ? new TextEncoder().encode(value) : value;
  return [tag, 0, name.length, ...new TextEncoder().encode(name), raw.length >> 8, raw.length & 0xff, ...raw];
};
const int = (n: number): Uint8Array => Uint8Array.of(n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);

/** A Get-Printer-Attributes response as CUPS gives it for a queue out of paper. */
const OUT_OF_PAPER = Uint8Array.from([
  0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x2a,
  GROUP_TAGS.operation,
  ...attr(VALUE_TAGS.charset, 'attributes-charset', 'utf-8'),
  ...attr(VALUE_TAGS.naturalLanguage, 'attributes-natural-language', 'en'),
  GROUP_TAGS.printer,
  ...attr(VALUE_TAGS.enum, 'printer-state', int(5)),
  ...attr(VALUE_TAGS.keyword, 'printer-state-reasons', 'media-empty-error'),
  ...attr(VALUE_TAGS.keyword, '', 'paused'),
  ...attr(VALUE_TAGS.text, 'printer-state-message', 'Out of paper'),
  ...attr(VALUE_TAGS.boolean, 'printer-is-accepting-jobs', Uint8Array.of(1)),
  // a collection Borne does not read: media-col-default { media-size-name = "iso_a4_210x297mm" }
  ...attr(VALUE_TAGS.collection, 'media-col-default', ''),
  ...attr(VALUE_TAGS.memberName, '', 'media-size-name'),
  ...attr(VALUE_TAGS.keyword, '', 'iso_a4_210x297mm'),
  ...attr(VALUE_TAGS.endCollection, '', ''),
  GROUP_TAGS.end,
]);

describe('IPP messages', () => {
  it('encodes a Get-Printer-Attributes request byte for byte (RFC 8010 §3.1)', () => {
    const encoded = encodeIppMessage(getPrinterAttributes(7, 'ipp://127.0.0.1:631/printers/KioskPDF'));
    expect([...encoded.slice(0, 9)]).toEqual([0x01, 0x01, 0x00, 0x0b, 0x00, 0x00, 0x00, 0x07, 0x01]);
    expect([...encoded.slice(9, 9 + 28)]).toEqual([...bytes(0x47, 0x00, 0x12, 'attributes-charset', 0x00, 0x05, 'utf-8')]);
    expect(encoded.at(-1)).toBe(GROUP_TAGS.end);
    // requested-attributes: the first value named, the next ones with an empty name.
    const text = new TextDecoder().decode(encoded);
    expect(text).toContain('requested-attributes\u0000\u000dprinter-state\u0044\u0000\u0000\u0000\u0015printer-state-reasons');
  });

  it('reads a printer out of paper: state stopped, its reasons, message and accepting-jobs, with the collection kept as bytes', () => {
    const decoded = decodeIppMessage(OUT_OF_PAPER);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.value.requestId).toBe(0x2a);
    expect(printerReportOf(decoded.value)).toEqual({
      ok: true, value: { state: 'stopped', reasons: ['media-empty-error', 'paused'], message: 'Out of paper', acceptingJobs: true },
    });
    expect([...encodeIppMessage(decoded.value)]).toEqual([...OUT_OF_PAPER]);
  });

  it('keeps the document that follows the end tag', () => {
    const decoded = decodeIppMessage(bytes(1, 1, 0, 2, 0, 0, 0, 1, GROUP_TAGS.operation, GROUP_TAGS.end, '%PDF-1.4'));
    expect(decoded.ok && new TextDecoder().decode(decoded.value.data)).toBe('%PDF-1.4');
  });

  it('reads the jobs of a Get-Jobs response, one per job group', () => {
    const message = Uint8Array.from([
      1, 1, 0, 0, 0, 0, 0, 3,
      GROUP_TAGS.job, ...attr(VALUE_TAGS.integer, 'job-id', int(12)), ...attr(VALUE_TAGS.enum, 'job-state', int(4)),
      ...attr(VALUE_TAGS.keyword, 'job-state-reasons', 'job-hold-until-specified'),
      GROUP_TAGS.job, ...attr(VALUE_TAGS.integer, 'job-id', int(13)), ...attr(VALUE_TAGS.enum, 'job-state', int(9)),
      GROUP_TAGS.end,
    ]);
    const decoded = decodeIppMessage(message);
    expect(decoded.ok && jobReportsOf(decoded.value)).toEqual({
      ok: true, value: [{ id: 12, state: 'pending-held', reasons: ['job-hold-until-specified'] }, { id: 13, state: 'completed', reasons: [] }],
    });
  });

  it.each([
    ['a message shorter than its header', bytes(1, 1, 0, 0, 0, 0, 0), 'at least 9 bytes'],
    ['no end tag', Uint8Array.from([1, 1, 0, 0, 0, 0, 0, 1, GROUP_TAGS.printer]), 'end-of-attributes'],
    ['version 0', bytes(0, 9, 0, 0, 0, 0, 0, 1, GROUP_TAGS.end), 'IPP version 0.9'],
    ['an integer of three bytes', Uint8Array.from([1, 1, 0, 0, 0, 0, 0, 1, 4, ...attr(VALUE_TAGS.enum, 'printer-state', Uint8Array.of(0, 0, 3)), 3]), '4 bytes'],
    ['a boolean of 2', Uint8Array.from([1, 1, 0, 0, 0, 0, 0, 1, 4, ...attr(VALUE_TAGS.boolean, 'x', Uint8Array.of(2)), 3]), 'boolean'],
    ['a text that is not UTF-8', Uint8Array.from([1, 1, 0, 0, 0, 0, 0, 1, 4, ...attr(VALUE_TAGS.text, 'x', Uint8Array.of(0xc3)), 3]), 'UTF-8'],
    ['a value length past the end', Uint8Array.from([1, 1, 0, 0, 0, 0, 0, 1, 4, VALUE_TAGS.keyword, 0, 1, 0x78, 0, 9, 0x61, 3]), 'past the end'],
    ['an additional value first', Uint8Array.from([1, 1, 0, 0, 0, 0, 0, 1, 4, ...attr(VALUE_TAGS.keyword, '', 'idle'), 3]), 'no attribute before it'],
    ['an attribute before any group', Uint8Array.from([1, 1, 0, 0, 0, 0, 0, 1, ...attr(VALUE_TAGS.keyword, 'x', 'y'), 3]), 'before any group'],
    ['an unclosed collection', Uint8Array.from([1, 1, 0, 0, 0, 0, 0, 1, 4, ...attr(VALUE_TAGS.collection, 'c', ''), 3]), 'collection'],
  ])('refuses %s with the reason', (_name, message, reason) => {
    const decoded = decodeIppMessage(message);
    expect(decoded.ok).toBe(false);
    expect(decoded.ok ? '' : decoded.error).toContain(reason);
  });

  it('says a response without a valid printer-state gives none, rather than guessing', () => {
    const decoded = decodeIppMessage(Uint8Array.from([1, 1, 0, 0, 0, 0, 0, 1, 4, ...attr(VALUE_TAGS.enum, 'printer-state', int(9)), 3]));
    expect(decoded.ok && printerReportOf(decoded.value)).toEqual({ ok: false, error: 'the response gives no printer-state of 3, 4 or 5' });
  });
});
