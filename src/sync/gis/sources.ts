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
import { houseExportSource, nsiItemSource, orgRegistrySource } from './reference-sources.js';
import {
  appealAnswerSource,
  appealExportSource,
  debtResponseSource,
  debtSubrequestExportSource,
  meterHistoryExportSource,
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
  exportOrgRegistry: orgRegistrySource,
  exportMeteringDeviceHistory: meterHistoryExportSource,
  exportAppeal: appealExportSource,
  importAnswer: appealAnswerSource,
  exportDebtSubrequests: debtSubrequestExportSource,
  importResponses: debtResponseSource,
  importNotificationData: notificationSource,
  importVotingMessage: votingMessageSource,
  importOwnerDecision: ownerDecisionSource,
  exportOwnerDecision: ownerDecisionExportSource,
  exportVotingProtocol: votingProtocolExportSource,
  importVotingProtocol: votingProtocolSource,
  importExternalVotingProtocol: externalVotingProtocolSource,
};

export const isSyncedOperation = (operation: string): operation is SyncedOperation =>
  Object.hasOwn(SYNC_SOURCES, operation);

export function syncSource(operation: SyncedOperation): SyncSource {
  return SYNC_SOURCES[operation];
}
