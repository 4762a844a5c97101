import { accountIdsWithoutGisGuid, organisationOwnerIdsToLookUp } from '../../accounts/accounts.repo.js';
import { currentDocumentIdsWithoutGisGuid } from '../../billing/documents.repo.js';
import type { Db } from '../../db/pool.js';
import { meterIdsWithoutGisGuid } from '../../metering/meters.repo.js';
import { recentReadingIds } from '../../metering/readings.repo.js';
import { bookedPaymentIdsWithoutNotification } from '../../payments/payments.repo.js';
import type { SyncedOperation } from './source.js';
import { insertUnsyncedItems } from './sync.repo.js';

/**
 * Queues what an organisation with sync on has that the state system does not know yet: accounts and
 * meters without state-system GUIDs, readings of the current and previous period, payment documents of
 * current charge versions and payments booked in the ledger (e.g. seeded or issued before sync was on), and
 * organisations owning accounts whose version in the register of organisations is not known yet.
 * Rows already in sync_items are left alone, so this is safe to run on every sweep.
 */
export async function queueUnsynced(db: Db, organisationId: string) {
  const of = (operation: SyncedOperation, objectType: string, ids: string[]) =>
    ids.map((objectId) => ({ operation, objectType, objectId }));
  return insertUnsyncedItems(db, organisationId, [
    ...of('exportOrgRegistry', 'account_owner', await organisationOwnerIdsToLookUp(db, organisationId)),
    ...of('importAccountData', 'account', await accountIdsWithoutGisGuid(db, organisationId)),
    ...of('importMeteringDeviceData', 'meter', await meterIdsWithoutGisGuid(db, organisationId)),
    ...of('importMeteringDeviceValues', 'reading', await recentReadingIds(db, organisationId)),
    ...of('importPaymentDocumentData', 'payment_document', await currentDocumentIdsWithoutGisGuid(db, organisationId)),
    ...of(
      'importNotificationsOfOrderExecution',
      'payment',
      await bookedPaymentIdsWithoutNotification(db, organisationId),
    ),
  ]);
}
