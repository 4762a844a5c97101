import { DateTime } from 'luxon';
import type { DecisionRule } from './tally.js';
import type { MeetingForm } from './schedule.js';

// Russian wording of notices, results and the protocol (ЖК РФ ст. 45 ч. 5, ст. 46 ч. 3).

export const FORM_NAMES: Record<MeetingForm, string> = {
  in_person: 'очное голосование (совместное присутствие)',
  ballots: 'заочное голосование (опросным путём)',
  mixed: 'очно-заочное голосование',
  electronic: 'заочное голосование с использованием системы (ст. 47.1 ЖК РФ)',
};

export const RULE_NAMES: Record<DecisionRule, string> = {
  participants_majority: 'большинство голосов от общего числа голосов собственников, принявших участие в собрании',
  all_majority: 'более 50% голосов от общего числа голосов собственников помещений в доме',
  two_thirds_all: 'не менее 2/3 голосов от общего числа голосов собственников помещений в доме',
};

export const ANSWER_NAMES = {
  for: 'за',
  against: 'против',
  abstain: 'воздержался',
  invalid: 'недействительно',
} as const;

export const houseTime = (at: Date, timezone: string) =>
  DateTime.fromJSDate(at, { zone: timezone }).toFormat('dd.LL.yyyy HH:mm');
export const houseDay = (at: Date, timezone: string) =>
  DateTime.fromJSDate(at, { zone: timezone }).toFormat('dd.LL.yyyy');

export interface NoticeFacts {
  number: string;
  title: string;
  houseAddress: string;
  timezone: string;
  form: MeetingForm;
  initiatorName: string;
  administratorName: string;
  place: string;
  materialsInfo: string;
  inPersonAt: Date | null;
  votingStartsAt: Date;
  votingEndsAt: Date;
  questions: { position: number; title: string }[];
}

/** The notice with every part ст. 45 ч. 5 requires. */
export function noticeText(m: NoticeFacts): { title: string; body: string } {
  const t = (d: Date) => `${houseTime(d, m.timezone)} (${m.timezone})`;
  const lines = [
    `Сообщение о проведении общего собрания собственников помещений в многоквартирном доме по адресу: ${m.houseAddress}.`,
    `Инициатор собрания: ${m.initiatorName}. Администратор собрания: ${m.administratorName}.`,
    `Форма проведения: ${FORM_NAMES[m.form]}.`,
    m.inPersonAt ? `Очное обсуждение: ${t(m.inPersonAt)}, место: ${m.place}.` : `Место приёма решений: ${m.place}.`,
    `Голосование: с ${t(m.votingStartsAt)} по ${t(m.votingEndsAt)}.`,
    'Повестка дня:',
    ...m.questions.map((q) => `${q.position}. ${q.title}`),
    `Порядок ознакомления с материалами: ${m.materialsInfo}.`,
  ];
  return { title: `Общее собрание собственников № ${m.number}: ${m.title}`, body: lines.join('\n') };
}

export function resultsText(m: {
  number: string;
  houseAddress: string;
  quorum: boolean;
  participatingPercent: string;
  questions: { position: number; title: string; adopted: boolean }[];
}) {
  const lines = [
    `Итоги общего собрания собственников № ${m.number} по адресу: ${m.houseAddress}.`,
    `Приняли участие собственники, обладающие ${m.participatingPercent}% голосов. ${m.quorum ? 'Кворум имеется.' : 'Кворума нет, собрание неправомочно.'}`,
    ...m.questions.map((q) => `${q.position}. ${q.title} — ${q.adopted ? 'решение принято' : 'решение не принято'}.`),
  ];
  return { title: `Итоги общего собрания собственников № ${m.number}`, body: lines.join('\n') };
}
