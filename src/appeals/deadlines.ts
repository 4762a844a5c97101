import type { AppealType } from '../../contracts/appeals.js';

// How many calendar days the organisation has to answer an appeal, counted from its (re)submission.
// 59-ФЗ ст. 12 gives 30 days to a written appeal; ПП РФ № 416 п. 34–36 asks a management company to
// answer residents' requests for information and complaints within 10 working days (≈ 14 calendar days),
// and a debt certificate is a request for information. The organisation may set its own per type
// (PUT /api/v1/org/appeal-settings); these apply to a type it has not set.
export const DEFAULT_APPEAL_DAYS: Record<AppealType, number> = {
  owner_change: 30,
  debt_certificate: 14,
  overpayment_refund: 30,
  service_quality: 30,
  meter_event: 30,
  advance_discount: 30,
  payment_transfer: 30,
  benefits: 30,
  actual_readings: 30,
  complaint: 14,
};

/** Statuses in which the answer is still owed by the organisation (returned waits for the resident). */
export const OWED_STATUSES = ['submitted', 'in_review'] as const;
