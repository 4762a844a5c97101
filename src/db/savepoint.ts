import type { Db } from './pool.js';

const NAME = /^[a-z_][a-z0-9_]*$/;

/**
 * Runs fn inside a savepoint of the caller's transaction: a failure rolls back fn's statements only
 * (the transaction goes on) and is rethrown for the caller to judge.
 */
export async function withSavepoint<T>(tx: Db, name: string, fn: () => Promise<T>): Promise<T> {
  // The name is interpolated into SQL: only a plain identifier is accepted.
  if (!NAME.test(name)) throw new Error(`invalid savepoint name: ${name}`);
  await tx.query(`SAVEPOINT ${name}`);
  try {
    const result = await fn();
    await tx.query(`RELEASE SAVEPOINT ${name}`);
    return result;
  } catch (err) {
    await tx.query(`ROLLBACK TO SAVEPOINT ${name}`);
    throw err;
  }
}
