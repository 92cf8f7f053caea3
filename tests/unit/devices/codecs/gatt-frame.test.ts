import { describe, expect, it } from 'vitest';
import { decodeGattFrame, encodeGattFrame, formatUuid } from '../../../../devices/codecs/gatt-frame';

describe('GATT frame', () => {
  it('reads the UUID little-endian, then the value', () => {
    const result = decodeGattFrame(Uint8Array.of(0x1c, 0x2a, 0x00, 0xb0));
    expect(result.ok && { uuid: formatUuid(result.value.uuid), value: [...result.value.value] }).toEqual({
      uuid: '0x2A1C', value: [0x00, 0xb0],
    });
  });

  it('round-trips', () => {
    const frame = { uuid: 0x2a35, value: Uint8Array.of(1, 2, 3) };
    expect(decodeGattFrame(encodeGattFrame(frame))).toEqual({ ok: true, value: frame });
  });

  it('rejects a frame too short to hold a UUID', () => {
    const result = decodeGattFrame(Uint8Array.of(0x1c));
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/truncated/) });
  });
});
