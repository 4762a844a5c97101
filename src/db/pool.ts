import pg from 'pg';

// numeric and bigint come back as strings: readings are exact decimals, money is kopecks.
// int8 (bigint) → string too, so nothing silently loses precision past 2^53.

/** Anything that runs a parameterized query: the pool or a transaction's client. */
export type Db = Pick<pg.Pool, 'query'> | pg.PoolClient;
export type Pool = pg.Pool;

export function createPool(connectionString: string, max = 10): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    application_name: 'domhub',
  });
  // An idle client losing its server (restart, failover) must not crash the process.
  pool.on('error', () => undefined);
  return pool;
}

/** Runs fn inside BEGIN/COMMIT on one client; the callback gets that client and must use it. */
export async function withTransaction<T>(pool: pg.Pool, fn: (tx: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/** Runs fn inside a transaction that is always rolled back: what a write would say, without writing (previews). */
export async function withRollback<T>(pool: pg.Pool, fn: (tx: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    return await fn(client);
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    client.release();
  }
}

/** The database name of a connection string (used by the test harness's safety check). */
export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
}
