// Russian texts of the emails the Notifier sends. Pure: a notification in, a subject and text out.

import type { AppealStatus } from '../../contracts/appeals.js';
import type { TicketStatus } from '../../contracts/tickets.js';

export type Resource = 'cold_water' | 'hot_water' | 'electricity' | 'heat' | 'gas';

export type Notification =
  | {
      kind: 'ticket_status';
      ticketId: string;
      number: string;
      status: TicketStatus;
      note?: string | null;
      reopened?: boolean;
    }
  | {
      kind: 'appeal_status';
      appealId: string;
      number: string;
      typeTitle: string;
      status: AppealStatus;
      message?: string | null;
    }
  | { kind: 'appeal_answer'; appealId: string; number: string; typeTitle: string; message: string }
  | { kind: 'news'; newsId: string; emergency: boolean; title: string; body: string; expiresAt?: Date | null }
  | { kind: 'reading_window'; accountNumber: string; address: string; startDay: number; endDay: number; period: string }
  | { kind: 'verification_due'; serialNumber: string; resource: Resource; dueOn: string; accountNumber: string };

export const TICKET_STATUS_RU: Record<TicketStatus, string> = {
  new: 'новая',
  in_progress: 'в работе',
  done: 'выполнена',
  rejected: 'отклонена',
};

export const APPEAL_STATUS_RU: Record<AppealStatus, string> = {
  submitted: 'подано',
  in_review: 'на рассмотрении',
  returned: 'возвращено на доработку',
  accepted: 'принято',
  rejected: 'отклонено',
  done: 'исполнено',
};

const RESOURCE_RU: Record<Resource, string> = {
  cold_water: 'холодной воды',
  hot_water: 'горячей воды',
  electricity: 'электроэнергии',
  heat: 'тепловой энергии',
  gas: 'газа',
};

const MONTHS_GENITIVE = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
];

/** "2026-12-05" → "5 декабря 2026 г." */
export function dateRu(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS_GENITIVE[m - 1]} ${y} г.`;
}

const dateTimeRu = (at: Date) =>
  new Intl.DateTimeFormat('ru-RU', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Moscow' }).format(at) +
  ' (МСК)';

const FOOTER = (publicUrl: string) =>
  `\n\n—\nЛичный кабинет: ${publicUrl}\nЭто письмо отправлено автоматически, отвечать на него не нужно.`;

export function renderNotification(n: Notification, publicUrl: string): { subject: string; text: string } {
  const body = (() => {
    switch (n.kind) {
      case 'ticket_status':
        return {
          subject: n.reopened
            ? `Заявка № ${n.number} открыта повторно`
            : `Заявка № ${n.number}: ${TICKET_STATUS_RU[n.status]}`,
          text:
            `Статус вашей заявки № ${n.number} изменён: ${TICKET_STATUS_RU[n.status]}.` +
            (n.note ? `\n\nКомментарий: ${n.note}` : ''),
        };
      case 'appeal_status':
        return {
          subject: `Обращение № ${n.number}: ${APPEAL_STATUS_RU[n.status]}`,
          text:
            `Обращение № ${n.number} («${n.typeTitle}») — ${APPEAL_STATUS_RU[n.status]}.` +
            (n.status === 'returned' ? '\n\nИсправьте обращение в личном кабинете и отправьте его снова.' : '') +
            (n.message ? `\n\nОтвет организации: ${n.message}` : ''),
        };
      case 'appeal_answer':
        return {
          subject: `Ответ по обращению № ${n.number}`,
          text: `По обращению № ${n.number} («${n.typeTitle}») получен ответ:\n\n${n.message}`,
        };
      case 'news':
        return {
          subject: n.emergency ? `Внимание: ${n.title}` : `Новость вашего дома: ${n.title}`,
          text: `${n.title}\n\n${n.body}${n.expiresAt ? `\n\nДействует до ${dateTimeRu(n.expiresAt)}.` : ''}`,
        };
      case 'reading_window':
        return {
          subject: `Пора передать показания счётчиков (лицевой счёт ${n.accountNumber})`,
          text:
            `Открыт приём показаний приборов учёта за ${n.period} по лицевому счёту ${n.accountNumber} (${n.address}).` +
            `\n\nПоказания принимаются с ${n.startDay} по ${n.endDay} число месяца.`,
        };
      case 'verification_due':
        return {
          subject: `Приближается срок поверки счётчика ${n.serialNumber}`,
          text:
            `Срок поверки счётчика ${RESOURCE_RU[n.resource]} № ${n.serialNumber} (лицевой счёт ${n.accountNumber}) — ${dateRu(n.dueOn)}.` +
            '\n\nПосле этой даты показания счётчика не принимаются к расчёту: закажите поверку заранее и передайте акт в управляющую организацию.',
        };
    }
  })();
  return { subject: body.subject, text: body.text + FOOTER(publicUrl) };
}
