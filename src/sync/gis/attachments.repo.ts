import type { Db } from '../../db/pool.js';

// SQL of gis_attachments: files the state system's file store holds for an organisation, and the items
// of a message once their attachments are named by it.

export async function uploadedAttachments(db: Db, organisationId: string, fileIds: string[]) {
  const { rows } = await db.query<{ fileId: string; guid: string; hash: string }>(
    `SELECT file_id AS "fileId", attachment_guid AS guid, hash FROM gis_attachments WHERE organisation_id = $1 AND file_id = ANY($2::uuid[])`,
    [organisationId, fileIds],
  );
  return new Map(rows.map((r) => [r.fileId, r]));
}

export async function saveAttachment(db: Db, organisationId: string, fileId: string, guid: string, hash: string) {
  await db.query(
    `INSERT INTO gis_attachments (organisation_id, file_id, attachment_guid, hash) VALUES ($1, $2, $3, $4)
     ON CONFLICT (organisation_id, file_id) DO UPDATE SET attachment_guid = EXCLUDED.attachment_guid, hash = EXCLUDED.hash, uploaded_at = now()`,
    [organisationId, fileId, guid, hash],
  );
}

/** The message's items with their attachments named (the payload hash stays that of the items as prepared). */
export async function replaceMessageItems(db: Db, messageId: string, items: unknown[]) {
  await db.query(`UPDATE gis_messages SET items = $2::jsonb WHERE id = $1 AND status = 'prepared'`, [
    messageId,
    JSON.stringify(items),
  ]);
}
