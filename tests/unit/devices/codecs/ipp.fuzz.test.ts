import { it } from 'vitest';
import { decodeIppMessage, encodeIppMessage, GROUP_TAGS, VALUE_TAGS, type IppAttribute, type IppGroup, type IppMessage, type IppValue } from '../../../../devices/codecs/ipp';
import { jobReportsOf, printerReportOf } from '../../../../devices/codecs/ipp-operations';
import { documentPrinterCondition } from '../../../../devices/drivers/ipp-printer-report';
import { check, FUZZ_TIMEOUT_MS, fuzzFrame, Prng, runFuzz, toHex } from './fuzz';

const KEYWORDS = ['none', 'media-empty-error', 'media-needed', 'media-low-report', 'cover-open', 'paused', 'offline-report', 'idle'];
const NAMES = ['printer-state', 'printer-state-reasons', 'printer-state-message', 'printer-is-accepting-jobs', 'job-id', 'job-state', 'job-state-reasons'];

function randomValue(rng: Prng): IppValue {
  switch (rng.below(5)) {
    case 0: return { tag: rng.pick([VALUE_TAGS.integer, VALUE_TAGS.enum]), value: rng.below(12) - 2 };
    case 1: return { tag: VALUE_TAGS.boolean, value: rng.chance(0.5) };
    case 2: return { tag: VALUE_TAGS.keyword, value: rng.pick(KEYWORDS) };
    case 3: return { tag: VALUE_TAGS.text, value: rng.chance(0.5) ? 'Out of paper' : 'Prête' };
    default: return { tag: VALUE_TAGS.collection, value: Uint8Array.from([VALUE_TAGS.memberName, 0, 0, 0, 1, 0x61, VALUE_TAGS.keyword, 0, 0, 0, 1, 0x62, VALUE_TAGS.endCollection, 0, 0, 0, 0]) };
  }
}

/** A response as CUPS might send it: an operation group, then printer or job groups of the attributes Borne reads. */
function validResponse(rng: Prng): Uint8Array {
  const groups: IppGroup[] = [{ tag: GROUP_TAGS.operation, attributes: [{ name: 'attributes-charset', values: [{ tag: VALUE_TAGS.charset, value: 'utf-8' }] }] }];
  for (let count = rng.below(3); count > 0; count--) {
    const attributes: IppAttribute[] = Array.from({ length: 1 + rng.below(4) }, () => ({
      name: rng.pick(NAMES), values: Array.from({ length: 1 + rng.below(3) }, () => randomValue(rng)),
    }));
    groups.push({ tag: rng.pick([GROUP_TAGS.printer, GROUP_TAGS.job]), attributes });
  }
  const message: IppMessage = { version: [1, 1], code: rng.below(0x600), requestId: rng.next() >>> 1, groups, data: rng.bytes(rng.below(4)) };
  return encodeIppMessage(message);
}

it('decodes 100,000 random and mutated responses: never throws, and whatever it accepts is exactly what is on the wire', () => {
  runFuzz('IPP response', (rng) => fuzzFrame(rng, validResponse, 96), (bytes) => {
    const decoded = decodeIppMessage(bytes);
    if (!decoded.ok) return false;
    // Re-encoding gives the same bytes: no value was invented, dropped or read from outside its length.
    const again = encodeIppMessage(decoded.value);
    check(again.length === bytes.length && again.every((byte, i) => byte === bytes[i]), () => `re-encodes as [${toHex(again)}]`);
    const printer = printerReportOf(decoded.value);
    if (printer.ok) {
      check(['idle', 'processing', 'stopped'].includes(printer.value.state), () => `printer-state ${printer.value.state}`);
      check(!printer.value.reasons.includes('none'), () => 'none kept as a reason');
      const { condition, blocker } = documentPrinterCondition(printer.value);
      check(condition.paper !== 'out' || blocker !== null, () => 'out of paper, yet nothing blocks printing');
    }
    const jobs = jobReportsOf(decoded.value);
    if (jobs.ok) for (const job of jobs.value) check(Number.isInteger(job.id) && job.id >= 1, () => `job id ${job.id}`);
    return true;
  });
}, FUZZ_TIMEOUT_MS);
