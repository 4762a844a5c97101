import type { Permission } from './permissions';

// Every page of the staff console as plain data, like ../pages.ts for the cabinet. Paths are relative
// to /staff (the console is a nested route). The side navigation lists the pages with `nav`; routes.ts
// attaches each path's screen. Adding a screen: a row here, a row in routes.ts, the screen's folder.

export interface StaffPageInfo {
  path: string;
  title: string;
  /** Listed in the side navigation, in this order. */
  nav?: boolean;
  /** Listed only for those holding it (default console.view); the API checks it anyway. */
  permission?: Permission;
}

const table = [
  { path: '/', title: 'Главная', nav: true },
  { path: '/requests', title: 'Заявки', nav: true },
  { path: '/requests/:id', title: 'Заявка' },
  { path: '/appeals', title: 'Обращения', nav: true },
  { path: '/appeals/:id', title: 'Обращение' },
  { path: '/approvals', title: 'Подтверждения', nav: true },
  { path: '/notices', title: 'Объявления', nav: true },
  { path: '/notices/new', title: 'Новое объявление' },
  { path: '/meetings', title: 'Собрания', nav: true },
  { path: '/meetings/new', title: 'Новое собрание' },
  { path: '/meetings/:id', title: 'Собрание' },
  { path: '/owners-register', title: 'Реестр собственников' },
  { path: '/house-meters', title: 'Общедомовые приборы', nav: true },
  { path: '/imports', title: 'Импорт', nav: true, permission: 'charges.import' },
  { path: '/settings', title: 'Настройки', nav: true },
  { path: '/debt-requests', title: 'Запросы о задолженности', nav: true },
  { path: '/payments', title: 'Платежи', nav: true },
  { path: '/exchange', title: 'Обмен с ГИС ЖКХ', nav: true },
  { path: '/audit', title: 'Журнал действий', nav: true, permission: 'audit.view' },
  { path: '/team', title: 'Сотрудники', nav: true, permission: 'staff.manage' },
  { path: '/api-keys', title: 'Ключи API', nav: true, permission: 'api-keys.manage' },
] as const satisfies readonly StaffPageInfo[];

export const staffPages: readonly StaffPageInfo[] = table;
export type StaffPagePath = (typeof table)[number]['path'];

/** The page whose pattern matches a path inside /staff; `:x` segments match one segment. */
export function staffPageFor(pathname: string): StaffPageInfo | undefined {
  return staffPages.find((p) => new RegExp(`^${p.path.replace(/:[^/]+/g, '[^/]+')}/?$`).test(pathname));
}
