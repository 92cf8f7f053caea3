import { describe, expect, it } from 'vitest';
import type { KioskStatus } from '../../../common/fleet-messages';
import { conditionsNow } from '../../../fleet/server/alerts/rules';
import { DEFAULT_ALERT_SETTINGS } from '../../../fleet/server/alerts/settings';

const T0 = '2026-12-07T10:00:00.000Z';
const status = (changes: Partial<KioskStatus>): KioskStatus => ({
  online: true, sentAt: T0, softwareVersion: '0.1.0', uptimeSeconds: 1, visit: 'attract', devices: [],
  disk: { freeBytes: 1, totalBytes: 2 }, configVersion: 0, lastError: null, restartsLastHour: 0, wipeFailed: false, ...changes,
});
const minutesAfter = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000);

describe('alert rules', () => {
  const rules = DEFAULT_ALERT_SETTINGS.rules;

  it('finds nothing wrong in a healthy kiosk heard just now', () => {
    expect(conditionsNow(rules, [{ id: 'k', createdAt: T0, heard: { at: T0, status: status({}) } }], minutesAfter(1))).toEqual([]);
  });

  it('counts the offline window from the last status, or from enrolment for a kiosk never heard', () => {
    const kiosks = [{ id: 'heard', createdAt: T0, heard: { at: minutesAfter(5).toISOString(), status: status({}) } }, { id: 'never', createdAt: T0 }];
    expect(conditionsNow(rules, kiosks, minutesAfter(10)).map((condition) => condition.kioskId)).toEqual(['never']);
    expect(conditionsNow(rules, kiosks, minutesAfter(15)).map((condition) => condition.kioskId)).toEqual(['heard', 'never']);
  });

  it('names devices by kind and id only, not with their error text (a short reason, kept for the kiosk page)', () => {
    const failing = status({ devices: [{ id: 't1', kind: 'thermometer', state: 'error', lastError: 'no answer on the serial line' }] });
    const [condition] = conditionsNow(rules, [{ id: 'k', createdAt: T0, heard: { at: T0, status: failing } }], minutesAfter(1));
    expect(condition).toEqual({ kioskId: 'k', rule: 'device-error', detail: 'thermometer t1: error' });
  });

  it('raises nothing for a disabled rule', () => {
    const looping = status({ restartsLastHour: 50 });
    const off = { ...rules, 'crash-loop': { enabled: false, restartsPerHour: 3 } };
    expect(conditionsNow(off, [{ id: 'k', createdAt: T0, heard: { at: T0, status: looping } }], minutesAfter(1))).toEqual([]);
  });
});
