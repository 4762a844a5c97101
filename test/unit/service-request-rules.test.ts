import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canOrgMove, canResubmit, needsMessage, permissionForType } from '../../src/appeals/status.js';
import { APPEAL_TYPES } from '../../contracts/appeals.js';
import { APPEAL_TITLES, appealForm } from '../../src/appeals/forms.js';
import { canReopen, canStaffMove } from '../../src/tickets/status.js';
import { russianPhone } from '../../contracts/tickets.js';
import { dateRu, renderNotification } from '../../src/notify/templates.js';

const DAY = 86_400_000;

describe('request statuses', () => {
  it('allow new → in progress → done | rejected and nothing backwards', () => {
    expect(canStaffMove('new', 'in_progress')).toBe(true);
    expect(canStaffMove('in_progress', 'done')).toBe(true);
    expect(canStaffMove('new', 'rejected')).toBe(true);
    expect(canStaffMove('new', 'done')).toBe(false);
    expect(canStaffMove('done', 'in_progress')).toBe(false);
    expect(canStaffMove('in_progress', 'new')).toBe(false);
  });
  it('let the author reopen a closed request within the set days only', () => {
    const now = new Date('2026-11-20T12:00:00Z');
    expect(canReopen({ status: 'done', closedAt: new Date(now.getTime() - 13 * DAY) }, now, 14)).toBe(true);
    expect(canReopen({ status: 'rejected', closedAt: new Date(now.getTime() - 15 * DAY) }, now, 14)).toBe(false);
    expect(canReopen({ status: 'in_progress', closedAt: null }, now, 14)).toBe(false);
  });
  it('normalise Russian phone numbers', () => {
    expect(russianPhone.parse('8 (900) 123-45-67')).toBe('+79001234567');
    expect(russianPhone.parse('+7 900 1234567')).toBe('+79001234567');
    expect(russianPhone.safeParse('+1 202 555 0100').success).toBe(false);
  });
});

describe('appeal statuses', () => {
  it('follow submitted → in review → returned | accepted | rejected → done', () => {
    expect(canOrgMove('submitted', 'in_review')).toBe(true);
    expect(canOrgMove('submitted', 'accepted')).toBe(false);
    expect(canOrgMove('in_review', 'returned')).toBe(true);
    expect(canOrgMove('returned', 'in_review')).toBe(false);
    expect(canOrgMove('accepted', 'done')).toBe(true);
    expect(canOrgMove('rejected', 'done')).toBe(true);
    expect(canOrgMove('done', 'in_review')).toBe(false);
    expect(canResubmit('returned')).toBe(true);
    expect(canResubmit('in_review')).toBe(false);
    expect(needsMessage('returned') && needsMessage('rejected') && !needsMessage('accepted')).toBe(true);
  });
  it('send money matters to accountants and complaints to dispatchers', () => {
    expect(permissionForType('overpayment_refund')).toBe('charges.import');
    expect(permissionForType('complaint')).toBe('tickets.manage');
  });
});

describe('appeal forms', () => {
  const acc = '00000000-0000-4000-8000-000000000301';
  const file = '00000000-0000-4000-8000-000000000999';
  it('have a title per type', () => {
    expect(APPEAL_TYPES.every((t) => APPEAL_TITLES[t].length > 3)).toBe(true);
  });
  it('take 6 to 24 months for the advance-payment discount', () => {
    const form = (months: number) =>
      appealForm.safeParse({
        type: 'advance_discount',
        accountId: acc,
        months,
        items: ['maintenance'],
        personalDataConsent: true,
      });
    expect(form(6).success && form(24).success).toBe(true);
    expect(form(5).success || form(25).success).toBe(false);
  });
  it('refuse a service-quality period that ends before it starts', () => {
    const r = appealForm.safeParse({
      type: 'service_quality',
      accountId: acc,
      service: 'security',
      periodFrom: '2025-05-10',
      periodTo: '2025-05-01',
      description: 'Охрана не работала',
      personalDataConsent: true,
    });
    expect(r.error?.issues.map((i) => i.path.join('.'))).toEqual(['periodTo']);
  });
  it('refuse attachments of a kind the type does not take', () => {
    const r = appealForm.safeParse({
      type: 'payment_transfer',
      accountId: acc,
      toAccountNumber: '1',
      paymentDate: '2025-01-01',
      amountKopecks: '100',
      reason: 'Ошибка',
      personalDataConsent: true,
      attachments: [{ fileId: file, kind: 'meter_photo' }],
    });
    expect(r.error?.issues.map((i) => i.path.join('.'))).toEqual(['attachments.0.kind']);
  });
  it('never throw on arbitrary input, whatever the type', () => {
    const field = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.constant(null),
      fc.array(fc.anything(), { maxLength: 3 }),
      fc.dictionary(fc.string(), fc.anything()),
    );
    const keys = [
      'accountId',
      'houseId',
      'amountKopecks',
      'recipient',
      'newOwner',
      'passport',
      'snils',
      'asOf',
      'period',
      'readings',
      'attachments',
      'months',
      'items',
      'topic',
      'personalDataConsent',
    ];
    fc.assert(
      fc.property(fc.constantFrom(...APPEAL_TYPES), fc.dictionary(fc.constantFrom(...keys), field), (type, rest) => {
        appealForm.safeParse({ ...rest, type });
      }),
      { numRuns: 400 },
    );
  });

  it('refuse zero and fractional amounts in kopecks', () => {
    const base = {
      type: 'payment_transfer',
      accountId: acc,
      toAccountNumber: '1',
      paymentDate: '2025-01-01',
      reason: 'Ошибка',
      personalDataConsent: true,
      attachments: [{ fileId: file, kind: 'payment_receipt' }],
    };
    expect(appealForm.safeParse({ ...base, amountKopecks: '0' }).success).toBe(false);
    expect(appealForm.safeParse({ ...base, amountKopecks: '10.5' }).success).toBe(false);
    expect(appealForm.safeParse({ ...base, amountKopecks: '1050' }).success).toBe(true);
  });
});

describe('notification templates', () => {
  it('render Russian subjects and texts', () => {
    const t = renderNotification(
      {
        kind: 'verification_due',
        serialNumber: 'ХВ-1',
        resource: 'cold_water',
        dueOn: '2026-12-05',
        accountNumber: '100012',
      },
      'https://domhub.example',
    );
    expect(t.subject).toBe('Приближается срок поверки счётчика ХВ-1');
    expect(t.text).toContain('холодной воды № ХВ-1 (лицевой счёт 100012) — 5 декабря 2026 г.');
    expect(t.text).toContain('https://domhub.example');
    const a = renderNotification(
      {
        kind: 'appeal_status',
        appealId: 'x',
        number: '7',
        typeTitle: 'Льготы',
        status: 'returned',
        message: 'Нет копии',
      },
      'u',
    );
    expect(a.subject).toBe('Обращение № 7: возвращено на доработку');
    expect(a.text).toContain('Ответ организации: Нет копии');
    expect(dateRu('2026-01-31')).toBe('31 января 2026 г.');
  });
});
