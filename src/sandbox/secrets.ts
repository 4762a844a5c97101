import { randomBytes } from 'node:crypto';
import type { SqlExecutor } from '../../contracts/ports.js';

/**
 * The sandbox bank terminal's password of this installation: random, made on first use and kept in
 * the database, so every process (and the sandbox bank and the adapter alike) uses the same one.
 */
export async function sandboxBankPassword(db: SqlExecutor): Promise<string> {
  await db.query(
    `INSERT INTO sandbox_secrets (name, value) VALUES ('bank_password', $1) ON CONFLICT (name) DO NOTHING`,
    [randomBytes(24).toString('base64url')],
  );
  const { rows }: { rows: { value: string }[] } = await db.query(
    `SELECT value FROM sandbox_secrets WHERE name = 'bank_password'`,
  );
  return rows[0]!.value;
}

/** BANK_PASSWORD when set, otherwise the installation's sandbox password. */
export async function bankPassword(configured: string | undefined, db: SqlExecutor): Promise<string> {
  return configured ?? sandboxBankPassword(db);
}
