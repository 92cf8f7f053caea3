import { describe, expect, it } from 'vitest';
import { badgeFromDataReport, dataReportFor } from '../../../../devices/codecs/badge-data-report';
import { badgeNumberOfBytes, badgeToken } from '../../../../devices/codecs/badge-token';

const LAYOUT = { reportId: 2, offset: 2, length: 4 };

describe('badge data reports', () => {
  it('reads the number where the layout says, in a report with its id', () => {
    expect(badgeFromDataReport(Uint8Array.of(2, 0, 0xde, 0xad, 0xbe, 0xef, 0, 0), LAYOUT))
      .toEqual({ ok: true, value: Uint8Array.of(0xde, 0xad, 0xbe, 0xef) });
    expect(badgeFromDataReport(dataReportFor(Uint8Array.of(1, 2, 3, 4), LAYOUT), LAYOUT)).toEqual({ ok: true, value: Uint8Array.of(1, 2, 3, 4) });
  });

  it('passes over reports with another id, and refuses short or blank ones with a reason', () => {
    expect(badgeFromDataReport(Uint8Array.of(3, 0, 1, 2, 3, 4), LAYOUT)).toEqual({ ok: true, value: null });
    expect(badgeFromDataReport(Uint8Array.of(2, 0, 1), LAYOUT)).toEqual({ ok: false, error: 'badge report: 3 bytes, too short for a number at 2..5' });
    expect(badgeFromDataReport(Uint8Array.of(2, 0, 0, 0, 0, 0), LAYOUT)).toEqual({ ok: false, error: 'badge report: blank badge number' });
    expect(badgeFromDataReport(Uint8Array.of(2, 0, 255, 255, 255, 255), LAYOUT)).toEqual({ ok: false, error: 'badge report: blank badge number' });
    expect(badgeFromDataReport(new Uint8Array(0), LAYOUT)).toEqual({ ok: false, error: 'badge report: empty' });
  });

  it('reads unnumbered reports from their first byte', () => {
    expect(badgeFromDataReport(Uint8Array.of(9, 8, 7), { offset: 0, length: 3 })).toEqual({ ok: true, value: Uint8Array.of(9, 8, 7) });
  });
});

describe('badge tokens', () => {
  it('are 32 hex characters, the same for the same number and salt, and differ with either', () => {
    const id = badgeToken('04A1B2C3D4', 'kiosk-salt-0123456789');
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(badgeToken('04A1B2C3D4', 'kiosk-salt-0123456789')).toBe(id);
    expect(badgeToken('04A1B2C3D5', 'kiosk-salt-0123456789')).not.toBe(id);
    expect(badgeToken('04A1B2C3D4', 'other-kiosk-salt-xyz')).not.toBe(id);
    expect(id).not.toContain('04a1b2c3d4');
  });

  it('give a data report the id a wedge reader typing its hex gets', () => {
    expect(badgeNumberOfBytes(Uint8Array.of(0x04, 0xa1, 0xb2))).toBe('04A1B2');
  });
});
