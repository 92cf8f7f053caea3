import { describe, expect, it } from 'vitest';
import { UsageEventSchema, UsageRecordSchema } from '../../../common/usage-events';

const record = { schema: 1, id: '0b7c4f9e-2d2a-4d7e-9a51-3f6f7c1e2a10', day: '2026-11-25', event: { type: 'visit-started' } };

describe('usage events, as the fleet reads them', () => {
  it('take a site by its origin only: a path, a query or a fragment is refused', () => {
    expect(UsageEventSchema.safeParse({ type: 'site-opened', origin: 'https://www.service-public.fr' }).success).toBe(true);
    for (const origin of ['https://www.service-public.fr/particuliers', 'https://www.service-public.fr/?dossier=1', 'https://a.fr#x', 'not a url']) {
      expect(UsageEventSchema.safeParse({ type: 'site-opened', origin }).success, origin).toBe(false);
    }
  });

  it('refuse a field the contract does not name, such as a measurement value', () => {
    expect(UsageEventSchema.safeParse({ type: 'measurement-taken', kind: 'thermometer', celsius: 37.6 }).success).toBe(false);
    expect(UsageEventSchema.safeParse({ type: 'language-chosen', language: 'English' }).success).toBe(false);
  });

  it('keep durations to ten seconds', () => {
    expect(UsageEventSchema.safeParse({ type: 'visit-ended', outcome: 'finished', durationSeconds: 120 }).success).toBe(true);
    expect(UsageEventSchema.safeParse({ type: 'visit-ended', outcome: 'finished', durationSeconds: 123 }).success).toBe(false);
  });

  it('carry a day, never a time of day, and a schema version the fleet checks', () => {
    expect(UsageRecordSchema.safeParse(record).success).toBe(true);
    expect(UsageRecordSchema.safeParse({ ...record, day: '2026-11-25T14:30:00Z' }).success).toBe(false);
    expect(UsageRecordSchema.safeParse({ ...record, schema: 2 }).success).toBe(false);
  });
});
