import { it } from 'vitest';
import { badgeFromDataReport, dataReportFor } from '../../../../devices/codecs/badge-data-report';
import { bootReportFor, decodeBootKeyboardReport, KeyboardWedgeDecoder, KEYS_UP } from '../../../../devices/codecs/hid-keyboard';
import { WedgeScanDetector } from '../../../../devices/codecs/wedge-scan';
import { check, checkSame, FUZZ_TIMEOUT_MS, fuzzFrame, mutate, runFuzz, type Prng } from './fuzz';

const TIMING = { minLength: 6, maxLength: 24, maxGapMs: 40 };
const BADGE_CHARS = '0123456789ABCDEFabcdef-';
/** What a badge number may hold once typed by a US-layout keyboard: printable ASCII, nothing else. */
const PRINTABLE = /^[\x20-\x7e]+$/;

const randomBadge = (rng: Prng): string =>
  Array.from({ length: TIMING.minLength + rng.below(TIMING.maxLength - TIMING.minLength + 1) }, () => rng.pick([...BADGE_CHARS])).join('');

/** A reader's reports for `badge` then Enter: key down, key up, a key every `gapMs`. */
function scanReports(badge: string, gapMs: number, startMs: number): { report: Uint8Array; atMs: number }[] {
  return [...`${badge}\n`].flatMap((char, i) => [
    { report: bootReportFor(char), atMs: startMs + i * gapMs },
    { report: KEYS_UP, atMs: startMs + i * gapMs + gapMs / 2 },
  ]);
}

function validReport(rng: Prng): Uint8Array {
  return rng.chance(0.2) ? KEYS_UP : bootReportFor(rng.pick([...`${BADGE_CHARS}\n`]));
}

it('decodes 100,000 random and mutated keyboard reports: no exception, only well-formed reports accepted', () => {
  runFuzz('boot keyboard report', (rng) => fuzzFrame(rng, validReport, 12), (bytes) => {
    const decoded = decodeBootKeyboardReport(bytes);
    if (!decoded.ok) return false;
    const slots = [...bytes.subarray(2)].filter((usage) => usage !== 0);
    check(bytes.length === 8, () => `accepted ${bytes.length} bytes`);
    check(slots.every((usage) => usage >= 4 && usage < 0xe0) && new Set(slots).size === slots.length, () => 'accepted bad key slots');
    checkSame(decoded.value, { shift: ((bytes[0] ?? 0) & 0x22) !== 0, keys: slots }, 'decoded');
    return true;
  });
}, FUZZ_TIMEOUT_MS);

type Stream = { badge: string; reports: { report: Uint8Array; atMs: number }[]; kind: 'scan' | 'typing' | 'mutated' | 'random' };

/** A reader's scan, a person typing it, a scan with reports mutated, dropped, or repeated, or random reports. */
function stream(rng: Prng): Stream {
  const badge = randomBadge(rng);
  const kind = rng.pick(['scan', 'typing', 'mutated', 'random'] as const);
  if (kind === 'random') {
    return { badge, kind, reports: Array.from({ length: 1 + rng.below(30) }, (_, i) => ({ report: rng.bytes(rng.chance(0.8) ? 8 : rng.below(12)), atMs: i * rng.below(60) })) };
  }
  const reports = scanReports(badge, kind === 'typing' ? 90 + rng.below(200) : 2 + rng.below(30), 1_000);
  if (kind === 'mutated') {
    for (let n = 1 + rng.below(3); n > 0; n--) {
      const at = rng.below(reports.length);
      const target = reports[at]!;
      const choice = rng.below(3);
      if (choice === 0) reports[at] = { ...target, report: mutate(rng, target.report) };
      else if (choice === 1) reports.splice(at, 1);
      else reports.splice(at, 0, { ...target });
    }
  }
  return { badge, kind, reports };
}

it('runs 100,000 report streams through the wedge decoder: scans accepted exactly, typing never, nothing malformed taken', () => {
  runFuzz<Stream>('keyboard-wedge stream', stream, ({ badge, kind, reports }) => {
    const keyboard = new KeyboardWedgeDecoder();
    const detector = new WedgeScanDetector(TIMING);
    const scans: string[] = [];
    for (const { report, atMs } of reports) {
      const strokes = keyboard.push(report, atMs);
      if (!strokes.ok) {
        detector.reset();
        continue;
      }
      for (const stroke of strokes.value) {
        const outcome = detector.push(stroke);
        if (outcome?.type === 'scan') scans.push(outcome.text);
      }
    }
    for (const text of scans) {
      check(text.length >= TIMING.minLength && text.length <= TIMING.maxLength && PRINTABLE.test(text), () => `accepted ${JSON.stringify(text)}`);
    }
    if (kind === 'scan') checkSame(scans, [badge], 'a clean scan');
    if (kind === 'typing') checkSame(scans, [], 'typing');
    return scans.length > 0;
  });
}, FUZZ_TIMEOUT_MS);

const LAYOUT = { reportId: 1, offset: 3, length: 5 };

it('reads 100,000 random and mutated data reports: only the bytes at the layout\'s place, never blank', () => {
  runFuzz('badge data report', (rng) => fuzzFrame(rng, (r) => dataReportFor(r.bytes(5), LAYOUT, 8 + r.below(57)), 64), (bytes) => {
    const read = badgeFromDataReport(bytes, LAYOUT);
    if (!read.ok) {
      check(read.error.length > 0, () => 'an error without a reason');
      return false;
    }
    if (read.value === null) {
      check(bytes[0] !== LAYOUT.reportId, () => 'a badge report passed over');
      return false;
    }
    const id = read.value;
    check(bytes[0] === LAYOUT.reportId, () => 'read a report with another id');
    checkSame(id, bytes.slice(3, 8), 'the number');
    check(!id.every((b) => b === 0) && !id.every((b) => b === 255), () => 'accepted a blank number');
    return true;
  });
}, FUZZ_TIMEOUT_MS);
