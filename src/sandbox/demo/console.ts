import type { SqlExecutor } from '../../../contracts/ports.js';
import { DEMO } from './core.js';
import { DEMO_METERS } from './metering.js';

export const DEMO_DECLINED_PAYMENT_ID = '00000000-0000-4000-8000-000000000602';
export const DEMO_ABANDONED_PAYMENT_ID = '00000000-0000-4000-8000-000000000603';
/** The demo's refused state-system item (a fixed id, so the console's tests can find it). */
export const DEMO_REFUSED_SYNC_ITEM_ID = '00000000-0000-4000-8000-000000000801';

// What the staff console's exchange and payments screens show in a running sandbox (`npm start`, the
// e2e service), besides what the other demo steps make. Seeded only there: the integration tests of
// the exchange and of payments count every sync item and payment of the demo organisation.
export async function seedConsoleShowcase(db: SqlExecutor) {
  // A refused item: the gas meter's oldest reading went out before the meter was registered and the
  // state system answered INT002000 (its own words). Older than the sweep's recent readings, so only a
  // retry from the console (once the meter is accepted) sends it again.
  await db.query(
    `INSERT INTO sync_items (id, organisation_id, operation, object_type, object_id, status, attempts, error_code, error_text,
                             created_at, updated_at)
     SELECT $1, $2, 'importMeteringDeviceValues', 'reading', r.id, 'rejected', 1, 'INT002000', 'Прибор учёта не найден(а) в реестре',
            now() - interval '2 days', now() - interval '2 days'
       FROM meter_readings r WHERE r.meter_id = $3 ORDER BY r.period LIMIT 1
     ON CONFLICT DO NOTHING`,
    [DEMO_REFUSED_SYNC_ITEM_ID, DEMO.organisationId, DEMO_METERS.gas],
  );
  // A declined card payment of flat 13 and one of flat 5 in Vladivostok the payer abandoned on the
  // bank's form: neither reaches the ledger, neither is left for reconciliation.
  await db.query(
    `INSERT INTO payments (id, order_id, provider, organisation_id, person_id, status, amount, commission, total, email, bank_payment_id,
                           bank_status, error_code, created_at, updated_at)
     VALUES ($1::uuid, $1::text, 'tbank', $3, $4, 'failed', 452000, 0, 452000, 'petrova@example.ru', 'demo-2', 'REJECTED', '1051',
             now() - interval '3 days', now() - interval '3 days'),
            ($2::uuid, $2::text, 'tbank', $3, $5, 'canceled', 318050, 0, 318050, 'ivanov@example.ru', 'demo-3', 'DEADLINE_EXPIRED', NULL,
             now() - interval '1 day', now() - interval '1 day')
     ON CONFLICT (id) DO NOTHING`,
    [
      DEMO_DECLINED_PAYMENT_ID,
      DEMO_ABANDONED_PAYMENT_ID,
      DEMO.organisationId,
      DEMO.neighbour.personId,
      DEMO.citizen.personId,
    ],
  );
  await db.query(
    `INSERT INTO payment_items (payment_id, account_id, amount) VALUES ($1, $2, 452000), ($3, $4, 318050) ON CONFLICT DO NOTHING`,
    [
      DEMO_DECLINED_PAYMENT_ID,
      DEMO.accounts.neighbourFlat13,
      DEMO_ABANDONED_PAYMENT_ID,
      DEMO.accounts.vladivostokFlat5,
    ],
  );
}
