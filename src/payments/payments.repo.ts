import type { Db } from '../db/pool.js';
import type { PaymentStatus } from './state-machine.js';

export interface PaymentRow {
  id: string;
  order_id: string;
  provider: string;
  organisation_id: string;
  person_id: string | null;
  status: PaymentStatus;
  amount: string;
  commission: string;
  total: string;
  email: string | null;
  bank_payment_id: string | null;
  payment_url: string | null;
  bank_status: string | null;
  created_at: Date;
  succeeded_at: Date | null;
}

export async function insertPayment(
  db: Db,
  p: {
    provider: string;
    organisationId: string;
    personId: string;
    idempotencyKey: string | null;
    amount: bigint;
    commission: bigint;
    email: string | null;
    items: { accountId: string; amount: bigint; periods: string[] | null }[];
  },
): Promise<PaymentRow> {
  const { rows } = await db.query<PaymentRow>(
    `INSERT INTO payments (order_id, provider, organisation_id, person_id, idempotency_key, amount, commission, total, email)
     VALUES (gen_random_uuid()::text, $1, $2, $3, $4, $5, $6, $5::bigint + $6::bigint, $7) RETURNING *`,
    [p.provider, p.organisationId, p.personId, p.idempotencyKey, p.amount, p.commission, p.email],
  );
  const payment = rows[0]!;
  await db.query(
    `INSERT INTO payment_items (payment_id, account_id, amount, periods)
     SELECT $1, a, m, CASE WHEN ps = '' THEN NULL ELSE string_to_array(ps, ',') END FROM unnest($2::uuid[], $3::bigint[], $4::text[]) AS t(a, m, ps)`,
    [
      payment.id,
      p.items.map((i) => i.accountId),
      p.items.map((i) => i.amount.toString()),
      p.items.map((i) => (i.periods ?? []).join(',')),
    ],
  );
  return payment;
}

export async function findPaymentByIdempotencyKey(
  db: Db,
  personId: string,
  key: string,
): Promise<PaymentRow | undefined> {
  const { rows } = await db.query<PaymentRow>(`SELECT * FROM payments WHERE person_id = $1 AND idempotency_key = $2`, [
    personId,
    key,
  ]);
  return rows[0];
}

export async function lockPaymentByOrderId(db: Db, orderId: string): Promise<PaymentRow | undefined> {
  const { rows } = await db.query<PaymentRow>(`SELECT * FROM payments WHERE order_id = $1 FOR UPDATE`, [orderId]);
  return rows[0];
}

export async function markInitialised(
  db: Db,
  id: string,
  bankPaymentId: string,
  paymentUrl: string,
  bankStatus: string,
) {
  await db.query(
    `UPDATE payments SET bank_payment_id = $2, payment_url = $3, bank_status = $4,
            status = CASE WHEN status = 'created' THEN 'pending' ELSE status END, updated_at = now() WHERE id = $1`,
    [id, bankPaymentId, paymentUrl, bankStatus],
  );
}

export async function markFailed(db: Db, id: string, errorCode: string) {
  await db.query(
    `UPDATE payments SET status = 'failed', error_code = $2, updated_at = now() WHERE id = $1 AND status = 'created'`,
    [id, errorCode],
  );
}

export async function updateStatus(db: Db, id: string, status: PaymentStatus | null, bankStatus: string) {
  await db.query(
    `UPDATE payments SET status = COALESCE($2, status), bank_status = $3, updated_at = now(),
            succeeded_at = CASE WHEN $2 = 'succeeded' THEN now() ELSE succeeded_at END WHERE id = $1`,
    [id, status, bankStatus],
  );
}

export async function insertEvent(db: Db, paymentId: string, source: string, bankStatus: string, applied: boolean) {
  await db.query(`INSERT INTO payment_events (payment_id, source, bank_status, applied) VALUES ($1, $2, $3, $4)`, [
    paymentId,
    source,
    bankStatus,
    applied,
  ]);
}

export async function paymentItems(db: Db, paymentId: string) {
  const { rows } = await db.query<{ account_id: string; number: string; amount: string; periods: string[] | null }>(
    `SELECT i.account_id, a.number, i.amount, i.periods FROM payment_items i JOIN accounts_accounts a ON a.id = i.account_id WHERE i.payment_id = $1 ORDER BY a.number`,
    [paymentId],
  );
  return rows.map((r) => ({
    accountId: r.account_id,
    accountNumber: r.number,
    amount: BigInt(r.amount),
    periods: r.periods,
  }));
}

/** The ledger's unique key makes this a no-op for a payment already booked (or already reversed). */
export async function insertLedgerEntry(
  db: Db,
  paymentId: string,
  kind: 'booking' | 'reversal',
  amount: bigint,
): Promise<{ id: string; booked_at: Date } | undefined> {
  const { rows } = await db.query<{ id: string; booked_at: Date }>(
    `INSERT INTO ledger_entries (payment_id, kind, amount) VALUES ($1, $2, $3) ON CONFLICT (payment_id, kind) DO NOTHING RETURNING id, booked_at`,
    [paymentId, kind, amount],
  );
  return rows[0];
}

export async function insertAllocations(
  db: Db,
  entryId: string,
  bookedAt: Date,
  list: { accountId: string; period: string | null; amount: bigint }[],
) {
  if (!list.length) return;
  await db.query(
    `INSERT INTO payment_allocations (ledger_entry_id, account_id, period, amount, booked_at)
     SELECT $1, a, p, m, $5 FROM unnest($2::uuid[], $3::text[], $4::bigint[]) AS t(a, p, m)`,
    [entryId, list.map((x) => x.accountId), list.map((x) => x.period), list.map((x) => x.amount.toString()), bookedAt],
  );
}

/** Allocations of the payment's booking, to be negated by its reversal. */
export async function bookingAllocations(db: Db, paymentId: string) {
  const { rows } = await db.query<{ account_id: string; period: string | null; amount: string }>(
    `SELECT pa.account_id, pa.period, pa.amount FROM payment_allocations pa JOIN ledger_entries e ON e.id = pa.ledger_entry_id
      WHERE e.payment_id = $1 AND e.kind = 'booking'`,
    [paymentId],
  );
  return rows.map((r) => ({
    accountId: r.account_id,
    period: r.period,
    amount: BigInt(r.amount),
  }));
}

/** One payment with its items and net allocations, for the API. */
export async function paymentDetails(
  db: Db,
  where: { id: string; personId?: string; organisationId?: string; houseIds?: string[] | null },
) {
  const { rows } = await db.query<PaymentDetailsRow>(
    `${DETAILS_SELECT} WHERE p.id = $1 AND ($2::uuid IS NULL OR p.person_id = $2) AND ($3::uuid IS NULL OR p.organisation_id = $3)
        AND ${HOUSES.replaceAll('$N', '$4')}`,
    [where.id, where.personId ?? null, where.organisationId ?? null, where.houseIds ?? null],
  );
  return rows[0] ? presentPayment(rows[0]) : null;
}

/** Keyset page of payments, newest first, of a person or an organisation. */
export async function listPayments(
  db: Db,
  f: {
    personId?: string;
    organisationId?: string;
    status?: string;
    from?: string;
    to?: string;
    /** Payments that paid this account (its number) or an account of this house. */
    accountNumber?: string;
    houseId?: string;
    /** Staff limited to some houses: payments to those houses' accounts only. */
    houseIds?: string[] | null;
    after?: [string, string];
    limit: number;
  },
) {
  const { rows } = await db.query<PaymentDetailsRow>(
    `${DETAILS_SELECT}
      WHERE ($1::uuid IS NULL OR p.person_id = $1) AND ($2::uuid IS NULL OR p.organisation_id = $2) AND ($3::text IS NULL OR p.status = $3)
        AND ($4::timestamptz IS NULL OR p.created_at >= $4) AND ($5::timestamptz IS NULL OR p.created_at < $5)
        AND ($6::timestamptz IS NULL OR (p.created_at, p.id) < ($6, $7::uuid))
        AND ($9::text IS NULL OR EXISTS (SELECT 1 FROM payment_items i JOIN accounts_accounts a ON a.id = i.account_id
                                          WHERE i.payment_id = p.id AND a.number = $9 AND a.organisation_id = p.organisation_id))
        AND ($10::uuid IS NULL OR EXISTS (SELECT 1 FROM payment_items i JOIN accounts_accounts a ON a.id = i.account_id
                                           WHERE i.payment_id = p.id AND a.house_id = $10))
        AND ${HOUSES.replaceAll('$N', '$11')}
      ORDER BY p.created_at DESC, p.id DESC LIMIT $8`,
    [
      f.personId ?? null,
      f.organisationId ?? null,
      f.status ?? null,
      f.from ?? null,
      f.to ?? null,
      f.after?.[0] ?? null,
      f.after?.[1] ?? null,
      f.limit + 1,
      f.accountNumber ?? null,
      f.houseId ?? null,
      f.houseIds ?? null,
    ],
  );
  return rows.map(presentPayment);
}

/** Payments to an account of the houses in the parameter `$N` (null: any house). */
const HOUSES = `($N::uuid[] IS NULL OR EXISTS (SELECT 1 FROM payment_items i JOIN accounts_accounts a ON a.id = i.account_id
                                          WHERE i.payment_id = p.id AND a.house_id = ANY ($N)))`;

const DETAILS_SELECT = `
  SELECT p.*,
         (SELECT json_agg(json_build_object('accountId', i.account_id, 'accountNumber', a.number, 'amount', i.amount::text, 'periods', i.periods) ORDER BY a.number)
            FROM payment_items i JOIN accounts_accounts a ON a.id = i.account_id WHERE i.payment_id = p.id) AS items,
         (SELECT json_agg(json_build_object('accountId', x.account_id, 'period', x.period, 'amount', x.amount::text) ORDER BY x.period NULLS LAST)
            FROM (SELECT pa.account_id, pa.period, sum(pa.amount) AS amount FROM payment_allocations pa JOIN ledger_entries e ON e.id = pa.ledger_entry_id
                   WHERE e.payment_id = p.id GROUP BY pa.account_id, pa.period HAVING sum(pa.amount) <> 0) x) AS allocations
    FROM payments p`;

interface PaymentDetailsRow extends PaymentRow {
  items: { accountId: string; accountNumber: string; amount: string; periods: string[] | null }[] | null;
  allocations: { accountId: string; period: string | null; amount: string }[] | null;
}

function presentPayment(r: PaymentDetailsRow) {
  return {
    id: r.id,
    orderId: r.order_id,
    status: r.status,
    amount: String(r.amount),
    commission: String(r.commission),
    total: String(r.total),
    paymentUrl: r.payment_url,
    bankStatus: r.bank_status,
    provider: r.provider,
    createdAt: r.created_at.toISOString(),
    succeededAt: r.succeeded_at?.toISOString() ?? null,
    organisationId: r.organisation_id,
    items: r.items ?? [],
    allocations: r.allocations ?? [],
  };
}

export async function openPaymentsToReconcile(db: Db, olderThanSeconds: number, limit = 200) {
  const { rows } = await db.query<Pick<PaymentRow, 'id' | 'order_id' | 'bank_payment_id' | 'status'>>(
    `SELECT id, order_id, bank_payment_id, status FROM payments
      WHERE status IN ('created', 'pending') AND updated_at < now() - make_interval(secs => $1) ORDER BY updated_at LIMIT $2`,
    [olderThanSeconds, limit],
  );
  return rows;
}

/** Puts the payment last in the reconciliation queue: it is looked at again next round, not at once. */
export async function touchPayment(db: Db, id: string) {
  await db.query(`UPDATE payments SET updated_at = now() WHERE id = $1`, [id]);
}

export async function findBankPaymentId(db: Db, id: string): Promise<string | null> {
  const { rows } = await db.query<{ bank_payment_id: string | null }>(
    `SELECT bank_payment_id FROM payments WHERE id = $1`,
    [id],
  );
  return rows[0]?.bank_payment_id ?? null;
}

/** Serialises bookings to one account until the transaction ends. */
export async function lockAccountLedger(tx: Db, accountId: string) {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext('ledger:' || $1))`, [accountId]);
}

/** One account a payment paid, as a notification of order execution names it. */
export interface NotifiedAccount {
  accountId: string;
  number: string;
  /** The account's ЕЛС (unified number) and the state system's AccountGUID, once it has them. */
  els: string | null;
  guid: string | null;
  /** Kopecks. */
  amount: string;
  /** The payment's date in the house's time zone, YYYY-MM-DD. */
  orderDate: string;
}

export interface PaymentForNotification {
  id: string;
  order_id: string;
  inn: string;
  kpp: string | null;
  name: string;
  bank_name: string | null;
  bik: string | null;
  settlement_account: string | null;
  correspondent_account: string | null;
  booked: boolean;
  accounts: NotifiedAccount[] | null;
  /** The periods the booking paid, when it was allocated to periods. */
  periods: string[] | null;
}

/** The organisation's payments with the payee and what each paid (importNotificationsOfOrderExecution). */
export async function paymentsForNotification(
  db: Db,
  organisationId: string,
  ids: string[],
): Promise<PaymentForNotification[]> {
  const { rows } = await db.query<PaymentForNotification>(
    `SELECT p.id, p.order_id, o.inn, o.kpp, o.name, bo.bank_name, bo.bik, bo.settlement_account, bo.correspondent_account,
            b.booked_at IS NOT NULL AS booked,
            (SELECT json_agg(json_build_object('accountId', a.id, 'number', a.number, 'els', a.unified_number, 'guid', a.gis_account_guid,
                      'amount', i.amount::text, 'orderDate', to_char(coalesce(p.succeeded_at, b.booked_at) AT TIME ZONE h.timezone, 'YYYY-MM-DD')))
               FROM payment_items i JOIN accounts_accounts a ON a.id = i.account_id JOIN registry_houses h ON h.id = a.house_id WHERE i.payment_id = p.id) AS accounts,
            (SELECT array_agg(DISTINCT al.period ORDER BY al.period) FROM payment_allocations al
              WHERE al.ledger_entry_id = b.id AND al.period IS NOT NULL) AS periods
       FROM payments p JOIN registry_organisations o ON o.id = p.organisation_id JOIN billing_organisations bo ON bo.id = o.id
       LEFT JOIN ledger_entries b ON b.payment_id = p.id AND b.kind = 'booking'
      WHERE p.id = ANY($1::uuid[]) AND p.organisation_id = $2`,
    [ids, organisationId],
  );
  return rows;
}

export interface PaymentForCancellation {
  id: string;
  order_id: string;
  status: PaymentStatus;
  gis_notification_guid: string | null;
  /** The day of the ledger's reversal in the house's time zone (YYYY-MM-DD); null while not reversed. */
  cancelled_on: string | null;
}

/** The organisation's payments with their reversal (importNotificationsOfOrderExecutionCancellation). */
export async function paymentsForCancellation(
  db: Db,
  organisationId: string,
  ids: string[],
): Promise<PaymentForCancellation[]> {
  const { rows } = await db.query<PaymentForCancellation>(
    `SELECT p.id, p.order_id, p.status, p.gis_notification_guid,
            to_char(r.booked_at AT TIME ZONE coalesce(h.timezone, 'Europe/Moscow'), 'YYYY-MM-DD') AS cancelled_on
       FROM payments p
       LEFT JOIN ledger_entries r ON r.payment_id = p.id AND r.kind = 'reversal'
       LEFT JOIN LATERAL (SELECT h.timezone FROM payment_items i JOIN accounts_accounts a ON a.id = i.account_id JOIN registry_houses h ON h.id = a.house_id
                           WHERE i.payment_id = p.id ORDER BY i.account_id LIMIT 1) h ON true
      WHERE p.id = ANY($1::uuid[]) AND p.organisation_id = $2`,
    [ids, organisationId],
  );
  return rows;
}

/** The state system's GUID and number of the notifications it accepted. */
export async function savePaymentNotificationGisIdentifiers(
  db: Db,
  accepted: { id: string; guid: string | null; uniqueNumber: string | null }[],
) {
  await db.query(
    `UPDATE payments p SET gis_notification_guid = v.guid::uuid, gis_notification_number = v.num
       FROM unnest($1::uuid[], $2::text[], $3::text[]) v(id, guid, num) WHERE p.id = v.id`,
    [accepted.map((a) => a.id), accepted.map((a) => a.guid), accepted.map((a) => a.uniqueNumber)],
  );
}

/** The state system's GUID of the annulments it accepted. */
export async function savePaymentCancellationGisIdentifiers(db: Db, accepted: { id: string; guid: string | null }[]) {
  await db.query(
    `UPDATE payments p SET gis_cancellation_guid = v.guid::uuid FROM unnest($1::uuid[], $2::text[]) v(id, guid) WHERE p.id = v.id`,
    [accepted.map((a) => a.id), accepted.map((a) => a.guid)],
  );
}

/** Payments booked in the ledger that the state system has not been notified of yet. */
export async function bookedPaymentIdsWithoutNotification(db: Db, organisationId: string): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT p.id FROM payments p
      WHERE p.organisation_id = $1 AND p.gis_notification_guid IS NULL
        AND EXISTS (SELECT 1 FROM ledger_entries e WHERE e.payment_id = p.id AND e.kind = 'booking')`,
    [organisationId],
  );
  return rows.map((r) => r.id);
}

/** Payments sent to the bank and not yet settled (payments_open_idx). */
export async function countPendingPayments(db: Db, organisationId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM payments WHERE organisation_id = $1 AND status = 'pending'`,
    [organisationId],
  );
  return rows[0]!.n;
}

/** The organisation's payments by their accounts, for lists of other modules (the exchange's refused items). */
export async function paymentLabels(db: Db, organisationId: string, ids: string[]) {
  const { rows } = await db.query<{ id: string; label: string }>(
    `SELECT p.id, 'оплата л/с ' || string_agg(a.number, ', ' ORDER BY a.number) AS label
       FROM payments p JOIN payment_items i ON i.payment_id = p.id JOIN accounts_accounts a ON a.id = i.account_id
      WHERE p.id = ANY($1::uuid[]) AND p.organisation_id = $2 GROUP BY p.id`,
    [ids, organisationId],
  );
  return rows;
}
