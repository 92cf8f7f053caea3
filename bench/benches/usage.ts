// What recording one usage event costs the session: better-sqlite3's append is synchronous, so it runs
// on the host's one thread between a touch and its snapshot. Visits are replayed as the recorder writes
// them into a real file (WAL, in a temporary folder, the row bound small enough that pruning happens
// during the run): each append timed alone, and the checkpoint after each visit's end (the one moment
// SQLite syncs to disk) timed apart. Beside them, in the same run, the same events pushed onto an
// in-memory array. Run: npm run bench usage
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { UsageEvent } from '../../common/usage-events';
import { UsageStore } from '../../main/usage/usage-store';
import type { Benchmark } from '../run';
import { median } from '../stats';

const VISITS = 1_000;
/** A tenth of it is pruned at once, so the run holds about 20 prunes and their cost shows in the tail. */
const MAX_ROWS = 2_000;

/** A visit's worth of events, as the recorder writes them. */
const VISIT: UsageEvent[] = [
  { type: 'visit-started' },
  { type: 'language-chosen', language: 'fr' },
  { type: 'measurement-taken', kind: 'thermometer' },
  { type: 'site-opened', origin: 'https://www.service-public.fr' },
  { type: 'visit-ended', outcome: 'finished', durationSeconds: 240 },
];

/** Microseconds `run` took. */
function time(run: () => void): number {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1000;
}

const percentile = (samples: number[], p: number) => [...samples].sort((a, b) => a - b)[Math.ceil((samples.length * p) / 100) - 1]!;

const usage: Benchmark = async () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'borne-bench-usage-'));
  try {
    const store = UsageStore.open(path.join(folder, 'usage.sqlite'), { maxRows: MAX_ROWS, maxAgeDays: 90 });
    const appends: number[] = [];
    const checkpoints: number[] = [];
    for (let visit = 0; visit < VISITS; visit++) {
      for (const event of VISIT) appends.push(time(() => store.append(event)));
      checkpoints.push(time(() => store.checkpoint()));
    }
    store.close();
    const array: UsageEvent[] = [];
    const pushes: number[] = [];
    for (let visit = 0; visit < VISITS; visit++) for (const event of VISIT) pushes.push(time(() => void array.push(event)));

    const n = appends.length;
    const figure = (metric: string, value: number) => ({ bench: 'usage', metric, value: Math.round(value * 10) / 10, unit: 'µs' });
    return [
      figure(`append to the SQLite usage store, median of ${n}`, median(appends)),
      figure(`append to the SQLite usage store, 99th percentile of ${n}`, percentile(appends, 99)),
      figure(`append to the SQLite usage store, slowest of ${n} (prunes included)`, Math.max(...appends)),
      figure(`checkpoint after a visit's end (syncs to disk), median of ${VISITS}`, median(checkpoints)),
      figure(`checkpoint after a visit's end (syncs to disk), slowest of ${VISITS}`, Math.max(...checkpoints)),
      figure(`baseline: push onto an in-memory array, median of ${n}`, median(pushes)),
      figure(`baseline: push onto an in-memory array, 99th percentile of ${n}`, percentile(pushes, 99)),
    ];
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
};

export default usage;
