import type { FileAttachment as Attachment } from '../../../contracts/gis/items.js';
import type { GisOrg, StateSystem } from '../../../contracts/gis/ports.js';
import type { FileStore } from '../../../contracts/ports.js';
import type { Db } from '../../db/pool.js';
import { replaceMessageItems, saveAttachment, uploadedAttachments } from './attachments.repo.js';
import type { MessageRow } from './messages.repo.js';

// Attachments (a ballot's scan, a meeting's materials, a protocol) are named in a message by the GUID the
// state system's file store gave them: before a message is sent, the files it names that the store does not
// hold yet are uploaded, once per organisation and file, and the message keeps their GUIDs for resends.

const isAttachment = (v: unknown): v is Attachment =>
  typeof v === 'object' && v !== null && 'fileId' in v && 'name' in v && 'description' in v;

function pendingOf(value: unknown, out: Attachment[]) {
  if (Array.isArray(value)) for (const v of value) pendingOf(v, out);
  else if (isAttachment(value)) {
    if (!value.guid) out.push(value);
  } else if (typeof value === 'object' && value !== null) for (const v of Object.values(value)) pendingOf(v, out);
  return out;
}

/** The message's items with every attachment named by the file store (uploading what it lacks). */
export async function withUploadedAttachments(
  db: Db,
  files: FileStore,
  stateSystem: StateSystem,
  org: GisOrg,
  m: Pick<MessageRow, 'id' | 'organisation_id' | 'items'>,
): Promise<MessageRow['items']> {
  const pending = pendingOf(m.items, []);
  if (!pending.length) return m.items;
  const known = await uploadedAttachments(
    db,
    m.organisation_id,
    pending.map((a) => a.fileId),
  );
  for (const a of pending) {
    let stored = known.get(a.fileId);
    if (!stored) {
      const file = await files.get(a.fileId);
      if (!file) throw new Error(`file ${a.fileId} named by message ${m.id} is missing from the file store`);
      const up = await stateSystem.upload(org, { filename: file.filename, data: file.data });
      await saveAttachment(db, m.organisation_id, a.fileId, up.guid, up.hash);
      stored = { fileId: a.fileId, ...up };
      known.set(a.fileId, stored);
    }
    a.guid = stored.guid;
    a.hash = stored.hash;
  }
  await replaceMessageItems(db, m.id, m.items);
  return m.items;
}
