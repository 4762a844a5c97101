// The request queue's filters (kept in the page's query string, so the home's links and a reload keep
// them) and the time left to a deadline.
import { useSearch, useLocation } from 'wouter';
import { countOf } from '../../../lib/format';

export const CATEGORIES = [
  'plumbing',
  'sewerage',
  'heating',
  'electricity',
  'gas',
  'elevator',
  'intercom',
  'roof',
  'facade',
  'cleaning',
  'waste',
  'yard',
  'pests',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];
export const STATUSES = ['new', 'in_progress', 'done', 'rejected'] as const;
export type Status = (typeof STATUSES)[number];

export interface QueueFilters {
  houseId?: string;
  category?: Category;
  emergency?: 'true';
  assignee?: string;
  overdue?: 'true';
  status?: Status;
  view?: 'board' | 'table';
}

const KEYS = ['houseId', 'category', 'emergency', 'assignee', 'overdue', 'status', 'view'] as const;

/** The filters of the query string and a setter that rewrites it (an empty value removes one). */
export function useQueueFilters(): [QueueFilters, (change: Partial<QueueFilters>) => void] {
  const search = useSearch();
  const [, navigate] = useLocation();
  const params = new URLSearchParams(search);
  const filters: QueueFilters = {};
  for (const k of KEYS) {
    const v = params.get(k);
    if (v) (filters as Record<string, string>)[k] = v;
  }
  const set = (change: Partial<QueueFilters>) => {
    const next = new URLSearchParams();
    const merged = { ...filters, ...change };
    for (const k of KEYS) if (merged[k]) next.set(k, String(merged[k]));
    const qs = next.toString();
    navigate(qs ? `/requests?${qs}` : '/requests', { replace: true });
  };
  return [filters, set];
}

/** The API's query of the filters (the view is the screen's own). */
export function apiQuery(f: QueueFilters) {
  const { view: _view, ...rest } = f;
  return rest;
}

/** "срок через 5 часов", "срок через 2 дня", "просрочена на 3 часа": the time to a deadline, or past it. */
export function timeLeft(deadline: string | null, now = Date.now()): { text: string; overdue: boolean } | null {
  if (!deadline) return null;
  const ms = new Date(deadline).getTime() - now;
  const abs = Math.abs(ms);
  const hours = Math.floor(abs / 3_600_000);
  const text =
    abs < 3_600_000
      ? countOf(Math.max(1, Math.floor(abs / 60_000)), ['минуту', 'минуты', 'минут'])
      : hours < 48
        ? countOf(hours, ['час', 'часа', 'часов'])
        : countOf(Math.floor(hours / 24), ['день', 'дня', 'дней']);
  return ms >= 0 ? { text: `срок через ${text}`, overdue: false } : { text: `просрочена на ${text}`, overdue: true };
}
