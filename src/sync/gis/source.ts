import type { OutboxItems, OutboxOperationName } from '../../../contracts/gis/items.js';
import type { GisItemResult, GisState } from '../../../contracts/gis/ports.js';
import type { Enqueue } from '../../../contracts/ports.js';
import type { Db } from '../../db/pool.js';
import type { FieldCipher } from '../../identity/crypto.js';
import { queueForSync } from '../outbox.js';

/** The operations the outbox carries, each with one source in sources.ts (exportNsiList is asked for by hand). */
export type SyncedOperation = Exclude<OutboxOperationName, 'exportNsiList'>;

export interface PendingItem {
  id: string;
  objectId: string;
  transportGuid: string;
<<<<<<< HEAD
  /** The object's revision: a corrected object, or another action on it (a notice's recall is revision 1). */
=======
  /** The object's revision (an owner's decision: the question's number). */
>>>>>>> a82e7d8 (Meetings and the state system (issue 17): per organisation, meetings are voted in the state system (state-system, the default and the demo's) or in the hub as the region's designated system (regional-system), GET/PUT /api/v1/org/meeting-settings. The notice of every meeting is placed (importVotingMessage: agenda, form, dates, place, administrator, materials) and its identifier numbers the protocol; state-system: the resident ballot route refuses (voting_in_state_system), paper ballots go as owners' decisions with SNILS, the title's registration and the scan (importOwnerDecision, one per question), decisions and the state system's protocol are read back at the deadline (exportOwnerDecision, exportVotingProtocol), the exact tally runs over them and its difference from the state system's result is kept in the meeting view (stateSystem.comparison), the protocol is placed (importVotingProtocol); regional-system: the protocol goes as another system's (importExternalVotingProtocol). Attachments go to the state system's file store first (gis.send uploads, gis_attachments). The simulator holds notices, decisions (paper, or cast in it on demand: POST /sandbox/gis/votings/:guid/decisions, /finish), draws up protocols and takes another system's; every request and answer validated against the official 14.4.0.1 XSD in test/integration/gis-meetings.test.ts)
  revision: number;
}

/** What a source says about one pending item: send it, hold it until a dependency is synced, or refuse it. */
export type Loaded<I = object> = { item: I } | { wait: string } | { error: { code: string; text: string } };

export interface AcceptedItem {
  objectId: string;
  revision?: number;
  result: Extract<GisItemResult, { ok: true }>;
}

/**
 * Where the items of one operation come from and where its results go. Sources read and write other
 * modules' tables only through those modules' repositories.
 */
export interface SyncSource<O extends SyncedOperation = SyncedOperation> {
  objectType: string;
  /** Items with different keys never share a message (e.g. payment documents: Month and Year are per request). */
  batchKey?(item: OutboxItems[O]): string;
  load(
    db: Db,
    enqueue: Enqueue,
    organisationId: string,
    items: PendingItem[],
  ): Promise<Map<string, Loaded<OutboxItems[O]>>>;
  /** Saves the state system's identifiers of accepted items on our rows. */
  apply(db: Db, accepted: AcceptedItem[]): Promise<void>;
  /** Exports: stores what the state system answered to the message's one query (null: nothing to export). */
  applyExport?(
    db: Db,
    organisationId: string,
    item: OutboxItems[O],
    state: GisState | null,
<<<<<<< HEAD
    context: SourceContext,
  ): Promise<void>;
}

/** What an export's answer may need to be stored: the field cipher for personal data (an appeal's applicant). */
export interface SourceContext {
  cipher: FieldCipher;
  enqueue: Enqueue;
=======
    enqueue: Enqueue,
  ): Promise<void>;
>>>>>>> a82e7d8 (Meetings and the state system (issue 17): per organisation, meetings are voted in the state system (state-system, the default and the demo's) or in the hub as the region's designated system (regional-system), GET/PUT /api/v1/org/meeting-settings. The notice of every meeting is placed (importVotingMessage: agenda, form, dates, place, administrator, materials) and its identifier numbers the protocol; state-system: the resident ballot route refuses (voting_in_state_system), paper ballots go as owners' decisions with SNILS, the title's registration and the scan (importOwnerDecision, one per question), decisions and the state system's protocol are read back at the deadline (exportOwnerDecision, exportVotingProtocol), the exact tally runs over them and its difference from the state system's result is kept in the meeting view (stateSystem.comparison), the protocol is placed (importVotingProtocol); regional-system: the protocol goes as another system's (importExternalVotingProtocol). Attachments go to the state system's file store first (gis.send uploads, gis_attachments). The simulator holds notices, decisions (paper, or cast in it on demand: POST /sandbox/gis/votings/:guid/decisions, /finish), draws up protocols and takes another system's; every request and answer validated against the official 14.4.0.1 XSD in test/integration/gis-meetings.test.ts)
}

export const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
export const refuse = (code: string, text: string): Loaded<never> => ({ error: { code, text } });

/** Queues what items wait for (accounts for meters, meters for readings); rows already queued are left alone. */
export async function needs(
  db: Db,
  enqueue: Enqueue,
  organisationId: string,
  operation: SyncedOperation,
  objectType: string,
  ids: string[],
) {
  if (ids.length)
    await queueForSync(
      db,
      enqueue,
      [...new Set(ids)].map((objectId) => ({ organisationId, operation, objectType, objectId })),
    );
}
