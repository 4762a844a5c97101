import type { SqlExecutor } from '../../../contracts/ports.js';

export async function setSyncEnabled(db: SqlExecutor, organisationId: string, enabled: boolean) {
  await db.query(
    `INSERT INTO gis_sync_settings (organisation_id, enabled) VALUES ($1, $2)
     ON CONFLICT (organisation_id) DO UPDATE SET enabled = EXCLUDED.enabled, updated_at = now()`,
    [organisationId, enabled],
  );
}

export async function getSyncEnabled(db: SqlExecutor, organisationId: string) {
  const { rows } = await db.query(`SELECT enabled FROM gis_sync_settings WHERE organisation_id = $1`, [organisationId]);
  return rows[0]?.enabled === true;
}

/** Item counts per operation and status. */
export async function syncSummary(db: SqlExecutor, organisationId: string) {
  const { rows } = await db.query(
    `SELECT operation, status, count(*)::int AS n FROM sync_items WHERE organisation_id = $1 AND target = 'gis' GROUP BY 1, 2 ORDER BY 1, 2`,
    [organisationId],
  );
  const out = new Map<string, Record<string, number>>();
  for (const r of rows) {
    const counts = out.get(r.operation) ?? { pending: 0, sending: 0, sent: 0, accepted: 0, rejected: 0, dead: 0 };
    counts[r.status] = r.n;
    out.set(r.operation, counts);
  }
  return [...out].map(([operation, counts]) => ({ operation, counts }));
}

export async function listSyncItems(
  db: SqlExecutor,
  organisationId: string,
  filter: { operation?: string; status?: string; objectId?: string; after?: string; limit: number },
) {
  const { rows } = await db.query(
    `SELECT s.id, s.operation, s.object_type AS "objectType", s.object_id AS "objectId", s.revision, s.transport_guid AS "transportGuid",
            s.status, s.attempts, s.result_guid AS "resultGuid", s.result_number AS "resultNumber", s.error_code AS "errorCode",
            s.error_text AS "errorText", m.ack_guid AS "messageGuid", s.created_at AS "createdAt", s.updated_at AS "updatedAt"
       FROM sync_items s LEFT JOIN gis_messages m ON m.id = s.message_id
      WHERE s.organisation_id = $1 AND s.target = 'gis'
        AND ($2::text IS NULL OR s.operation = $2) AND ($3::text IS NULL OR s.status = $3) AND ($4::uuid IS NULL OR s.object_id = $4)
        AND ($5::uuid IS NULL OR s.id > $5)
      ORDER BY s.id LIMIT $6`,
    [
      organisationId,
      filter.operation ?? null,
      filter.status ?? null,
      filter.objectId ?? null,
      filter.after ?? null,
      filter.limit,
    ],
  );
  return rows;
}

/**
 * Puts dead (and, when asked, rejected) items back to pending; they keep their TransportGUIDs. Returns
 * the operations touched, so the caller nudges their dispatch.
 */
export async function requeueItems(
  db: SqlExecutor,
  organisationId: string,
  filter: { itemIds?: string[]; operation?: string; statuses: ('dead' | 'rejected')[] },
) {
  const { rows } = await db.query(
    `UPDATE sync_items SET status = 'pending', message_id = NULL, error_code = NULL, error_text = NULL, not_before = NULL, updated_at = now()
      WHERE organisation_id = $1 AND target = 'gis' AND status = ANY($2::text[])
        AND ($3::uuid[] IS NULL OR id = ANY($3::uuid[])) AND ($4::text IS NULL OR operation = $4)
      RETURNING operation`,
    [organisationId, filter.statuses, filter.itemIds ?? null, filter.operation ?? null],
  );
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.operation, (counts.get(r.operation) ?? 0) + 1);
  return counts;
}

export async function pendingOperations(db: SqlExecutor, organisationId: string): Promise<string[]> {
  const { rows } = await db.query(
    `SELECT DISTINCT operation FROM sync_items WHERE organisation_id = $1 AND target = 'gis' AND status = 'pending'`,
    [organisationId],
  );
  return rows.map((r) => r.operation);
}

/**
 * Queues what an organisation with sync on has that the state system does not know yet: accounts and
 * meters without state-system GUIDs, readings of the current and previous period, payment documents of
 * current charge versions and payments booked in the ledger (e.g. seeded or issued before sync was on). Rows already in
 * sync_items are left alone (the unique key), so this is safe to run on every sweep.
 */
export async function queueUnsynced(db: SqlExecutor, organisationId: string) {
  const { rowCount } = await db.query(
    `INSERT INTO sync_items (organisation_id, operation, object_type, object_id)
     SELECT $1, 'importAccountData', 'account', a.id FROM accounts a
      WHERE a.organisation_id = $1 AND a.status = 'open' AND a.gis_account_guid IS NULL
     UNION ALL
     SELECT $1, 'importMeteringDeviceData', 'meter', m.id FROM meters m LEFT JOIN accounts a ON a.id = m.account_id LEFT JOIN houses h ON h.id = m.house_id
      WHERE COALESCE(a.organisation_id, h.organisation_id) = $1 AND m.gis_guid IS NULL AND m.archived_at IS NULL
     UNION ALL
     SELECT $1, 'importMeteringDeviceValues', 'reading', r.id FROM meter_readings r JOIN meters m ON m.id = r.meter_id
       LEFT JOIN accounts a ON a.id = m.account_id LEFT JOIN houses h ON h.id = m.house_id
      WHERE COALESCE(a.organisation_id, h.organisation_id) = $1 AND r.superseded_at IS NULL AND m.archived_at IS NULL
        AND r.period >= to_char(now() - interval '1 month', 'YYYY-MM')
        AND NOT EXISTS (SELECT 1 FROM sync_items s WHERE s.object_type = 'reading' AND s.object_id = r.id)
     UNION ALL
     SELECT $1, 'importPaymentDocumentData', 'payment_document', d.id FROM payment_documents d JOIN charge_periods c ON c.id = d.charge_period_id
      WHERE d.organisation_id = $1 AND d.gis_guid IS NULL AND c.superseded_at IS NULL
     UNION ALL
     SELECT $1, 'importNotificationsOfOrderExecution', 'payment', p.id FROM payments p
      WHERE p.organisation_id = $1 AND p.gis_notification_guid IS NULL
        AND EXISTS (SELECT 1 FROM ledger_entries e WHERE e.payment_id = p.id AND e.kind = 'booking')
     ON CONFLICT DO NOTHING`,
    [organisationId],
  );
  return rowCount ?? 0;
}
