import type { AppealExport } from '../../contracts/gis/ports.js';
import type { Enqueue } from '../../contracts/ports.js';
import { addWorkingDays } from '../calendar.js';
import type { Db } from '../db/pool.js';
import type { FieldCipher } from '../identity/crypto.js';
import { findHousesByGuid } from '../registry/houses.repo.js';
import { queueForSync } from '../sync/outbox.js';
import { insertAppealEvent, setAppealStatus, type AppealRow } from './appeals.repo.js';
import {
  acceptGisAnswers,
  answerWorkingDays,
  appealsByGisGuid,
  gisAnswersForSync,
  insertGisAnswer,
  insertStateSystemAppeal,
  setGisStatus,
} from './state-system.repo.js';

// Appeals residents file in the state system (ГИС ЖКХ, Госуслуги.Дом): fetched by exportAppeal into the
// hub's appeals (source state_system, type complaint, no hub author), answered in the same queue as the
// hub's own; the answer goes back by importAnswer and the state system's acceptance is recorded.

/** What the hub keeps of a state-system appeal, encrypted like every appeal's form (the applicant's personal data). */
export interface StateSystemAppealForm {
  source: 'state_system';
  number: string;
  topic: string;
  text: string;
  applicant: AppealExport['applicant'];
  attachments: AppealExport['attachments'];
  executionEndDate: string | null;
}

const earlier = (a: string, b: string | undefined) => (b && b < a ? b : a);

/** Stores new appeals and follows the state of known ones (withdrawn by the applicant closes the appeal). */
export async function storeStateSystemAppeals(
  db: Db,
  cipher: FieldCipher,
  organisationId: string,
  appeals: AppealExport[],
) {
  const known = await appealsByGisGuid(
    db,
    organisationId,
    appeals.map((a) => a.appealGuid.toLowerCase()),
  );
  const houses = await findHousesByGuid(
    db,
    appeals.flatMap((a) => (a.fiasHouseGuid ? [a.fiasHouseGuid.toLowerCase()] : [])),
  );
  const days = await answerWorkingDays(db, organisationId);
  let added = 0;
  for (const a of appeals) {
    const existing = known.get(a.appealGuid.toLowerCase());
    if (existing) {
      if (existing.gisStatus !== a.status) {
        await setGisStatus(db, existing.id, a.status, a.answererGuid ?? null);
        if (a.status === 'Withdrawn' && existing.status !== 'done') {
          await setAppealStatus(db, existing.id, 'done');
          await insertAppealEvent(db, {
            appealId: existing.id,
            fromStatus: existing.status,
            toStatus: 'done',
            message: 'Заявитель отозвал обращение в ГИС ЖКХ.',
            authorSide: 'system',
          });
        }
      }
      continue;
    }
    const house = a.fiasHouseGuid ? houses.get(a.fiasHouseGuid.toLowerCase()) : undefined;
    const form: StateSystemAppealForm = {
      source: 'state_system',
      number: a.number,
      topic: a.topic,
      text: a.text,
      applicant: a.applicant,
      attachments: a.attachments,
      executionEndDate: a.executionEndDate ?? null,
    };
    // The organisation's own term (working days on the production calendar), or the state system's if sooner.
    const dueOn = earlier(addWorkingDays(a.createdOn, days), a.executionEndDate);
    const row = await insertStateSystemAppeal(db, {
      organisationId,
      houseId: house?.organisationId === organisationId ? house.id : null,
      formEnc: cipher.encrypt(JSON.stringify(form)),
      submittedAt: a.createdOn,
      gisAppealGuid: a.appealGuid.toLowerCase(),
      gisNumber: a.number,
      gisAnswererGuid: a.answererGuid ?? null,
      gisStatus: a.status,
      dueOn,
    });
    await insertAppealEvent(db, {
      appealId: row.id,
      toStatus: 'submitted',
      message: `Обращение № ${a.number} получено из ГИС ЖКХ.`,
      authorSide: 'system',
    });
    added++;
  }
  return added;
}

/** An organisation's answer to a state-system appeal goes back there (importAnswer) on the same transaction. */
export async function queueStateSystemAnswer(
  tx: Db,
  enqueue: Enqueue,
  a: AppealRow,
  text: string,
  eventId: string | null,
) {
  if (a.source !== 'state_system') return null;
  const id = await insertGisAnswer(tx, a.id, eventId, text);
  await queueForSync(tx, enqueue, {
    organisationId: a.organisationId,
    operation: 'importAnswer',
    objectType: 'appeal_answer',
    objectId: id,
  });
  return id;
}

export const stateSystemAnswersForSync = gisAnswersForSync;

/** The state system took the answers: recorded on them and in each appeal's history. */
export async function acceptStateSystemAnswers(db: Db, accepted: { id: string; answerGuid: string | null }[]) {
  for (const appealId of await acceptGisAnswers(db, accepted)) {
    await insertAppealEvent(db, {
      appealId,
      message: 'ГИС ЖКХ приняла ответ и направила его заявителю.',
      authorSide: 'system',
    });
  }
}
