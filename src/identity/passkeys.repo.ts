import type { Db } from '../db/pool.js';

// SQL of passkeys (WebAuthn credentials) and the challenges of their ceremonies.

export interface PasskeyRow {
  id: string;
  credential_id: string;
  person_id: string;
  public_key: Buffer;
  counter: string;
  transports: string[];
  name: string;
  created_at: Date;
  last_used_at: Date | null;
}

export async function insertWebauthnChallenge(
  db: Db,
  c: {
    kind: 'register' | 'authenticate';
    challenge: string;
    personId?: string;
    browserHash?: string;
    ttlMinutes: number;
  },
) {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO webauthn_challenges (kind, person_id, browser_hash, challenge, expires_at)
     VALUES ($1, $2, $3, $4, now() + make_interval(mins => $5)) RETURNING id`,
    [c.kind, c.personId ?? null, c.browserHash ?? null, c.challenge, c.ttlMinutes],
  );
  return rows[0]!.id;
}

/** Takes a live challenge once, for its person (registration) or its browser (sign-in). */
export async function consumeWebauthnChallenge(
  db: Db,
  id: string,
  kind: 'register' | 'authenticate',
  owner: { personId?: string; browserHash?: string },
) {
  const { rows } = await db.query<{ challenge: string }>(
    `UPDATE webauthn_challenges SET consumed_at = now()
      WHERE id = $1 AND kind = $2 AND consumed_at IS NULL AND expires_at > now()
        AND person_id IS NOT DISTINCT FROM $3 AND browser_hash IS NOT DISTINCT FROM $4
     RETURNING challenge`,
    [id, kind, owner.personId ?? null, owner.browserHash ?? null],
  );
  return rows[0]?.challenge;
}

export async function insertPasskey(
  db: Db,
  p: { credentialId: string; personId: string; publicKey: Buffer; counter: number; transports: string[]; name: string },
) {
  const { rows } = await db.query<PasskeyRow>(
    `INSERT INTO passkeys (credential_id, person_id, public_key, counter, transports, name)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
    [p.credentialId, p.personId, p.publicKey, p.counter, p.transports, p.name],
  );
  return rows[0]!;
}

export async function listPasskeys(db: Db, personId: string) {
  const { rows } = await db.query<PasskeyRow>(`SELECT * FROM passkeys WHERE person_id = $1 ORDER BY created_at, id`, [
    personId,
  ]);
  return rows;
}

export async function findPasskeyByCredential(db: Db, credentialId: string) {
  const { rows } = await db.query<PasskeyRow>(`SELECT * FROM passkeys WHERE credential_id = $1`, [credentialId]);
  return rows[0];
}

export async function markPasskeyUsed(db: Db, id: string, counter: number) {
  await db.query(`UPDATE passkeys SET counter = $2, last_used_at = now() WHERE id = $1`, [id, counter]);
}

export async function deletePasskey(db: Db, personId: string, id: string) {
  const { rowCount } = await db.query(`DELETE FROM passkeys WHERE id = $1 AND person_id = $2`, [id, personId]);
  return (rowCount ?? 0) > 0;
}
