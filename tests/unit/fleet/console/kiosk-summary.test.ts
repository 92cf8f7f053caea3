import { describe, expect, it } from 'vitest';
import type { Kiosk } from '../../../../fleet/console/src/api/shapes';
import { deviceProblems, fleetCounts, matches, NO_FILTERS, needsAttention, paperOf } from '../../../../fleet/console/src/kiosk-summary';
import { status } from '../../../support/fleet-console-stand-ins';

const kiosk = (overrides: Partial<Kiosk>): Kiosk => ({
  id: '5d0c6f8e-0000-4000-8000-000000000001', name: 'Town hall', state: 'approved', created_at: '2026-12-07T10:00:00.000Z',
  online: true, heardAt: '2026-12-07T10:00:00.000Z', group_name: null, status: status({}), ...overrides,
});
const printerOut = status({ devices: [{ id: 'receipt', kind: 'receiptPrinter', state: 'ok', paper: 'out', lastError: null }] });
const deadThermometer = status({ devices: [{ id: 'thermometer', kind: 'thermometer', state: 'error', lastError: 'no answer' }] });

describe('what the fleet list says about a kiosk', () => {
  it('needs attention when offline, with a device in trouble, out of paper, after a failed wipe or a refused configuration, or pending', () => {
    expect(needsAttention(kiosk({}))).toBe(false);
    expect(needsAttention(kiosk({ online: false }))).toBe(true);
    expect(needsAttention(kiosk({ status: deadThermometer }))).toBe(true);
    expect(needsAttention(kiosk({ status: printerOut }))).toBe(true);
    expect(needsAttention(kiosk({ status: status({ wipeFailed: true }) }))).toBe(true);
    expect(needsAttention(kiosk({ config_error: 'session: expected an object' }))).toBe(true);
    expect(needsAttention(kiosk({ state: 'pending', online: undefined, status: null }))).toBe(true);
    expect(needsAttention(kiosk({ state: 'revoked', online: false }))).toBe(false);
  });

  it('names the devices in trouble and the worst paper state', () => {
    expect(deviceProblems(kiosk({ status: deadThermometer })).map((d) => d.id)).toEqual(['thermometer']);
    expect(paperOf(kiosk({ status: printerOut }))).toBe('out');
    expect(paperOf(kiosk({ status: deadThermometer }))).toBeNull();
  });

  it('filters by text, group (or none), connection and problems, and counts the whole fleet', () => {
    const fleet = [
      kiosk({ id: 'a1', name: 'Town hall', group_name: 'mairies' }),
      kiosk({ id: 'b2', name: 'Library bus', group_name: 'bus', online: false }),
      kiosk({ id: 'c3', name: 'Cabin', status: deadThermometer }),
    ];
    const names = (filters: Partial<typeof NO_FILTERS>) => fleet.filter((k) => matches(k, { ...NO_FILTERS, ...filters })).map((k) => k.name);
    expect(names({})).toEqual(['Town hall', 'Library bus', 'Cabin']);
    expect(names({ text: ' LIBRARY ' })).toEqual(['Library bus']);
    expect(names({ text: 'c3' })).toEqual(['Cabin']);
    expect(names({ group: 'bus' })).toEqual(['Library bus']);
    expect(names({ group: null })).toEqual(['Cabin']);
    expect(names({ connection: 'offline' })).toEqual(['Library bus']);
    expect(names({ connection: 'online', problemsOnly: true })).toEqual(['Cabin']);
    expect(fleetCounts(fleet)).toEqual({ total: 3, online: 2, attention: 2 });
  });
});
