// The console's words for appeals: the queue's filters (kept in the query string), the time left to the
// answer, and a submitted form as rows of label and value. The field labels are the cabinet's own
// (screens/appeals/forms.ts FIELDS, checked against the API's schema by its unit test), so the
// resident and the staff see one wording.
import { useLocation, useSearch } from 'wouter';
import { formatDate, formatDecimal, formatMoney, formatPeriod } from '../../../lib/format';
import type { Schemas } from '../../api';
import { ATTACHMENT_KIND, FIELDS, getPath, statusOf } from '../../../screens/appeals/forms';

export { statusOf };

export const STATUSES = ['submitted', 'in_review', 'returned', 'accepted', 'rejected', 'done'] as const;
export type Status = (typeof STATUSES)[number];

export type AppealType = Schemas['AppealSummary']['type'];

export interface AppealFilters {
  status?: Status;
  type?: AppealType;
  houseId?: string;
  source?: 'hub' | 'state_system';
  overdue?: 'true';
}

const KEYS = ['status', 'type', 'houseId', 'source', 'overdue'] as const;

/** The filters of the query string and a setter that rewrites it (an empty value removes one). */
export function useAppealFilters(): [AppealFilters, (change: Partial<AppealFilters>) => void] {
  const search = useSearch();
  const [, navigate] = useLocation();
  const params = new URLSearchParams(search);
  const filters: AppealFilters = {};
  for (const k of KEYS) {
    const v = params.get(k);
    if (v) (filters as Record<string, string>)[k] = v;
  }
  const set = (change: Partial<AppealFilters>) => {
    const next = new URLSearchParams();
    const merged = { ...filters, ...change };
    for (const k of KEYS) if (merged[k]) next.set(k, String(merged[k]));
    const qs = next.toString();
    navigate(qs ? `/appeals?${qs}` : '/appeals', { replace: true });
  };
  return [filters, set];
}

const DAY = 86_400_000;

/** «срок через 3 дн.», «просрочено на 2 дн.»: the days to the answer's due time, a part counted as a day. */
export function dueText(dueAt: string | null, now = Date.now()): { text: string; overdue: boolean } | null {
  if (!dueAt) return null;
  const ms = new Date(dueAt).getTime() - now;
  const days = Math.max(1, Math.ceil(Math.abs(ms) / DAY));
  return ms < 0
    ? { text: `просрочено на ${days} дн.`, overdue: true }
    : { text: `срок через ${days} дн.`, overdue: false };
}

export const SIDE: Record<string, string> = { resident: 'Житель', organisation: 'Организация', system: 'Система' };

/** The kind of a file: the resident's attachment kinds in the form's words, or the organisation's answer. */
export function fileKind(kind: string, side: string): string {
  if (ATTACHMENT_KIND[kind]) return ATTACHMENT_KIND[kind];
  if (kind === 'debt_certificate') return 'Справка о задолженности';
  return side === 'resident' ? 'Документ жителя' : 'Ответ организации';
}

export interface FormRow {
  label: string;
  value: string;
  /** Long text, shown with its line breaks. */
  long?: boolean;
}

// What the form holds besides its typed fields; the attachments are listed with the files.
const COMMON: Record<string, string> = { comment: 'Комментарий жителя' };
const SKIP = new Set([
  'type',
  'accountId',
  'houseId',
  'organisationId',
  'attachments',
  'personalDataConsent',
  'meterId',
]);

function show(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'да' : 'нет';
  return String(value);
}

/** Every value of a hub form as a row with its Russian label, in the order of the form's fields. */
export function formRows(type: string, form: Record<string, unknown>): FormRow[] {
  if (form.source === 'state_system') return stateSystemRows(form);
  const rows: FormRow[] = [];
  const used = new Set<string>();
  for (const f of FIELDS[type] ?? []) {
    if (f.key.startsWith('readings.')) continue;
    used.add(f.key.split('.')[0]!);
    const v = getPath(form, f.key);
    if (v === undefined || v === null || v === '') continue;
    let value: string;
    if (f.kind === 'date') value = formatDate(String(v));
    else if (f.kind === 'money') value = formatMoney(String(v));
    else if (f.kind === 'month') value = formatPeriod(String(v));
    else if (f.kind === 'decimal') value = formatDecimal(String(v));
    else if (f.options) {
      const label = (o: unknown) => f.options!.find(([k]) => k === o)?.[1] ?? show(o);
      value = Array.isArray(v) ? v.map(label).join(', ') : label(v);
    } else value = show(v);
    rows.push({ label: f.label, value, long: f.kind === 'textarea' });
  }
  if (Array.isArray(form.readings)) {
    used.add('readings');
    form.readings.forEach((r: { meterSerialNumber?: string; value?: string }, i) => {
      rows.push({
        label: `Счётчик ${i + 1}`,
        value: `№ ${show(r.meterSerialNumber)}: ${r.value ? formatDecimal(r.value) : ''}`,
      });
    });
  }
  for (const [key, v] of Object.entries(form)) {
    if (SKIP.has(key) || used.has(key) || v === undefined || v === null || v === '') continue;
    if (typeof v === 'object') continue;
    rows.push({ label: COMMON[key] ?? key, value: show(v), long: key === 'comment' });
  }
  if (form.personalDataConsent === true)
    rows.push({ label: 'Согласие на обработку персональных данных', value: 'дано (152-ФЗ)' });
  return rows;
}

/** An appeal fetched from ГИС ЖКХ: what the state system gave of it (src/appeals/state-system.ts). */
function stateSystemRows(form: Record<string, unknown>): FormRow[] {
  const a = (form.applicant ?? {}) as Record<string, unknown>;
  const name = [a.lastName, a.firstName, a.middleName].filter(Boolean).join(' ');
  const rows: [string, unknown, boolean?][] = [
    ['Номер в ГИС ЖКХ', form.number],
    ['Тема', form.topic],
    ['Текст обращения', form.text, true],
    [a.organisation ? 'Заявитель (организация)' : 'Заявитель', name],
    ['Адрес заявителя', a.address],
    ['Квартира', a.apartment],
    ['Телефон', a.phone],
    ['Эл. почта', a.email],
    ['Срок ответа по ГИС ЖКХ', form.executionEndDate ? formatDate(String(form.executionEndDate)) : null],
    [
      'Вложения в ГИС ЖКХ',
      Array.isArray(form.attachments) ? (form.attachments as { name: string }[]).map((f) => f.name).join(', ') : null,
    ],
  ];
  return rows
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([label, v, long]) => ({ label, value: show(v), long }));
}
