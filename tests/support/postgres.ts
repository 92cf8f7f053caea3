import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freeLoopbackPort } from '../../devices/simulators/free-port';

const run = promisify(execFile);

/**
 * A real PostgreSQL of the test's own: a fresh cluster in a temp folder on a free loopback port, trust
 * authentication for its one user, stopped and deleted by `stop()`. PostgreSQL refuses to run as root,
 * so under root (containers, CI) it runs as `nobody`. Needs Debian's postgresql package
 * (build/system-packages.sh installs it).
 */
export interface TestPostgres {
  /** A new empty database on the cluster, as a connection URL: one per test keeps tests apart. */
  freshDatabase(): Promise<string>;
  /** Ends every connection to `database` from the server side, as a restart or an administrator would. */
  endConnections(database: string): Promise<number>;
  stop(): Promise<void>;
}

export async function startPostgres(): Promise<TestPostgres> {
  const bin = postgresBin();
  const dir = mkdtempSync(path.join(tmpdir(), 'borne-pg-'));
  const asRoot = process.getuid?.() === 0;
  const nobody = 65534;
  if (asRoot) chownSync(dir, nobody, nobody);
  const as = (command: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'nobody', '--', path.join(bin, command), ...args]) : run(path.join(bin, command), args);
  const data = path.join(dir, 'data');
  const port = await freeLoopbackPort();
  try {
    await as('initdb', ['-D', data, '-U', 'borne', '--auth=trust', '--no-sync', '-E', 'UTF8']);
    // The socket goes into our temp folder: /run/postgresql may not exist or be writable here.
    const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
    await as('pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'log'), '-w', 'start']);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const base = `postgres://borne@127.0.0.1:${port}`;
  let count = 0;
  const asAdministrator = async <T>(work: (admin: pg.Client) => Promise<T>): Promise<T> => {
    const admin = new pg.Client({ connectionString: `${base}/postgres` });
    await admin.connect();
    try {
      return await work(admin);
    } finally {
      await admin.end();
    }
  };
  return {
    async freshDatabase() {
      const name = `fleet_${++count}`;
      await asAdministrator((admin) => admin.query(`create database ${name}`));
      return `${base}/${name}`;
    },
    endConnections: (database) =>
      asAdministrator(async (admin) => {
        const ended = await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [database]);
        return ended.rowCount ?? 0;
      }),
    async stop() {
      try {
        // Smart first: it waits for clients to leave. A closed pg pool has sent its goodbyes but may not
        // be gone yet, and a fast stop would end those connections with an error nobody listens to any more.
        await as('pg_ctl', ['-D', data, '-m', 'smart', '-t', '10', '-w', 'stop']).catch(() => as('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error(`no PostgreSQL under ${root}: run build/system-packages.sh`);
  return path.join(root, newest, 'bin');
}

