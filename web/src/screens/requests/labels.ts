// Russian names of the request categories and statuses of the API (src/tickets/schemas.ts, status.ts).
export const CATEGORY: Record<string, string> = {
  plumbing: 'Водопровод и сантехника',
  sewerage: 'Канализация',
  heating: 'Отопление',
  electricity: 'Электричество',
  gas: 'Газ',
  elevator: 'Лифт',
  intercom: 'Домофон',
  roof: 'Кровля',
  facade: 'Фасад',
  cleaning: 'Уборка',
  waste: 'Вывоз мусора',
  yard: 'Двор',
  pests: 'Насекомые и грызуны',
  other: 'Другое',
};

export const STATUS: Record<string, { label: string; badge: string }> = {
  new: { label: 'Новая', badge: 'badge' },
  in_progress: { label: 'В работе', badge: 'badge badge-warning' },
  done: { label: 'Выполнена', badge: 'badge badge-success' },
  rejected: { label: 'Отклонена', badge: 'badge badge-danger' },
};

export const categoryName = (c: string) => CATEGORY[c] ?? 'Другое';
export const statusOf = (s: string) => STATUS[s] ?? { label: s, badge: 'badge' };
