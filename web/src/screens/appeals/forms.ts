// The fields of each appeal type as the API's AppealForm defines them (src/appeals/forms.ts), with
// Russian labels and the wording shown when the API refuses a field.
// Pure (no React, no client), so the unit tests check its bodies against the API's own schema; the
// explicit .js lets the server's TypeScript check it too.
import { formatDate, formatMoney, parseDate, parseDecimal, parseMoney } from '../../lib/format.js';

interface UploadedFile {
  id: string;
  filename: string;
  contentType: string;
  size: number;
}

export type FieldKind =
  | 'text'
  | 'textarea'
  | 'date'
  | 'month'
  | 'money'
  | 'number'
  | 'select'
  | 'checkboxes'
  | 'decimal';

export interface FieldDef {
  /** Path in the form body ("newOwner.passport.series"); also the key of its errors. */
  key: string;
  label: string;
  kind?: FieldKind;
  optional?: boolean;
  hint?: string;
  /** Shown when the API refuses the field. */
  error?: string;
  options?: readonly (readonly [string, string])[];
  /** Shown only when another field has a value ("categoryOther" when category is "other"). */
  when?: [string, string];
  autoComplete?: string;
  inputMode?: 'numeric' | 'decimal' | 'text';
}

const DATE_PAST = 'Укажите дату не позже сегодняшней.';
const NAME = 'Только буквы, пробел и дефис.';

const SERVICES = [
  ['maintenance', 'Содержание и ремонт'],
  ['security', 'Охрана'],
  ['concierge', 'Консьерж'],
  ['waste_collection', 'Вывоз мусора'],
] as const;

export const FIELDS: Record<string, FieldDef[]> = {
  owner_change: [
    { key: 'transferDate', label: 'Дата акта приёма-передачи', kind: 'date', error: DATE_PAST },
    { key: 'newOwner.lastName', label: 'Фамилия нового собственника', error: NAME },
    { key: 'newOwner.firstName', label: 'Имя нового собственника', error: NAME },
    { key: 'newOwner.middleName', label: 'Отчество нового собственника', optional: true, error: NAME },
    { key: 'newOwner.passport.series', label: 'Серия паспорта', inputMode: 'numeric', error: '4 цифры.' },
    { key: 'newOwner.passport.number', label: 'Номер паспорта', inputMode: 'numeric', error: '6 цифр.' },
    { key: 'newOwner.passport.issuedOn', label: 'Дата выдачи паспорта', kind: 'date', error: DATE_PAST },
    { key: 'newOwner.passport.issuedBy', label: 'Кем выдан', error: 'Укажите, кем выдан паспорт.' },
    {
      key: 'newOwner.passport.divisionCode',
      label: 'Код подразделения',
      hint: 'Например, 770-001',
      error: 'Формат 000-000.',
    },
  ],
  debt_certificate: [{ key: 'asOf', label: 'Задолженность на дату', kind: 'date', error: DATE_PAST }],
  overpayment_refund: [
    {
      key: 'amountKopecks',
      label: 'Сумма к возврату, ₽',
      kind: 'money',
      error: 'Укажите сумму больше нуля, например 1 250,50.',
    },
    { key: 'recipient.fullName', label: 'Получатель (ФИО)', error: 'Укажите ФИО получателя.' },
    {
      key: 'recipient.inn',
      label: 'ИНН получателя',
      optional: true,
      inputMode: 'numeric',
      error: 'ИНН физического лица: 12 цифр, проверьте их.',
    },
    { key: 'recipient.bik', label: 'БИК банка', inputMode: 'numeric', error: 'БИК: 9 цифр, начинается с 04.' },
    {
      key: 'recipient.settlementAccount',
      label: 'Счёт получателя',
      inputMode: 'numeric',
      error: '20 цифр; счёт должен соответствовать БИК банка.',
    },
    { key: 'recipient.bankName', label: 'Банк', optional: true },
  ],
  service_quality: [
    { key: 'service', label: 'Услуга', kind: 'select', options: SERVICES, error: 'Выберите услугу.' },
    { key: 'periodFrom', label: 'С какого дня', kind: 'date', error: DATE_PAST },
    {
      key: 'periodTo',
      label: 'По какой день',
      kind: 'date',
      error: 'Не раньше начала периода и не позже сегодняшнего дня.',
    },
    { key: 'description', label: 'Что было не так', kind: 'textarea', error: 'Опишите подробнее: от 10 символов.' },
  ],
  meter_event: [
    {
      key: 'event',
      label: 'Что сделали со счётчиком',
      kind: 'select',
      options: [
        ['verification', 'Поверка'],
        ['sealing', 'Опломбировка'],
        ['dismantling', 'Демонтаж'],
      ],
      error: 'Выберите событие.',
    },
    { key: 'eventDate', label: 'Дата', kind: 'date', error: DATE_PAST },
    { key: 'meterSerialNumber', label: 'Заводской номер счётчика', error: 'Укажите номер счётчика.' },
  ],
  advance_discount: [
    {
      key: 'months',
      label: 'На сколько месяцев вперёд',
      kind: 'number',
      inputMode: 'numeric',
      error: 'От 6 до 24 месяцев.',
    },
    {
      key: 'items',
      label: 'Какие начисления',
      kind: 'checkboxes',
      options: [...SERVICES.slice(0, 3), ['intercom', 'Домофон'], ['waste_collection', 'Вывоз мусора']],
      error: 'Выберите хотя бы одно начисление.',
    },
  ],
  payment_transfer: [
    { key: 'toAccountNumber', label: 'На лицевой счёт №', error: 'Укажите номер лицевого счёта.' },
    { key: 'paymentDate', label: 'Дата платежа', kind: 'date', error: DATE_PAST },
    { key: 'amountKopecks', label: 'Сумма, ₽', kind: 'money', error: 'Укажите сумму больше нуля, например 1 250,50.' },
    { key: 'reason', label: 'Почему перенести', kind: 'textarea', error: 'Напишите причину: от 3 символов.' },
  ],
  benefits: [
    {
      key: 'category',
      label: 'Льготная категория',
      kind: 'select',
      options: [
        ['labour_veteran', 'Ветеран труда'],
        ['war_veteran', 'Ветеран боевых действий'],
        ['disabled', 'Инвалидность'],
        ['large_family', 'Многодетная семья'],
        ['chernobyl', 'Пострадавшие от радиации'],
        ['pensioner', 'Пенсионер'],
        ['other', 'Другое'],
      ],
      error: 'Выберите категорию.',
    },
    { key: 'categoryOther', label: 'Какая категория', when: ['category', 'other'], error: 'Укажите категорию.' },
    {
      key: 'snils',
      label: 'СНИЛС',
      hint: '11 цифр подряд, без пробелов и дефисов: 11223344595',
      inputMode: 'numeric',
      error: 'Проверьте СНИЛС: 11 цифр.',
    },
    {
      key: 'documentTitle',
      label: 'Документ о льготе',
      hint: 'Например, удостоверение ветерана труда',
      error: 'Укажите документ.',
    },
    { key: 'documentNumber', label: 'Номер документа', error: 'Укажите номер документа.' },
    { key: 'validFrom', label: 'Действует с', kind: 'date', error: 'Укажите дату.' },
    { key: 'validTo', label: 'Действует по', kind: 'date', optional: true, error: 'Не раньше даты начала.' },
  ],
  actual_readings: [
    { key: 'period', label: 'За какой месяц', kind: 'month', error: 'Укажите месяц не позже текущего.' },
    { key: 'readings.0.meterSerialNumber', label: 'Счётчик 1: заводской номер', error: 'Укажите номер счётчика.' },
    {
      key: 'readings.0.value',
      label: 'Счётчик 1: показание',
      kind: 'decimal',
      error: 'Число, до 3 знаков после запятой.',
    },
    { key: 'readings.1.meterSerialNumber', label: 'Счётчик 2: заводской номер', optional: true },
    {
      key: 'readings.1.value',
      label: 'Счётчик 2: показание',
      kind: 'decimal',
      optional: true,
      error: 'Число, до 3 знаков.',
    },
  ],
  complaint: [
    {
      key: 'topic',
      label: 'Тема',
      kind: 'select',
      options: [
        ['maintenance', 'Содержание дома'],
        ['cleaning', 'Уборка'],
        ['repairs', 'Ремонт'],
        ['utilities_quality', 'Качество коммунальных услуг'],
        ['billing', 'Начисления'],
        ['staff', 'Работа сотрудников'],
        ['noise', 'Шум'],
        ['other', 'Другое'],
      ],
      error: 'Выберите тему.',
    },
    { key: 'topicOther', label: 'Какая тема', when: ['topic', 'other'], error: 'Укажите тему.' },
    { key: 'text', label: 'Суть жалобы', kind: 'textarea', error: 'Опишите подробнее: от 10 символов.' },
  ],
};

export const ATTACHMENT_KIND: Record<string, string> = {
  act_of_transfer: 'Акт приёма-передачи',
  title_document: 'Документ о праве собственности',
  identity_document: 'Документ, удостоверяющий личность',
  bank_details: 'Банковские реквизиты',
  evidence: 'Фото или документы, подтверждающие проблему',
  meter_act: 'Акт о поверке, опломбировке или демонтаже',
  verification_certificate: 'Свидетельство о поверке',
  meter_photo: 'Фото счётчика с показаниями',
  payment_receipt: 'Квитанция об оплате',
  benefit_document: 'Документ, дающий право на льготу',
};

export const STATUS: Record<string, { label: string; badge: string }> = {
  submitted: { label: 'Подано', badge: 'badge' },
  in_review: { label: 'На рассмотрении', badge: 'badge badge-warning' },
  returned: { label: 'Возвращено на доработку', badge: 'badge badge-danger' },
  accepted: { label: 'Принято', badge: 'badge badge-success' },
  rejected: { label: 'Отклонено', badge: 'badge badge-danger' },
  done: { label: 'Исполнено', badge: 'badge badge-success' },
};
export const statusOf = (s: string) => STATUS[s] ?? { label: s, badge: 'badge' };

/** Types that carry documents of identity or money: a verified identity is needed (src/appeals/forms.ts). */
export const IDENTITY_REQUIRED = ['owner_change', 'overpayment_refund', 'benefits'];

/** Reads a dotted path of a nested object ("newOwner.passport.series"). */
export function getPath(obj: unknown, path: string): unknown {
  const step = (o: unknown, k: string) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined);
  return path.split('.').reduce<unknown>(step, obj);
}

/** Writes a dotted path into a nested object; numeric segments make arrays. */
export function setPath(obj: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split('.');
  let o: Record<string, unknown> = obj;
  keys.slice(0, -1).forEach((k, i) => {
    o[k] ??= /^\d+$/.test(keys[i + 1]!) ? [] : {};
    o = o[k] as Record<string, unknown>;
  });
  o[keys.at(-1)!] = value;
}

export type Values = Record<string, string | string[]>;
export type Files = Record<string, UploadedFile[]>;
export interface Existing {
  form: Record<string, unknown>;
  files: { id: string; filename: string; contentType: string; size: number; kind: string; authorSide: string }[];
}

export function initialValues(type: string, existing?: Existing): Values {
  const out: Values = {};
  if (!existing) return out;
  for (const f of FIELDS[type] ?? []) {
    const v = getPath(existing.form, f.key);
    if (v === undefined || v === null) continue;
    if (f.kind === 'money') out[f.key] = formatMoney(String(v)).replace(/\s?₽$/, '');
    else if (f.kind === 'date') out[f.key] = formatDate(String(v));
    else if (f.kind === 'month') out[f.key] = String(v).replace(/^(\d{4})-(\d{2})$/, '$2.$1');
    else if (Array.isArray(v)) out[f.key] = v.map(String);
    else out[f.key] = String(v);
  }
  for (const k of ['comment', 'accountId', 'houseId']) {
    const v = existing.form[k];
    if (typeof v === 'string') out[k] = v;
  }
  return out;
}

export function initialFiles(existing?: Existing): Files {
  const out: Files = {};
  for (const f of existing?.files ?? []) if (f.authorSide === 'resident') out[f.kind] = [...(out[f.kind] ?? []), f];
  return out;
}

export const visible = (f: FieldDef, values: Values) => !f.when || values[f.when[0]] === f.when[1];
const filled = (v: string | string[] | undefined) => (Array.isArray(v) ? v.length > 0 : !!v?.trim());

/** The body the API expects (AppealForm) from the entries; a wrong value goes as typed, so the API names its field. */
export function toBody(
  type: string,
  values: Values,
  files: Files,
  consent: boolean,
  accountId: string,
  houseId: string,
) {
  const body: Record<string, unknown> = { type, personalDataConsent: consent };
  if (type === 'complaint') body.houseId = houseId;
  else body.accountId = accountId;
  const defs = (FIELDS[type] ?? []).filter((f) => visible(f, values));
  for (const f of defs) {
    const raw = values[f.key];
    if (f.optional && !filled(raw)) {
      // a second reading row is sent only when either of its fields is filled
      const row = /^readings\.(\d+)\./.exec(f.key);
      if (!row || !defs.some((d) => d.key.startsWith(`readings.${row[1]}.`) && filled(values[d.key]))) continue;
    }
    const text = Array.isArray(raw) ? '' : (raw ?? '').trim();
    let value: unknown = text;
    if (f.kind === 'checkboxes') value = Array.isArray(raw) ? raw : [];
    else if (f.kind === 'money') value = parseMoney(text)?.toString() ?? text;
    else if (f.kind === 'number') value = /^\d{1,3}$/.test(text) ? Number(text) : text;
    else if (f.kind === 'decimal') value = parseDecimal(text) ?? text;
    else if (f.kind === 'date') value = parseDate(text) ?? text;
    else if (f.kind === 'month') value = isoMonth(text);
    setPath(body, f.key, value);
  }
  const comment = typeof values.comment === 'string' ? values.comment.trim() : '';
  if (comment) body.comment = comment;
  body.attachments = Object.entries(files).flatMap(([kind, list]) => list.map((f) => ({ fileId: f.id, kind })));
  return body;
}

/** "10.2026" → "2026-10"; anything else as typed. */
function isoMonth(text: string): string {
  const m = /^(\d{1,2})\.(\d{4})$/.exec(text);
  return m ? `${m[2]}-${m[1]!.padStart(2, '0')}` : text;
}
