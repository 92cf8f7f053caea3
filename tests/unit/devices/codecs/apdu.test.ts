import { describe, expect, it } from 'vitest';
import { isSuccess, parseResponse, selectByAid } from '../../../../devices/codecs/apdu';

describe('selectByAid', () => {
  it('selects the eMRTD application as ICAO Doc 9303 writes it, asking for no data', () => {
    const select = selectByAid(Uint8Array.from([0xa0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01]));
    expect(select).toEqual({ ok: true, value: Uint8Array.from([0x00, 0xa4, 0x04, 0x0c, 0x07, 0xa0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01]) });
  });

  it('refuses an identifier of the wrong length', () => {
    expect(selectByAid(new Uint8Array(4)).ok).toBe(false);
    expect(selectByAid(new Uint8Array(17)).ok).toBe(false);
  });
});

describe('parseResponse', () => {
  it('splits data from the status word', () => {
    expect(parseResponse(Uint8Array.from([0x01, 0x02, 0x90, 0x00]))).toEqual({ ok: true, value: { data: Uint8Array.from([1, 2]), status: 0x9000 } });
    expect(parseResponse(Uint8Array.from([0x6a, 0x82]))).toEqual({ ok: true, value: { data: new Uint8Array(), status: 0x6a82 } });
  });

  it('refuses a response without a status word, or with a byte that is none', () => {
    expect(parseResponse(Uint8Array.from([0x90])).ok).toBe(false);
    expect(parseResponse(Uint8Array.from([0x12, 0x00])).ok).toBe(false);
    expect(parseResponse(Uint8Array.from([0x60, 0x00])).ok).toBe(false);
    expect(parseResponse(new Uint8Array(259).fill(0x90)).ok).toBe(false);
  });

  it('counts 9000 and 61XX as success, anything else not', () => {
    expect([0x9000, 0x6110].map(isSuccess)).toEqual([true, true]);
    expect([0x6a82, 0x6d00, 0x9001].map(isSuccess)).toEqual([false, false, false]);
  });
});
