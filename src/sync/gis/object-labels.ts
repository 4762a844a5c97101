import type { Db } from '../../db/pool.js';
import { accountLabels, ownerLabels } from '../../accounts/accounts.repo.js';
import { paymentDocumentLabels } from '../../billing/documents.repo.js';
import { meterLabels } from '../../metering/meters.repo.js';
import { readingLabels } from '../../metering/readings.repo.js';
import { paymentLabels } from '../../payments/payments.repo.js';
import { houseLabels } from '../../registry/houses.repo.js';

type Labels = (
  db: Db,
  organisationId: string,
  ids: string[],
) => Promise<{ id: string; label: string; period?: string }[]>;

/** Each object type of sync_items with its module's short names. */
const BY_TYPE: Record<string, Labels> = {
  account: accountLabels,
  account_owner: ownerLabels,
  meter: meterLabels,
  reading: readingLabels,
  payment_document: paymentDocumentLabels,
  payment: paymentLabels,
  house: houseLabels,
};

/**
 * What each item is in the organisation's words ("прибор № 123 за 2026-07", "л/с 100012, кв. 12"), so that
 * the staff console names the object the state system refused; read through the owning modules.
 */
export async function objectLabels(
  db: Db,
  organisationId: string,
  items: { objectType: string; objectId: string }[],
): Promise<Map<string, { label: string; period: string | null }>> {
  const ids = new Map<string, string[]>();
  for (const i of items)
    if (BY_TYPE[i.objectType]) ids.set(i.objectType, [...(ids.get(i.objectType) ?? []), i.objectId]);
  const out = new Map<string, { label: string; period: string | null }>();
  for (const [type, list] of ids)
    for (const r of await BY_TYPE[type]!(db, organisationId, list))
      out.set(`${type}:${r.id}`, { label: r.label, period: r.period ?? null });
  return out;
}
