// How large a fleet one fleet server on this machine steers in time: the server (`npm run fleet`, embedded
// broker, SQLite) runs in its own process; simulated kiosks, lightweight MQTT clients in another process
// (bench/fleet/simulated-kiosks.ts), connect with their own credentials, send their full status and a
// heartbeat every 30 s, and answer each command at once, as the kiosk agent does. At each fleet size the
// bench issues commands through the HTTP API, one at a time to random kiosks, at a steady rate, and reads each
// round trip from the server's own records: command stored (POST) → sent over MQTT → kiosk's result back
// through the events topic → stored. Beside them: the server's RSS and CPU over the measurement. Baseline, in
// the same run: the same round trip with a fleet of one kiosk. It ends by naming the largest size whose p99
// stayed under 250 ms.
// Run: npm run bench fleet [sizes, comma-separated] (1,1000,2500,5000,10000 by default)
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { hashPassword } from '../../fleet/server/auth/password';
import { newSecret } from '../../fleet/server/auth/secrets';
import { openStore } from '../../fleet/server/store/store';
import { approvedKiosks, type ApprovedKiosk } from '../../tests/support/approved-kiosks';
import type { Benchmark, Figure } from '../run';
import { percentile } from '../stats';

const TARGET_P99_MS = 250;
const COMMANDS_PER_SIZE = 300;
const COMMANDS_PER_SECOND = 15;
const HEARTBEAT_SECONDS = 30;
const CLOCK_TICKS_PER_SECOND = 100;
const ADMIN = { username: 'bench-admin', password: newSecret() };


/** Enrolled and approved straight in the store before the server starts: enrolment is not what is measured. */
async function enrolKiosks(file: string, count: number): Promise<ApprovedKiosk[]> {
  const store = await openStore({ engine: 'sqlite', file });
  const at = new Date().toISOString();
  const admin = await store.accounts.create({ username: ADMIN.username, passwordHash: await hashPassword(ADMIN.password), role: 'administrator', at });
  const kiosks = await approvedKiosks(store, count, { adminId: admin.id, at });
  await store.close();
  return kiosks;
}

/** Starts `npm run fleet` as its own process; resolves with the addresses it prints. */
async function startServer(stateDir: string): Promise<{ child: ChildProcess; api: string; mqtt: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'fleet/server/cli.ts', '--state', stateDir, '--port', '0', '--mqtt-port', '0', '--host', '127.0.0.1'],
    { stdio: ['ignore', 'pipe', 'inherit'] });
  const seen: Record<string, string> = {};
  for await (const line of createInterface({ input: child.stdout! })) {
    const match = /server on (\S+)|broker for kiosks: (\S+)/.exec(line);
    if (match?.[1]) seen.api = match[1];
    if (match?.[2]) seen.mqtt = match[2];
    if (seen.api && seen.mqtt) break;
  }
  if (!seen.api || !seen.mqtt) throw new Error('the fleet server did not start');
  // Its later lines go nowhere, but must be read: a full pipe would stop the server's writes.
  child.stdout!.resume();
  return { child, api: seen.api, mqtt: seen.mqtt };
}

/** One process playing `kiosks`; resolves once all have connected (or failed to). */
async function playKiosks(mqttUrl: string, kiosks: ApprovedKiosk[]): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/fleet/simulated-kiosks.ts'], { stdio: ['pipe', 'pipe', 'inherit'] });
  child.stdin!.write(`${JSON.stringify({ mqttUrl, kiosks, heartbeatSeconds: HEARTBEAT_SECONDS, connectConcurrency: 50 })}\n`);
  for await (const line of createInterface({ input: child.stdout! })) {
    const report = JSON.parse(line) as { ready?: number; failed?: number };
    if (report.ready !== undefined) {
      if (report.failed) throw new Error(`${report.failed} simulated kiosks could not connect`);
      return child;
    }
  }
  throw new Error('the simulated kiosks stopped');
}

/** The process's CPU time in seconds and its resident memory in MB, from /proc. */
function usageOf(pid: number): { cpuSeconds: number; rssMb: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const cpuSeconds = (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]);
  return { cpuSeconds, rssMb: rssKb / 1024 };
}

async function login(api: string): Promise<{ cookie: string; csrf: string }> {
  const answer = await fetch(`${api}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  return { cookie: answer.headers.get('set-cookie')!.split(';')[0]!, csrf: ((await answer.json()) as { csrfToken: string }).csrfToken };
}

/** Sends SIGTERM; resolves with the exit code, or null if the server is still running after a minute. */
async function stopped(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  return Promise.race([exited, sleep(60_000, null, { ref: false })]);
}

/** Issues commands at a steady rate to random connected kiosks; answers their ids. */
async function issueCommands(api: string, session: { cookie: string; csrf: string }, kiosks: ApprovedKiosk[]): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < COMMANDS_PER_SIZE; i++) {
    const kiosk = kiosks[Math.floor(Math.random() * kiosks.length)]!;
    const answer = await fetch(`${api}/api/kiosks/${kiosk.id}/commands`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
      body: JSON.stringify({ name: 'collect-logs', delivery: 'online-only', expiresInMinutes: 5 }),
    });
    if (answer.status !== 201) throw new Error(`command refused: ${answer.status} ${await answer.text()}`);
    ids.push(((await answer.json()) as { id: string }).id);
    await sleep(1000 / COMMANDS_PER_SECOND);
  }
  return ids;
}

/** Round trips in ms from the server's records, once every command has its result (or a minute has passed). */
async function roundTrips(file: string, ids: string[]): Promise<{ trips: number[]; unanswered: number }> {
  const db = new Database(file, { readonly: true });
  const query = db.prepare(`SELECT created_at, result_at, state FROM commands WHERE id IN (${ids.map(() => '?').join(',')})`);
  let rows: Array<{ created_at: string; result_at: string | null; state: string }> = [];
  for (let waited = 0; waited < 60; waited++) {
    rows = query.all(...ids) as typeof rows;
    if (rows.every((row) => row.result_at)) break;
    await sleep(1000);
  }
  db.close();
  const trips = rows.filter((row) => row.result_at).map((row) => Date.parse(row.result_at!) - Date.parse(row.created_at));
  return { trips, unanswered: ids.length - trips.length };
}

const run: Benchmark = async (args) => {
  const sizes = (args[0] ?? '1,1000,2500,5000,10000').split(',').map(Number).sort((a, b) => a - b);
  const stateDir = mkdtempSync(path.join(tmpdir(), 'borne-bench-fleet-'));
  const file = path.join(stateDir, 'fleet.sqlite');
  const players: ChildProcess[] = [];
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  const figures: Figure[] = [];
  const figure = (metric: string, value: number, unit: string) => {
    figures.push({ bench: 'fleet', metric, value: Math.round(value * 10) / 10, unit });
  };
  try {
    const kiosks = await enrolKiosks(file, sizes.at(-1)!);
    server = await startServer(stateDir);
    const session = await login(server.api);
    let connected = 0;
    let largestInTime = 0;
    for (const size of sizes) {
      players.push(await playKiosks(server.mqtt, kiosks.slice(connected, size)));
      connected = size;
      await sleep(HEARTBEAT_SECONDS * 1000); // a full heartbeat round at this size before measuring
      const before = usageOf(server.child.pid!);
      const started = Date.now();
      const ids = await issueCommands(server.api, session, kiosks.slice(0, size));
      const after = usageOf(server.child.pid!);
      const { trips, unanswered } = await roundTrips(file, ids);
      const label = size === 1 ? 'baseline (1 kiosk)' : `${size} kiosks`;
      figure(`command round trip p50, ${label}`, percentile(trips, 50), 'ms');
      figure(`command round trip p99, ${label}`, percentile(trips, 99), 'ms');
      figure(`commands unanswered, ${label}`, unanswered, 'commands');
      figure(`server RSS, ${label}`, after.rssMb, 'MB');
      figure(`server CPU, ${label}`, (100 * (after.cpuSeconds - before.cpuSeconds)) / ((Date.now() - started) / 1000), '% of one core');
      if (unanswered === 0 && percentile(trips, 99) < TARGET_P99_MS) largestInTime = size;
    }
    figure(`largest fleet with command p99 under ${TARGET_P99_MS} ms`, largestInTime, 'kiosks');
    // Stopping with the whole fleet still connected closes every kiosk's session at once: it once overflowed the stack.
    const stopping = Date.now();
    const code = await stopped(server.child);
    if (code !== 0) throw new Error(`the fleet server did not stop cleanly with ${connected} kiosks connected (exit ${code}); its error is above`);
    figure(`server stop with ${connected} kiosks connected`, Date.now() - stopping, 'ms');
  } finally {
    for (const player of players) player.kill('SIGTERM');
    server?.child.kill('SIGTERM');
    await sleep(2000);
    rmSync(stateDir, { recursive: true, force: true });
  }
  return figures;
};
export default run;
