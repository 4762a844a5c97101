import { describe, expect, it } from 'vitest';
import { appealForm } from '../../src/appeals/forms.js';
import { FIELDS, initialFiles, initialValues, setPath, toBody } from '../../web/src/screens/appeals/forms.js';

const ACCOUNT = '00000000-0000-4000-8000-000000000301';
const HOUSE = '00000000-0000-4000-8000-000000000101';
const FILE = { id: '00000000-0000-4000-8000-0000000009aa', filename: 'k.png', contentType: 'image/png', size: 1 };

// The cabinet's appeal forms build what the API's own schema (src/appeals/forms.ts) accepts.
describe('appeal forms of the cabinet', () => {
  it('turns Russian entries (дд.мм.гггг, roubles with a comma) into a form the API accepts', () => {
    const body = toBody(
      'payment_transfer',
      { toAccountNumber: ' 100013 ', paymentDate: '6.11.2026', amountKopecks: '1 250,50', reason: 'Оплатил за соседа' },
      { payment_receipt: [FILE] },
      true,
      ACCOUNT,
      HOUSE,
    );
    expect(body).toEqual({
      type: 'payment_transfer',
      personalDataConsent: true,
      accountId: ACCOUNT,
      toAccountNumber: '100013',
      paymentDate: '2026-11-06',
      amountKopecks: '125050',
      reason: 'Оплатил за соседа',
      attachments: [{ fileId: FILE.id, kind: 'payment_receipt' }],
    });
    expect(appealForm.safeParse(body).success).toBe(true);
  });

  it('sends a wrong value as typed, so the API names its field', () => {
    const body = toBody('advance_discount', { months: 'шесть', items: [] }, {}, false, ACCOUNT, HOUSE);
    const parsed = appealForm.safeParse(body);
    expect(parsed.success).toBe(false);
    const paths = parsed.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['months', 'items', 'personalDataConsent']));
    // every refused path has a field of the form to show it next to
    const keys = new Set([...FIELDS.advance_discount!.map((f) => f.key), 'personalDataConsent']);
    for (const p of paths) expect(keys.has(p)).toBe(true);
  });

  it('leaves out optional fields and a second reading row left empty; a complaint goes to the house', () => {
    const readings = toBody(
      'actual_readings',
      { period: '10.2026', 'readings.0.meterSerialNumber': 'ХВ-1', 'readings.0.value': '123,4' },
      { meter_photo: [FILE] },
      true,
      ACCOUNT,
      HOUSE,
    );
    expect(readings).toMatchObject({ period: '2026-10', readings: [{ meterSerialNumber: 'ХВ-1', value: '123.4' }] });
    expect(appealForm.safeParse(readings).success).toBe(true);
    const complaint = toBody('complaint', { topic: 'noise', text: 'Шумят по ночам' }, {}, true, ACCOUNT, HOUSE);
    expect(complaint).toMatchObject({ houseId: HOUSE, topic: 'noise' });
    expect(complaint).not.toHaveProperty('accountId');
    expect(complaint).not.toHaveProperty('topicOther');
    expect(appealForm.safeParse(complaint).success).toBe(true);
  });

  it('fills the rework form from the submitted one and submits the same form back', () => {
    const form = appealForm.parse({
      type: 'owner_change',
      accountId: ACCOUNT,
      transferDate: '2026-10-01',
      personalDataConsent: true,
      newOwner: {
        lastName: 'Сидоров',
        firstName: 'Пётр',
        passport: {
          series: '4510',
          number: '123456',
          issuedOn: '2015-05-20',
          issuedBy: 'ОВД',
          divisionCode: '770-001',
        },
      },
      attachments: [{ fileId: FILE.id, kind: 'act_of_transfer' }],
    });
    const existing = { form, files: [{ ...FILE, kind: 'act_of_transfer', authorSide: 'resident' }] };
    const values = initialValues('owner_change', existing);
    expect(values['newOwner.passport.issuedOn']).toBe('20.05.2015');
    const again = toBody('owner_change', values, initialFiles(existing), true, ACCOUNT, HOUSE);
    expect(appealForm.parse(again)).toEqual(form);
  });

  it('writes dotted paths into nested objects and arrays', () => {
    const o: Record<string, unknown> = {};
    setPath(o, 'a.b.c', 1);
    setPath(o, 'r.0.x', 'y');
    expect(o).toEqual({ a: { b: { c: 1 } }, r: [{ x: 'y' }] });
  });
});
