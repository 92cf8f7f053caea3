import { it } from 'vitest';
import { parseResponse, RESPONSE_MAX_LENGTH } from '../../../../devices/codecs/apdu';
import { ATR_MAX_LENGTH, parseAtr } from '../../../../devices/codecs/atr';
import { check, FUZZ_TIMEOUT_MS, fuzzFrame, runFuzz, type Prng } from './fuzz';

/** A well-formed ATR built from random interface bytes, historical bytes and (unless T=0 only) its TCK. */
function validAtr(rng: Prng): Uint8Array {
  const historical = rng.bytes(rng.below(16));
  const body: number[] = [];
  const groups = rng.below(4);
  let withCheck = false;
  let indicatorAt = -1; // where the current Y nibble lives: T0 first
  const t0 = historical.length;
  body.push(t0);
  indicatorAt = 0;
  for (let group = 0; group < groups; group++) {
    const abc = rng.below(8);
    const last = group === groups - 1;
    body[indicatorAt] = (body[indicatorAt]! & 0x0f) | (abc << 4) | (last ? 0 : 0x80);
    for (let i = 0; i < [1, 2, 4].filter((bit) => abc & bit).length; i++) body.push(rng.below(256));
    if (!last) {
      const protocol = rng.pick([0, 1, 15]);
      withCheck ||= protocol !== 0;
      body.push(protocol);
      indicatorAt = body.length - 1;
    }
  }
  body.push(...historical);
  if (withCheck) body.push(body.reduce((xor, byte) => xor ^ byte, 0));
  return Uint8Array.from([rng.pick([0x3b, 0x3f]), ...body]);
}

/** The ATR's length walked apart from the parser: T0, each TDi's indicator, K historical bytes, TCK. */
function announcedLength(bytes: Uint8Array): { length: number; withCheck: boolean } | null {
  let at = 1;
  let withCheck = false;
  let y = (bytes[1] ?? 0) >> 4;
  const k = (bytes[1] ?? 0) & 0x0f;
  at = 2;
  for (;;) {
    at += (y & 1) + ((y >> 1) & 1) + ((y >> 2) & 1);
    if (!(y & 8)) break;
    if (at >= bytes.length) return null;
    withCheck ||= (bytes[at]! & 0x0f) !== 0;
    y = bytes[at]! >> 4;
    at += 1;
  }
  return { length: at + k + (withCheck ? 1 : 0), withCheck };
}

it('parses 100,000 random and mutated ATRs: no exception, no malformed ATR accepted', () => {
  runFuzz('atr', (rng) => fuzzFrame(rng, validAtr, 40), (bytes) => {
    const atr = parseAtr(bytes);
    if (!atr.ok) {
      check(atr.error.length > 0, () => 'an error without a reason');
      return false;
    }
    const announced = announcedLength(bytes);
    check(bytes[0] === 0x3b || bytes[0] === 0x3f, () => 'accepted a wrong TS');
    check(bytes.length <= ATR_MAX_LENGTH, () => `accepted ${bytes.length} bytes`);
    check(announced !== null && announced.length === bytes.length, () => `accepted ${bytes.length} bytes, announced ${announced?.length}`);
    check(!announced.withCheck || bytes.subarray(1).reduce((x, b) => x ^ b, 0) === 0, () => 'accepted a wrong TCK');
    const k = bytes[1]! & 0x0f;
    const start = bytes.length - k - (announced.withCheck ? 1 : 0);
    check(atr.value.historical.length === k && atr.value.historical.every((b, i) => b === bytes[start + i]), () => 'wrong historical bytes');
    return true;
  });
}, FUZZ_TIMEOUT_MS);

it('every well-formed ATR is accepted', () => {
  runFuzz('atr (valid)', validAtr, (bytes) => {
    const atr = parseAtr(bytes);
    check(atr.ok, () => `refused: ${atr.ok ? '' : atr.error}`);
    return true;
  }, 10_000);
}, FUZZ_TIMEOUT_MS);

it('parses 100,000 random and mutated response APDUs: no exception, no wrong status accepted', () => {
  const validResponse = (rng: Prng): Uint8Array => Uint8Array.from([...rng.bytes(rng.below(20)), rng.pick([0x90, 0x61, 0x6a, 0x6d]), rng.below(256)]);
  runFuzz('response apdu', (rng) => fuzzFrame(rng, validResponse, 300), (bytes) => {
    const response = parseResponse(bytes);
    if (!response.ok) return false;
    const sw1 = bytes[bytes.length - 2]!;
    check(bytes.length >= 2 && bytes.length <= RESPONSE_MAX_LENGTH, () => `accepted ${bytes.length} bytes`);
    check(((sw1 >> 4) === 6 || (sw1 >> 4) === 9) && sw1 !== 0x60, () => `accepted SW1 ${sw1}`);
    check(response.value.status === ((sw1 << 8) | bytes[bytes.length - 1]!), () => 'wrong status word');
    check(response.value.data.length === bytes.length - 2, () => 'wrong data length');
    return true;
  });
}, FUZZ_TIMEOUT_MS);
