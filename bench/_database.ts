// The database a benchmark runs on, one way for all: a scratch database created on the server of
// BENCH_DATABASE_URL and dropped at the end (so a run leaves nothing behind in it), or, without that
// variable, an embedded PostgreSQL in a temporary directory. Migrated before it is handed over.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../src/db/embedded.js';
import { migrate } from '../src/db/migrate.js';

export interface BenchDatabase {
  url: string;
  /** A temporary directory for the benchmark's own files, removed by close(). */
  dir: string;
  close(): Promise<void>;
}

export async function benchDatabase(): Promise<BenchDatabase> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'domhub-bench-'));
  const embedded = process.env.BENCH_DATABASE_URL
    ? undefined
    : await startEmbeddedPostgres({ dir: path.join(dir, 'pg'), database: 'postgres' });
  const serverUrl = process.env.BENCH_DATABASE_URL ?? embedded!.url;
  const name = `domhub_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  admin.on('error', () => undefined); // the embedded server going down at the end
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();
  await migrate(url);
  return {
    url,
    dir,
    async close() {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
      await admin.end().catch(() => undefined);
      await embedded?.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
