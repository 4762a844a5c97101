// Types of the meetings API as the console reads them (from the generated schema) and the Russian names.
import type { paths } from '../../../api/schema';

type Get<P extends keyof paths> = paths[P] extends {
  get: { responses: { 200: { content: { 'application/json': infer T } } } };
}
  ? T
  : never;

export type Meeting = Get<'/api/v1/org/meetings/{id}'>;
export type MeetingList = Get<'/api/v1/org/meetings'>;
export type Turnout = Get<'/api/v1/org/meetings/{id}/turnout'>;
export type MeetingOwner = Get<'/api/v1/org/meetings/{id}/owners'>[number];
export type Ballot = Get<'/api/v1/org/meetings/{id}/ballots'>[number];
export type ProxyRow = Get<'/api/v1/org/meetings/{id}/powers-of-attorney'>[number];
export type Register = Get<'/api/v1/org/houses/{houseId}/owners-register'>;
export type Reconciliation = Get<'/api/v1/org/houses/{houseId}/owners-register/reconciliation'>;
export type AgendaItem = Get<'/api/v1/org/meetings/agenda-catalogue'>['items'][number];
export type Rule = AgendaItem['rule'];
export type MeetingForm = Meeting['form'];

export const STATUS: Record<Meeting['status'], { label: string; badge: string }> = {
  draft: { label: 'Черновик', badge: 'badge' },
  announced: { label: 'Объявлено', badge: 'badge badge-success' },
  closed: { label: 'Завершено', badge: 'badge' },
  cancelled: { label: 'Отменено', badge: 'badge badge-danger' },
};

/** Where a meeting stands now, more precisely than its status: voting ahead, running, counting. */
export function stage(m: Pick<Meeting, 'status' | 'votingStartsAt' | 'votingEndsAt'>, now = new Date()) {
  if (m.status !== 'announced') return STATUS[m.status];
  if (now < new Date(m.votingStartsAt)) return { label: 'Голосование впереди', badge: 'badge badge-warning' };
  if (now < new Date(m.votingEndsAt)) return { label: 'Идёт голосование', badge: 'badge badge-success' };
  return { label: 'Голосование окончено — закройте собрание', badge: 'badge badge-warning' };
}

export const RULE_STRENGTH: Record<Rule, number> = { participants_majority: 0, all_majority: 1, two_thirds_all: 2 };
export const RULE_SHORT: Record<Rule, string> = {
  participants_majority: 'большинство участников',
  all_majority: '> 50% всех голосов',
  two_thirds_all: '≥ 2/3 всех голосов',
};

export const MISMATCH: Record<string, string> = {
  premise_without_owners: 'У помещения нет собственников в реестре',
  shares_incomplete: 'Доли собственников помещения меньше целого',
  shares_exceed_premise: 'Доли собственников помещения больше целого — собрание не объявить',
  owner_not_on_account: 'Собственника из реестра нет в лицевых счетах',
  account_owner_not_in_register: 'Собственника из лицевого счёта нет в реестре',
  share_differs_from_account: 'Доля в реестре не совпадает с долей в лицевом счёте',
};

export const ownerName = (o: { lastName: string; firstName: string | null; middleName: string | null }) =>
  [o.lastName, o.firstName, o.middleName].filter(Boolean).join(' ');

/** "12,3456" m² from the API's exact fraction "123456/10000" or a decimal. */
export function votesText(value: string): string {
  const [n, d] = value.split('/');
  const num = d ? Number(n) / Number(d) : Number(value);
  return `${num.toLocaleString('ru-RU', { minimumFractionDigits: 2, maximumFractionDigits: 4 })}\u00a0м²`;
}
