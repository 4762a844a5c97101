import { accountSource, meterSource, readingSource } from './core-sources.js';
import { paymentCancellationSource, paymentDocumentSource, paymentNotificationSource } from './payment-sources.js';
import {
  externalVotingProtocolSource,
  ownerDecisionExportSource,
  ownerDecisionSource,
  votingMessageSource,
  votingProtocolExportSource,
  votingProtocolSource,
} from './meeting-sources.js';
import { houseExportSource, nsiItemSource } from './reference-sources.js';
import {
  appealAnswerSource,
  appealExportSource,
  debtResponseSource,
  debtSubrequestExportSource,
  notificationSource,
} from './service-sources.js';
import type { SyncedOperation, SyncSource } from './source.js';

/**
 * The one table of the state-system pipeline: for each operation the outbox carries, the source that
 * loads its pending items and applies its results. A new operation fails to compile until it has one.
 */
export const SYNC_SOURCES: { [O in SyncedOperation]: SyncSource<O> } = {
  importAccountData: accountSource,
  importMeteringDeviceData: meterSource,
  importMeteringDeviceValues: readingSource,
  importPaymentDocumentData: paymentDocumentSource,
  importNotificationsOfOrderExecution: paymentNotificationSource,
  importNotificationsOfOrderExecutionCancellation: paymentCancellationSource,
  exportNsiItem: nsiItemSource,
  exportHouseData: houseExportSource,
<<<<<<< HEAD
  exportAppeal: appealExportSource,
  importAnswer: appealAnswerSource,
  exportDebtSubrequests: debtSubrequestExportSource,
  importResponses: debtResponseSource,
  importNotificationData: notificationSource,
=======
  importVotingMessage: votingMessageSource,
  importOwnerDecision: ownerDecisionSource,
  exportOwnerDecision: ownerDecisionExportSource,
  exportVotingProtocol: votingProtocolExportSource,
  importVotingProtocol: votingProtocolSource,
  importExternalVotingProtocol: externalVotingProtocolSource,
>>>>>>> a82e7d8 (Meetings and the state system (issue 17): per organisation, meetings are voted in the state system (state-system, the default and the demo's) or in the hub as the region's designated system (regional-system), GET/PUT /api/v1/org/meeting-settings. The notice of every meeting is placed (importVotingMessage: agenda, form, dates, place, administrator, materials) and its identifier numbers the protocol; state-system: the resident ballot route refuses (voting_in_state_system), paper ballots go as owners' decisions with SNILS, the title's registration and the scan (importOwnerDecision, one per question), decisions and the state system's protocol are read back at the deadline (exportOwnerDecision, exportVotingProtocol), the exact tally runs over them and its difference from the state system's result is kept in the meeting view (stateSystem.comparison), the protocol is placed (importVotingProtocol); regional-system: the protocol goes as another system's (importExternalVotingProtocol). Attachments go to the state system's file store first (gis.send uploads, gis_attachments). The simulator holds notices, decisions (paper, or cast in it on demand: POST /sandbox/gis/votings/:guid/decisions, /finish), draws up protocols and takes another system's; every request and answer validated against the official 14.4.0.1 XSD in test/integration/gis-meetings.test.ts)
};

export const isSyncedOperation = (operation: string): operation is SyncedOperation =>
  Object.hasOwn(SYNC_SOURCES, operation);

export function syncSource(operation: SyncedOperation): SyncSource {
  return SYNC_SOURCES[operation];
}
