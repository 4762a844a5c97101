import type { Db } from '../../db/pool.js';
import { findCurrentChargePeriod, insertChargePeriod, periodDues } from '../../billing/charges.repo.js';
import { addMonths, currentPeriod } from '../../calendar.js';
import { issueDocumentIn, prepareChargeItem } from '../../billing/service.js';
import { allocate } from '../../payments/allocation.js';
import { insertAllocations, insertLedgerEntry } from '../../payments/payments.repo.js';
import { DEMO } from './core.js';

export const DEMO_PAYMENT_ID = '00000000-0000-4000-8000-000000000601';

// Payee bank details that pass their checksums (a fictional bank).
export const DEMO_BANK = {
  bankName: 'АО «Демобанк»',
  bik: '044525999',
  settlementAccount: '40702810900000001234',
  correspondentAccount: '30101810600000000999',
};

/** One month of charges of a flat: deterministic volumes, a penalty two months before the last. */
function monthLines(area: number, monthIndex: number, withPenalty: boolean) {
  const k = (monthIndex % 4) + 1;
  const maintenance = (BigInt(Math.round(area * 100)) * 3215n) / 100n; // 32.15 ₽/m²
  const volume = (v: number) => v.toFixed(3);
  const line = (service: string, unit: string, vol: number, tariff: bigint) => {
    const scaled = BigInt(Math.round(vol * 1000));
    return {
      service,
      unit,
      volume: volume(vol),
      tariff: tariff.toString(),
      charged: ((scaled * tariff + 500n) / 1000n).toString(),
      recalculation: '0',
      benefit: '0',
      penalty: '0',
    };
  };
  // Common-property use (ОДН) is printed apart from the flat's own volume; its cost is in the line's charge.
  const withCommon = (l: ReturnType<typeof line>, common: number, tariff: bigint) => ({
    ...l,
    volumeCommon: volume(common),
    charged: (BigInt(l.charged) + (BigInt(Math.round(common * 1000)) * tariff + 500n) / 1000n).toString(),
  });
  const lines = [
    {
      service: 'Содержание жилого помещения',
      unit: 'м²',
      volume: area.toFixed(3),
      tariff: '3215',
      charged: maintenance.toString(),
      recalculation: '0',
      benefit: '0',
      penalty: '0',
    },
    withCommon(line('Холодное водоснабжение', 'м³', 3 + k * 0.4, 5381n), 0.12, 5381n),
    withCommon(line('Горячее водоснабжение', 'м³', 2 + k * 0.3, 26564n), 0.08, 26564n),
    line('Водоотведение', 'м³', 5 + k * 0.7, 4210n),
    withCommon(line('Электроснабжение', 'кВт·ч', 140 + k * 12, 796n), 4.5, 796n),
    line('Обращение с ТКО', 'чел.', 2, 21780n),
  ];
  if (monthIndex === 3)
    Object.assign(lines[3]!, {
      recalculation: '-1250',
      recalculationReason: 'перерыв в водоснабжении 12–13 числа (акт № 17)',
    });
  if (withPenalty) lines[0]!.penalty = '41270'; // ЖК РФ ст. 155 ч. 14, as computed by the billing system
  return lines;
}

/**
 * Bank details of the demo organisation, 12 months of charges (up to the previous month) for the demo
 * accounts, and a succeeded payment of Иванов that paid the oldest nine months of flat 12.
 */
export async function seedBilling(db: Db, now = new Date()) {
  await seedChargesAndPayment(db, now);
  // The payment documents of the last two months are issued, as the organisation does monthly (older
  // ones with POST …/document); a running service's state-system sweep sends them to the simulator.
  const last = addMonths(currentPeriod(now, 'Europe/Moscow'), -1);
  for (const accountId of Object.values(DEMO.accounts)) {
    for (const period of [addMonths(last, -1), last]) await issueDocumentIn(db, accountId, period);
  }
}

async function seedChargesAndPayment(db: Db, now: Date) {
  await db.query(
    `UPDATE organisations SET bank_name = $2, bik = $3, settlement_account = $4, correspondent_account = $5 WHERE id = $1 AND bik IS NULL`,
    [
      DEMO.organisationId,
      DEMO_BANK.bankName,
      DEMO_BANK.bik,
      DEMO_BANK.settlementAccount,
      DEMO_BANK.correspondentAccount,
    ],
  );
  // Contacts and the house's areas printed on the payment document (form 43/пр).
  await updateDemoDocumentDetails(db);
  const last = addMonths(currentPeriod(now, 'Europe/Moscow'), -1);
  const periods = Array.from({ length: 12 }, (_, i) => addMonths(last, i - 11));
  const { rows: accounts } = await db.query(
    `SELECT a.id, p.area::float8 AS area FROM accounts a JOIN premises p ON p.id = a.premise_id WHERE a.id = ANY($1::uuid[])`,
    [Object.values(DEMO.accounts)],
  );
  for (const account of accounts) {
    for (const [i, period] of periods.entries()) {
      if (await findCurrentChargePeriod(db, account.id, period)) continue;
      const item = {
        accountNumber: '',
        period,
        openingDebt: '0',
        paid: '0',
        lines: monthLines(account.area, i, i === 9),
      };
      const prepared = prepareChargeItem(item);
      await insertChargePeriod(db, {
        organisationId: DEMO.organisationId,
        accountId: account.id,
        period,
        version: 1,
        ...prepared,
        importedBy: 'demo',
      });
    }
  }

  // The succeeded payment: the nine oldest months of flat 12, booked through the ledger.
  const account = DEMO.accounts.citizenFlat12;
  const { rows } = await db.query(
    `SELECT COALESCE(sum(charged), 0) AS amount FROM charge_periods WHERE account_id = $1 AND superseded_at IS NULL AND period BETWEEN $2 AND $3`,
    [account, periods[0], periods[8]],
  );
  const amount = BigInt(rows[0].amount);
  const inserted = await db.query(
    `INSERT INTO payments (id, order_id, provider, organisation_id, person_id, status, amount, commission, total, email, bank_payment_id, bank_status, succeeded_at)
     VALUES ($1::uuid, $1::text, 'tbank', $2, $3, 'succeeded', $4, 0, $4, 'ivanov@example.ru', 'demo-1', 'CONFIRMED', now()) ON CONFLICT (id) DO NOTHING RETURNING id`,
    [DEMO_PAYMENT_ID, DEMO.organisationId, DEMO.citizen.personId, amount],
  );
  if (!inserted.rowCount || amount <= 0n) return;
  await db.query(`INSERT INTO payment_items (payment_id, account_id, amount) VALUES ($1, $2, $3)`, [
    DEMO_PAYMENT_ID,
    account,
    amount,
  ]);
  const entry = await insertLedgerEntry(db, DEMO_PAYMENT_ID, 'booking', amount);
  if (!entry) return;
  const allocations = allocate(amount, await periodDues(db, account)).map((a) => ({ accountId: account, ...a }));
  await insertAllocations(db, entry.id, entry.booked_at, allocations);
}

/** The demo organisation's contacts and the demo houses' areas (set once; an organisation's later edits stay). */
async function updateDemoDocumentDetails(db: Db) {
  await db.query(
    `UPDATE organisations SET address = '117420, г. Москва, ул. Профсоюзная, д. 43, корп. 1, пом. I', phone = '+7 495 123-45-67',
            email = 'info@uk-domhub.example.ru', website = 'https://uk-domhub.example.ru', working_hours = 'пн–чт 9:00–18:00, пт 9:00–16:45',
            dispatcher_phone = '+7 495 123-45-00', dispatcher_hours = 'круглосуточно'
      WHERE id = $1 AND phone IS NULL`,
    [DEMO.organisationId],
  );
  await db.query(
    `UPDATE houses h SET residential_area = v.res, non_residential_area = v.nonres, common_area = v.common
       FROM (VALUES ($1::uuid, 3489.20, 212.40, 528.90), ($2::uuid, 1512.00, 0, 308.00)) v(id, res, nonres, common)
      WHERE h.id = v.id AND h.residential_area IS NULL`,
    [DEMO.houses.moscow, DEMO.houses.vladivostok],
  );
}
