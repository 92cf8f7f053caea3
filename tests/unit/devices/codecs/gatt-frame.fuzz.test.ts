import { it } from 'vitest';
import { decodeGattFrame, encodeGattFrame } from '../../../../devices/codecs/gatt-frame';
import { check, FUZZ_TIMEOUT_MS, fuzzFrame, runFuzz, toHex } from './fuzz';

it('decodes 100,000 random and mutated payloads: accepted exactly when a UUID fits, and re-encoded byte for byte', () => {
  runFuzz('GATT frame', (rng) => fuzzFrame(rng, (r) => encodeGattFrame({ uuid: r.below(0x10000), value: r.bytes(r.below(20)) })), (bytes) => {
    const result = decodeGattFrame(bytes);
    check(result.ok === bytes.length >= 2, () => `${bytes.length} bytes ${result.ok ? 'accepted' : 'refused'}`);
    if (result.ok) check(toHex(encodeGattFrame(result.value)) === toHex(bytes), () => 'a different payload re-encoded');
    return result.ok;
  });
}, FUZZ_TIMEOUT_MS);
