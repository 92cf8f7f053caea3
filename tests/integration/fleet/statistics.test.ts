import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { USAGE_SCHEMA_VERSION, type UsageEvent, type UsageRecord } from '../../../common/usage-events';
import type { FleetStore } from '../../../fleet/server/store/store';
import { fleetApiOn } from '../../support/fleet-api';
import { storedKiosk } from '../../support/fleet-kiosks';
import { FLEET_ENGINES, fleetStores } from '../../support/fleet-stores';

const T0 = '2026-12-07T10:00:00.000Z';

async function record(store: FleetStore, kioskId: string, day: string, events: UsageEvent[]): Promise<void> {
  const records = events.map((event) => {
    const key = randomUUID();
    const usage: UsageRecord = { schema: USAGE_SCHEMA_VERSION, id: key, day, event };
    return { key, record: usage };
  });
  await store.usage.record(kioskId, records, T0);
}

/** Two kiosks, three days: the second day's figures are the ones the assertions read. */
async function storedUsage(store: FleetStore) {
  const hall = await storedKiosk(store, 'Town hall, "main" desk', T0);
  const bus = await storedKiosk(store, '=bus', T0);
  await record(store, hall, '2026-12-01', [{ type: 'visit-started' }, { type: 'visit-ended', outcome: 'finished', durationSeconds: 100 }]);
  await record(store, hall, '2026-12-02', [
    { type: 'visit-started' }, { type: 'language-chosen', language: 'ar' }, { type: 'procedure-chosen', procedure: 'passport' },
    { type: 'site-opened', origin: 'https://ants.gouv.fr', procedure: 'passport' }, { type: 'measurement-taken', kind: 'thermometer' },
    { type: 'help-asked' }, { type: 'satisfaction', rating: 'good' }, { type: 'visit-ended', outcome: 'finished', durationSeconds: 300 },
    { type: 'visit-started' }, { type: 'language-chosen', language: 'fr' }, { type: 'visit-ended', outcome: 'timed-out', durationSeconds: 60 },
  ]);
  await record(store, bus, '2026-12-02', [
    { type: 'visit-started' }, { type: 'language-chosen', language: 'ar' }, { type: 'satisfaction', rating: 'bad' },
    { type: 'visit-ended', outcome: 'declined', durationSeconds: 10 }, { type: 'usage-dropped', count: 7, reason: 'full' },
  ]);
  await record(store, bus, '2026-12-03', [{ type: 'visit-started' }]);
  return { hall, bus };
}

describe.each(FLEET_ENGINES)('usage statistics on %s', (engine) => {
  const stores = fleetStores(engine);

  it('aggregates visits, outcomes, durations, help, satisfaction and dropped events per day in the period', async () => {
    const store = await stores.fresh();
    await storedUsage(store);
    const api = fleetApiOn(store);
    const viewer = await api.loggedIn('vic', 'viewer');
    const answer = await api.get('/api/statistics?from=2026-12-02&to=2026-12-03&by=day', viewer);
    expect(answer.statusCode).toBe(200);
    const report = answer.json();
    expect(report.rows.map((row: { key: string; visits: number; count: number }) => [row.key, row.visits, row.count])).toEqual([['2026-12-02', 3, 3], ['2026-12-03', 1, 1]]);
    expect(report.rows[0]).toMatchObject({
      ended: { finished: 1, 'timed-out': 1, declined: 1, watchdog: 0, admin: 0 },
      averageDurationSeconds: 123,
      measurements: 1, helpAsked: 1, languagesChosen: 3, proceduresChosen: 1, sitesOpened: 1,
      satisfaction: { good: 1, neutral: 0, bad: 1 },
      dropped: 7,
    });
    expect(report.rows[1]).toMatchObject({ averageDurationSeconds: null, dropped: 0 });
    expect(report.totals).toMatchObject({ visits: 4, dropped: 7, averageDurationSeconds: 123 });
  });

  it('groups by kiosk with its name, and by a field only some events carry', async () => {
    const store = await stores.fresh();
    const { hall, bus } = await storedUsage(store);
    const api = fleetApiOn(store);
    const viewer = await api.loggedIn('vic', 'viewer');
    const byKiosk = (await api.get('/api/statistics?from=2026-12-01&to=2026-12-31&by=kiosk', viewer)).json();
    const visitsOf = (rows: { key: string | null; label: string | null; visits: number }[]) => Object.fromEntries(rows.map((row) => [row.key ?? '(none)', [row.label, row.visits]]));
    expect(visitsOf(byKiosk.rows)).toEqual({ [hall]: ['Town hall, "main" desk', 3], [bus]: ['=bus', 2] });
    const byLanguage = (await api.get('/api/statistics?from=2026-12-01&to=2026-12-31&by=language', viewer)).json();
    // `count` is what the grouping is about: languages chosen here, procedures chosen below.
    const counted = (rows: { key: string | null; count: number }[]) => Object.fromEntries(rows.map((row) => [row.key ?? '(none)', row.count]));
    expect(counted(byLanguage.rows)).toEqual({ ar: 2, fr: 1, '(none)': 0 });
    const byProcedure = (await api.get('/api/statistics?from=2026-12-01&to=2026-12-31&by=procedure', viewer)).json();
    expect(counted(byProcedure.rows)).toEqual({ passport: 1, '(none)': 0 });
    expect(byProcedure.rows.find((row: { key: string | null }) => row.key === null).visits).toBe(5);
    const byOutcome = (await api.get('/api/statistics?from=2026-12-01&to=2026-12-31&by=outcome', viewer)).json();
    const finished = byOutcome.rows.find((row: { key: string | null }) => row.key === 'finished');
    expect(finished).toMatchObject({ ended: { finished: 2 }, averageDurationSeconds: 200 });
  });

  it('exports the same figures as CSV: header, quoting, formula-safe cells, an attachment', async () => {
    const store = await stores.fresh();
    const { hall, bus } = await storedUsage(store);
    const api = fleetApiOn(store);
    const viewer = await api.loggedIn('vic', 'viewer');
    const answer = await api.get('/api/statistics.csv?from=2026-12-01&to=2026-12-31&by=kiosk', viewer);
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(answer.headers['content-disposition']).toBe('attachment; filename="borne-usage-by-kiosk-2026-12-01-2026-12-31.csv"');
    const lines = answer.body.split('\r\n');
    expect(lines[0]).toBe('kiosk,kiosk_name,visits,ended_finished,ended_timed-out,ended_watchdog,ended_admin,ended_declined,average_duration_seconds,'
      + 'measurements,help_asked,languages_chosen,procedures_chosen,sites_opened,satisfaction_good,satisfaction_neutral,satisfaction_bad,usage_dropped');
    expect(lines).toContain(`${hall},"Town hall, ""main"" desk",3,2,1,0,0,0,153,1,1,2,1,1,1,0,0,0`);
    expect(lines).toContain(`${bus},'=bus,2,0,0,0,0,1,10,0,0,1,0,0,0,0,1,7`);
    expect(lines.at(-1)).toBe('');
  });

  it('refuses a malformed period or grouping, naming the field', async () => {
    const api = fleetApiOn(await stores.fresh());
    const viewer = await api.loggedIn('vic', 'viewer');
    const cases: [string, RegExp][] = [
      ['/api/statistics?to=2026-12-31', /^query\.from: /],
      ['/api/statistics?from=2026-13-01&to=2026-12-31', /^query\.from: not a day of the calendar/],
      ['/api/statistics?from=2026-02-30&to=2026-12-31', /^query\.from: not a day of the calendar/],
      ['/api/statistics?from=2026-12-01&to=31/12/2026', /^query\.to: a day as YYYY-MM-DD/],
      ['/api/statistics?from=2026-12-02&to=2026-12-01', /^query\.to: must be the same day as `from` or after it/],
      ['/api/statistics.csv?from=2026-12-01&to=2026-12-31&by=visitor', /^query\.by: /],
    ];
    for (const [url, message] of cases) {
      const answer = await api.get(url, viewer);
      expect(answer.statusCode, url).toBe(400);
      expect(answer.json().error, url).toMatch(message);
    }
    expect((await api.get('/api/statistics?from=2026-12-01&to=2026-12-31')).statusCode).toBe(401);
  });
});
