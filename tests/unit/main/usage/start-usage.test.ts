import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fromPromise } from 'xstate';
import { sessionMachine } from '../../../../main/session/machine';
import { startUsage, usageFile, type RunningUsage } from '../../../../main/usage/start-usage';
import { captureLog } from '../../../support/capture-log';
import { measure, startSimulatedKiosk } from '../session/simulated-kiosk';
import { oximetry, temperature } from './recorded-kiosk';

const SETTINGS = { enabled: true, maxRows: 1000, maxAgeDays: 90 };
const SITE_PAGE = 'https://www.service-public.fr/particuliers/vosdroits/F1234?dossier=ABC123#etape-2';

let stateDir: string;
let running: RunningUsage | undefined;

/** The real session machine with usage recorded by the host's own hook into `stateDir`. */
function startKiosk(settings = SETTINGS, folder = stateDir) {
  const kiosk = startSimulatedKiosk(sessionMachine.provide({ actors: { wipeSession: fromPromise<void>(async () => {}) } }));
  const { log, lines } = captureLog();
  running = startUsage(kiosk.actor, settings, folder, log);
  /** A whole visit in English: both measurements, an official site deep in a procedure, then "finish" and the wipe. */
  const wholeVisit = async () => {
    kiosk.actor.send({ type: 'SESSION.START' });
    kiosk.actor.send({ type: 'LANGUAGE.CHOOSE', language: 'en' });
    kiosk.actor.send({ type: 'CONSENT.ACCEPT' });
    await measure(kiosk, temperature);
    await measure(kiosk, oximetry);
    kiosk.actor.send({ type: 'SITE.OPEN', url: SITE_PAGE });
    kiosk.actor.send({ type: 'SITE.CLOSE' });
    kiosk.actor.send({ type: 'VISIT.FINISH' });
    kiosk.actor.send({ type: 'END.DISMISS' });
    await kiosk.settle();
  };
  const errors = () => lines.filter((line) => line.level === 50);
  return { ...kiosk, wholeVisit, lines, errors };
}

beforeEach(() => {
  stateDir = mkdtempSync(path.join(tmpdir(), 'borne-usage-state-'));
});
afterEach(() => {
  running?.stop();
  running = undefined;
  rmSync(stateDir, { recursive: true, force: true });
});

describe('usage events in the host', () => {
  it('store nothing that names a person: no measurement value, no language name, no page address', async () => {
    const kiosk = startKiosk();
    await kiosk.wholeVisit();
    running!.stop();

    const db = new Database(usageFile(stateDir), { readonly: true });
    const rows = db.prepare('SELECT * FROM usage_events ORDER BY seq').all() as Array<Record<string, unknown>>;
    db.close();
    expect(rows.map((row) => JSON.parse(row.event as string))).toEqual([
      { type: 'visit-started' },
      { type: 'language-chosen', language: 'en' },
      { type: 'measurement-taken', kind: 'thermometer' },
      { type: 'measurement-taken', kind: 'pulseOximeter' },
      { type: 'site-opened', origin: 'https://www.service-public.fr' },
      { type: 'visit-ended', outcome: 'finished', durationSeconds: 0 },
    ]);
    for (const row of rows) {
      expect(Object.keys(row).sort()).toEqual(['day', 'event', 'id', 'schema', 'seq']);
      expect(row.day).toMatch(/^\d{4}-\d{2}-\d{2}$/); // a day, no time of day
    }
    // Nor anywhere in the files on disk, journal included: the values never reached SQLite at all.
    const onDisk = readdirSync(stateDir).map((name) => readFileSync(path.join(stateDir, name)).toString('latin1')).join('\n');
    expect(onDisk).toContain('"origin":"https://www.service-public.fr"'); // the files are read as written
    for (const secret of ['37.6', 'finger', 'spo2', 'pulsePerMinute', 'celsius', '/particuliers', 'F1234', 'ABC123', 'etape', 'English']) {
      expect(onDisk).not.toContain(secret);
    }
  });

  it('survives a restart of the host: the next run finds the earlier visits', async () => {
    await startKiosk().wholeVisit();
    running!.stop();
    const kiosk = startKiosk();
    await kiosk.wholeVisit();
    const ended = running!.store!.since(0, 100).filter((row) => row.record.event.type === 'visit-ended');
    expect(ended).toHaveLength(2);
  });

  it('serves on without usage events when the file is corrupt, and says so once', async () => {
    const garbage = 'SQLite format 3\u0000 but torn apart by a power cut '.repeat(100);
    writeFileSync(usageFile(stateDir), garbage);
    const kiosk = startKiosk();
    expect(running!.store).toBeNull();
    await kiosk.wholeVisit();
    await kiosk.wholeVisit();
    expect(kiosk.view().screen).toBe('attract');
    expect(kiosk.errors()).toEqual([expect.objectContaining({ msg: expect.stringMatching(/usage events are off: the usage store could not be opened; the kiosk serves on without them/) })]);
    expect(readFileSync(usageFile(stateDir), 'latin1')).toBe(garbage); // left for a technician to look at
  });

  it('serves on without usage events when the state folder cannot be written', async () => {
    const notAFolder = path.join(stateDir, 'state');
    writeFileSync(notAFolder, 'a file where the state folder should be');
    const kiosk = startKiosk(SETTINGS, notAFolder);
    expect(running!.store).toBeNull();
    await kiosk.wholeVisit();
    expect(kiosk.view().screen).toBe('attract');
    expect(kiosk.errors()).toEqual([expect.objectContaining({ msg: expect.stringContaining('usage events are off'), file: path.join(notAFolder, 'usage.sqlite') })]);
  });

  it('serves on without usage events when the store fails mid-run, and says so once', async () => {
    const kiosk = startKiosk();
    await kiosk.wholeVisit();
    running!.store!.close(); // the database goes away under the recorder, as on a failing disk
    await kiosk.wholeVisit();
    await kiosk.wholeVisit();
    expect(kiosk.view().screen).toBe('attract');
    expect(kiosk.errors()).toEqual([expect.objectContaining({ msg: expect.stringContaining('usage events are off') })]);
    expect(running!.store).toBeNull();
  });

  it('records nothing, and makes no file, when the profile turns usage events off', async () => {
    const kiosk = startKiosk({ ...SETTINGS, enabled: false });
    await kiosk.wholeVisit();
    expect(existsSync(usageFile(stateDir))).toBe(false);
    expect(kiosk.lines).toContainEqual(expect.objectContaining({ msg: 'usage events are off, as the profile asks' }));
  });
});
