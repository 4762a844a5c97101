import { z } from 'zod';
import type { AppealType } from '../../contracts/appeals.js';
import { localDate, periodOf } from '../calendar.js';
import { isValidBik, isValidInn, isValidSettlementAccount, isValidSnils } from '../validation/ru-checksums.js';

// The typed appeal forms of DOMAIN.md "Service requests and appeals": one zod schema per type,
// joined into a union on `type`. Each names the attachments it requires; all require consent to
// personal-data processing (152-ФЗ ст. 9).

export const APPEAL_TITLES: Record<AppealType, string> = {
  owner_change: 'Перерасчёт при смене собственника',
  debt_certificate: 'Справка о задолженности',
  overpayment_refund: 'Возврат переплаты по закрытому лицевому счёту',
  service_quality: 'Перерасчёт за услугу ненадлежащего качества',
  meter_event: 'Перерасчёт после поверки, опломбировки или демонтажа счётчика',
  advance_discount: 'Скидка за оплату на 6–24 месяца вперёд',
  payment_transfer: 'Перенос платежа между лицевыми счетами',
  benefits: 'Предоставление льгот',
  actual_readings: 'Перерасчёт по фактическим показаниям',
  complaint: 'Жалоба',
};

/**
 * Types that carry documents of identity or money to a person (passport, SNILS, bank details): only
 * someone whose identity is verified (Gosuslugi, or confirmed by the organisation) may file them.
 */
export const IDENTITY_REQUIRED_TYPES: readonly AppealType[] = ['owner_change', 'overpayment_refund', 'benefits'];

/** Attachment kinds each type needs (`required`) or takes (`optional`). */
export const APPEAL_ATTACHMENTS: Record<AppealType, { required: string[]; optional: string[] }> = {
  owner_change: { required: ['act_of_transfer'], optional: ['title_document'] },
  debt_certificate: { required: [], optional: [] },
  overpayment_refund: { required: ['identity_document'], optional: ['bank_details'] },
  service_quality: { required: [], optional: ['evidence'] },
  meter_event: { required: ['meter_act'], optional: ['verification_certificate', 'meter_photo'] },
  advance_discount: { required: [], optional: [] },
  payment_transfer: { required: ['payment_receipt'], optional: [] },
  benefits: { required: ['benefit_document'], optional: ['identity_document'] },
  actual_readings: { required: ['meter_photo'], optional: [] },
  complaint: { required: [], optional: ['evidence'] },
};

// The latest calendar date anywhere in Russia (UTC+12 at Kamchatka), so "not in the future" never
// refuses today's date of a resident east of Moscow.
const latestTodayIso = () => localDate(new Date(), 'Asia/Kamchatka');

const isoDate = z.iso.date();
const pastDate = isoDate.refine((d) => d <= latestTodayIso(), { message: 'must not be in the future' });
const kopecks = z
  .string()
  .regex(/^\d{1,15}$/, { message: 'expected an amount in kopecks as a string of digits' })
  // zod runs every check even after the pattern failed, so this one must not assume digits.
  .refine((v) => !/^0+$/.test(v), { message: 'must be more than zero' });
const name = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[А-ЯЁа-яёA-Za-z][А-ЯЁа-яёA-Za-z' .-]*$/, { message: 'letters, spaces, hyphens only' });

/** Russian internal passport: series 4 digits, number 6, division code NNN-NNN, issue date not ahead. */
export const passportSchema = z.object({
  series: z.string().regex(/^\d{4}$/, { message: 'expected 4 digits' }),
  number: z.string().regex(/^\d{6}$/, { message: 'expected 6 digits' }),
  issuedOn: pastDate,
  issuedBy: z.string().trim().min(3).max(300),
  divisionCode: z.string().regex(/^\d{3}-\d{3}$/, { message: 'expected NNN-NNN' }),
});

const base = {
  personalDataConsent: z.literal(true, { message: 'consent to personal-data processing (152-ФЗ) is required' }),
  comment: z.string().trim().max(4000).optional(),
};

function attachments(type: AppealType) {
  const { required, optional } = APPEAL_ATTACHMENTS[type];
  const kinds = [...required, ...optional];
  const item = z.object({ fileId: z.uuid(), kind: kinds.length ? z.enum(kinds as [string, ...string[]]) : z.never() });
  return z
    .array(item)
    .max(20)
    .default([])
    .superRefine((list, ctx) => {
      for (const kind of required) {
        if (!list.some((a) => a.kind === kind))
          ctx.addIssue({ code: 'custom', message: `attach a file of kind ${kind}` });
      }
    })
    .describe(
      `Files uploaded through POST /api/v1/me/appeals/files. Required kinds: ${required.join(', ') || 'none'}; optional: ${optional.join(', ') || 'none'}`,
    );
}

const accountForm = <T extends AppealType, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ type: z.literal(type), accountId: z.uuid(), ...base, ...shape, attachments: attachments(type) });

const ownerChange = accountForm('owner_change', {
  transferDate: pastDate.describe('Date of the act of transfer'),
  newOwner: z.object({ lastName: name, firstName: name, middleName: name.optional(), passport: passportSchema }),
});

const debtCertificate = accountForm('debt_certificate', {
  asOf: pastDate.describe('The date the debt is stated on'),
});

const overpaymentRefund = accountForm('overpayment_refund', {
  amountKopecks: kopecks,
  recipient: z
    .object({
      fullName: z.string().trim().min(3).max(300),
      inn: z
        .string()
        .refine((v) => v.length === 12 && isValidInn(v), {
          message: 'not a valid personal INN (12 digits with checksums)',
        })
        .optional(),
      bik: z.string().refine(isValidBik, { message: 'not a valid BIK (9 digits starting 04)' }),
      settlementAccount: z.string().regex(/^\d{20}$/, { message: 'expected 20 digits' }),
      bankName: z.string().trim().min(2).max(200).optional(),
    })
    .superRefine((r, ctx) => {
      if (
        isValidBik(r.bik) &&
        /^\d{20}$/.test(r.settlementAccount) &&
        !isValidSettlementAccount(r.settlementAccount, r.bik)
      ) {
        ctx.addIssue({
          code: 'custom',
          path: ['settlementAccount'],
          message: 'the account does not match the BIK (control key)',
        });
      }
    }),
});

const serviceQuality = accountForm('service_quality', {
  service: z.enum(['maintenance', 'security', 'concierge', 'waste_collection']),
  periodFrom: pastDate,
  periodTo: pastDate,
  description: z.string().trim().min(10).max(4000),
}).refine((f) => f.periodFrom <= f.periodTo, { path: ['periodTo'], message: 'must not be before periodFrom' });

const meterEvent = accountForm('meter_event', {
  event: z.enum(['verification', 'sealing', 'dismantling']),
  eventDate: pastDate,
  meterSerialNumber: z.string().trim().min(1).max(50),
  meterId: z.uuid().optional(),
});

const advanceDiscount = accountForm('advance_discount', {
  months: z.number().int().min(6).max(24),
  items: z
    .array(z.enum(['maintenance', 'security', 'concierge', 'intercom', 'waste_collection']))
    .min(1)
    .refine((a) => new Set(a).size === a.length, { message: 'items repeat' })
    .describe('Fixed charges the advance payment covers'),
});

const paymentTransfer = accountForm('payment_transfer', {
  toAccountNumber: z.string().trim().min(1).max(30),
  paymentDate: pastDate,
  amountKopecks: kopecks,
  reason: z.string().trim().min(3).max(1000),
});

const benefits = accountForm('benefits', {
  category: z.enum(['labour_veteran', 'war_veteran', 'disabled', 'large_family', 'chernobyl', 'pensioner', 'other']),
  categoryOther: z.string().trim().min(3).max(300).optional(),
  snils: z.string().refine(isValidSnils, { message: 'not a valid SNILS (11 digits with a checksum)' }),
  documentTitle: z.string().trim().min(3).max(300),
  documentNumber: z.string().trim().min(1).max(100),
  validFrom: isoDate,
  validTo: isoDate.optional(),
})
  .refine((f) => f.category !== 'other' || Boolean(f.categoryOther), {
    path: ['categoryOther'],
    message: 'required when category is other',
  })
  .refine((f) => !f.validTo || f.validFrom <= f.validTo, {
    path: ['validTo'],
    message: 'must not be before validFrom',
  });

const actualReadings = accountForm('actual_readings', {
  period: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'expected YYYY-MM' })
    .refine((p) => p <= periodOf(latestTodayIso()), { message: 'must not be in the future' }),
  readings: z
    .array(
      z.object({
        meterSerialNumber: z.string().trim().min(1).max(50),
        value: z.string().regex(/^\d{1,12}(\.\d{1,3})?$/, { message: 'expected a decimal with up to 3 places' }),
      }),
    )
    .min(1)
    .max(20),
});

const complaint = z
  .object({
    type: z.literal('complaint'),
    houseId: z.uuid(),
    organisationId: z.uuid().optional().describe('Addressee; the house’s managing organisation when left out'),
    topic: z.enum(['maintenance', 'cleaning', 'repairs', 'utilities_quality', 'billing', 'staff', 'noise', 'other']),
    topicOther: z.string().trim().min(3).max(300).optional(),
    text: z.string().trim().min(10).max(8000),
    ...base,
    attachments: attachments('complaint'),
  })
  .refine((f) => f.topic !== 'other' || Boolean(f.topicOther), {
    path: ['topicOther'],
    message: 'required when topic is other',
  });

export const appealForm = z
  .discriminatedUnion('type', [
    ownerChange,
    debtCertificate,
    overpaymentRefund,
    serviceQuality,
    meterEvent,
    advanceDiscount,
    paymentTransfer,
    benefits,
    actualReadings,
    complaint,
  ])
  .meta({ id: 'AppealForm' });

export type AppealForm = z.infer<typeof appealForm>;
