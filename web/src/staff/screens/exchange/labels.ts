// Russian names of the state-system operations, item statuses and object types on the exchange screen.

export const OPERATION_LABEL: Record<string, string> = {
  importAccountData: 'Лицевые счета',
  exportAccountData: 'Выгрузка лицевых счетов',
  importMeteringDeviceData: 'Приборы учёта',
  importMeteringDeviceValues: 'Показания приборов учёта',
  exportMeteringDeviceHistory: 'Выгрузка показаний',
  importPaymentDocumentData: 'Платёжные документы',
  importNotificationsOfOrderExecution: 'Извещения об оплате',
  importNotificationsOfOrderExecutionCancellation: 'Аннулирование извещений',
  exportHouseData: 'Паспорта домов',
  exportNsiList: 'Перечень справочников',
  exportNsiItem: 'Справочники НСИ',
};

export const OBJECT_LABEL: Record<string, string> = {
  account: 'Лицевой счёт',
  meter: 'Прибор учёта',
  reading: 'Показание',
  payment_document: 'Платёжный документ',
  payment: 'Платёж',
  house: 'Дом',
  nsi_registry: 'Справочник',
};

/** The columns of the summary: a status (or statuses shown together) and its heading. */
export const SUMMARY_COLUMNS = [
  { key: 'pending', label: 'В очереди', statuses: ['pending'] },
  { key: 'sending', label: 'В ГИС ЖКХ', statuses: ['sending', 'sent'] },
  { key: 'accepted', label: 'Принято', statuses: ['accepted'] },
  { key: 'rejected', label: 'Отказ', statuses: ['rejected'] },
  { key: 'dead', label: 'Сбой', statuses: ['dead'] },
] as const;

export const STATUS_LABEL: Record<string, [string, string]> = {
  pending: ['В очереди', 'badge-warning'],
  sending: ['Отправляется', 'badge-warning'],
  sent: ['В ГИС ЖКХ', 'badge-warning'],
  accepted: ['Принято', 'badge-success'],
  rejected: ['Отказ ГИС ЖКХ', 'badge-danger'],
  dead: ['Сбой обмена', 'badge-danger'],
};

export const operationLabel = (op: string) => OPERATION_LABEL[op] ?? op;
