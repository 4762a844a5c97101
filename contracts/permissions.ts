// What staff and API keys may do in an organisation. Every /api/v1/org route checks one permission
// (src/http/auth.ts requirePermission), never a role name; roles are data (table staff_roles), each a
// set of these permissions, and a key holds permissions of its own.
import { z } from 'zod';

export const PERMISSIONS = [
  'console.view',
  'tickets.manage',
  'appeals.answer',
  'accounts.approve',
  'accounts.import',
  'charges.import',
  'payments.refund',
  'news.publish',
  'meetings.run',
  'sync.manage',
  'debts.answer',
  'houses.manage',
  'settings.manage',
  'staff.manage',
  'api-keys.manage',
  'audit.view',
] as const;

export type Permission = (typeof PERMISSIONS)[number];
export const permissionSchema = z.enum(PERMISSIONS);

/** What each permission lets a person do, in the console's words. */
export const PERMISSION_LABELS: Record<Permission, string> = {
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
};

/** The built-in roles every organisation has (the staff-roles migration stores them with these ids and codes). */
export const BUILT_IN_ROLES = {
  admin: { id: '00000000-0000-4000-8000-00000000a001', name: 'Администратор', permissions: PERMISSIONS },
  dispatcher: {
    id: '00000000-0000-4000-8000-00000000a002',
    name: 'Диспетчер',
    permissions: ['console.view', 'tickets.manage', 'appeals.answer', 'accounts.approve', 'news.publish'],
  },
  accountant: {
    id: '00000000-0000-4000-8000-00000000a003',
    name: 'Бухгалтер',
    permissions: [
      'console.view',
      'appeals.answer',
      'accounts.approve',
      'accounts.import',
      'charges.import',
      'payments.refund',
      'debts.answer',
      'sync.manage',
    ],
  },
  meeting_admin: {
    id: '00000000-0000-4000-8000-00000000a004',
    name: 'Администратор собраний',
    permissions: ['console.view', 'meetings.run', 'news.publish'],
  },
  read_only: { id: '00000000-0000-4000-8000-00000000a005', name: 'Только просмотр', permissions: ['console.view'] },
} as const satisfies Record<string, { id: string; name: string; permissions: readonly Permission[] }>;

export type BuiltInRole = keyof typeof BUILT_IN_ROLES;

/** A person's standing in one organisation: the union of their roles' permissions and houses. */
export interface StaffMembership {
  organisationId: string;
  permissions: Permission[];
  /** The houses their roles are limited to; null when any role covers every house. */
  houseIds: string[] | null;
}
