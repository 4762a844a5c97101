// What each permission lets a person do, in the console's words: the same texts as the server's
// contracts/permissions.ts PERMISSION_LABELS (test/unit/staff-permission-labels.test.ts keeps them
// equal), here so that the bundle does not carry the contracts' zod schemas. In the server's order.
// No imports: the unit test loads it under node's module resolution.

export const PERMISSION_LABELS = {
  'console.view': 'Просмотр консоли: заявки, лицевые счета, платежи, обмен',
  'tickets.manage': 'Работа с заявками жителей',
  'appeals.answer': 'Ответы на обращения',
  'accounts.approve': 'Подтверждение привязки счетов, приборов учёта и числа проживающих',
  'accounts.import': 'Загрузка лицевых счетов и приборов учёта',
  'charges.import': 'Загрузка начислений и показаний',
  'payments.refund': 'Возврат платежей',
  'news.publish': 'Публикация объявлений',
  'meetings.run': 'Проведение общих собраний',
  'sync.manage': 'Управление обменом с ГИС ЖКХ',
  'debts.answer': 'Ответы на запросы о задолженности',
  'houses.manage': 'Изменение домов и помещений',
  'settings.manage': 'Настройки организации: сроки, реквизиты, режим собраний',
  'staff.manage': 'Сотрудники и роли',
  'api-keys.manage': 'Ключи API',
  'audit.view': 'Журнал действий',
} as const;

/** A permission the console names (the API's Permission; a mismatch fails the typecheck where they meet). */
export type LabelledPermission = keyof typeof PERMISSION_LABELS;

export const ALL_PERMISSIONS = Object.keys(PERMISSION_LABELS) as LabelledPermission[];

/** The label of a permission (an unknown one, from a newer server, as it is). */
export const permissionLabel = (p: string): string => PERMISSION_LABELS[p as LabelledPermission] ?? p;
