// What an organisation should change when the state system (or the hub before sending) refuses an item:
// one row per known error code, optionally narrowed to one operation. The staff console shows the row
// next to the state system's own error text (issue 15, screen 8). Codes: docs/domain.md (the state
// system's) and the sources' refusals in gis/*-sources.ts (the hub's own, snake_case).
//
// `retry`: `now` — nothing in the data is wrong, send again; `after_fix` — change the data first, then
// retry; `never` — retrying cannot help (the object is gone or superseded). `fixAt`: the console screen
// where the change is made, when there is one.

import type { SyncRefusalCode } from '../../../contracts/errors.js';

/** The state system's own error codes: a prefix and six digits (docs/domain.md). */
type StateSystemCode = `${'AUT' | 'EXP' | 'FMT' | 'INT' | 'SRV'}${number}`;

export interface SyncErrorHint {
  code: SyncRefusalCode | StateSystemCode;
  operation?: string;
  /** Russian: what went wrong, in the organisation's words. */
  title: string;
  /** Russian: what to change before sending again. */
  fix: string;
  retry: 'now' | 'after_fix' | 'never';
  fixAt?: string;
}

export const SYNC_ERROR_HINTS: readonly SyncErrorHint[] = [
  {
    code: 'INT002000',
    operation: 'importMeteringDeviceValues',
    title: 'ГИС ЖКХ не знает прибор учёта',
    fix: 'Показания уходят после того, как ГИС ЖКХ приняла прибор учёта. Проверьте, что прибор принят (операция «Приборы учёта»), и отправьте показания повторно.',
    retry: 'after_fix',
  },
  {
    code: 'INT002000',
    operation: 'importMeteringDeviceData',
    title: 'ГИС ЖКХ не нашла дом, помещение или лицевой счёт прибора',
    fix: 'Проверьте адрес дома (ФИАС), номер помещения и лицевой счёт прибора: они должны совпадать с паспортом дома в ГИС ЖКХ. Исправьте и отправьте повторно.',
    retry: 'after_fix',
  },
  {
    code: 'INT002000',
    operation: 'importAccountData',
    title: 'ГИС ЖКХ не нашла дом или помещение лицевого счёта',
    fix: 'Дом должен быть в управлении организации в ГИС ЖКХ, а помещение — в его паспорте. Проверьте договор управления и паспорт дома в ГИС ЖКХ, затем отправьте повторно.',
    retry: 'after_fix',
  },
  {
    code: 'INT002000',
    operation: 'importPaymentDocumentData',
    title: 'ГИС ЖКХ не знает лицевой счёт платёжного документа',
    fix: 'Платёжный документ уходит после лицевого счёта. Дождитесь, пока ГИС ЖКХ примет счёт (операция «Лицевые счета»), и отправьте документ повторно.',
    retry: 'after_fix',
  },
  {
    code: 'INT002000',
    operation: 'importNotificationsOfOrderExecution',
    title: 'ГИС ЖКХ не знает платёжный документ, по которому прошла оплата',
    fix: 'Извещение об оплате ссылается на платёжный документ. Дождитесь, пока ГИС ЖКХ примет документ за этот период, и отправьте извещение повторно.',
    retry: 'after_fix',
  },
  {
    code: 'INT002000',
    operation: 'importNotificationsOfOrderExecutionCancellation',
    title: 'ГИС ЖКХ не знает извещение, которое нужно аннулировать',
    fix: 'Аннулировать можно только принятое извещение об оплате. Дождитесь, пока ГИС ЖКХ примет извещение, и отправьте аннулирование повторно.',
    retry: 'after_fix',
  },
  {
    code: 'INT002000',
    title: 'Объект не найден в реестре ГИС ЖКХ',
    fix: 'ГИС ЖКХ не нашла объект, на который ссылается запись (дом, помещение, счёт, элемент справочника). Сверьте данные с ГИС ЖКХ, исправьте и отправьте повторно.',
    retry: 'after_fix',
  },
  {
    code: 'INT002012',
    title: 'Нет объектов для выгрузки',
    fix: 'ГИС ЖКХ ответила, что выгружать нечего. Это предупреждение, а не ошибка: повторять не нужно.',
    retry: 'never',
  },
  {
    code: 'AUT011003',
    title: 'Доступ запрещён',
    fix: 'У организации нет прав на этот объект в ГИС ЖКХ: проверьте, что дом в управлении организации и что в ГИС ЖКХ действуют её полномочия (orgPPAGUID). Затем отправьте повторно.',
    retry: 'after_fix',
  },
  {
    code: 'INT002011',
    title: 'Подпись не прошла проверку',
    fix: 'ГИС ЖКХ не приняла электронную подпись сообщения. Проверьте сертификат организации (срок действия, ГОСТ-ключ) у администратора сервиса и отправьте повторно.',
    retry: 'after_fix',
  },
  {
    code: 'FMT001300',
    title: 'Сообщение не соответствует схеме',
    fix: 'ГИС ЖКХ отвергла формат сообщения. Это ошибка обмена, а не ваших данных: сообщите в поддержку сервиса и повторите после исправления.',
    retry: 'after_fix',
  },
  {
    code: 'EXP001000',
    title: 'Ошибка при передаче данных',
    fix: 'Сбой на стороне ГИС ЖКХ. Данные верны — отправьте повторно.',
    retry: 'now',
  },
  {
    code: 'exchange_failed',
    title: 'ГИС ЖКХ не ответила после всех попыток',
    fix: 'Сервис несколько раз отправлял сообщение, но ГИС ЖКХ была недоступна. Данные верны — отправьте повторно, когда ГИС ЖКХ заработает.',
    retry: 'now',
  },
  {
    code: 'object_missing',
    title: 'Запись удалена',
    fix: 'Запись, которую нужно было отправить, больше не существует. Повторять не нужно.',
    retry: 'never',
  },
  {
    code: 'house_without_fias',
    title: 'У дома нет кода ФИАС',
    fix: 'Укажите дому его код ФИАС (HouseGUID) в реестре домов и отправьте повторно.',
    retry: 'after_fix',
  },
  {
    code: 'premise_not_in_state_system',
    title: 'В паспорте дома в ГИС ЖКХ нет такого помещения',
    fix: 'Сверьте номер помещения с паспортом дома в ГИС ЖКХ; если помещения там нет, добавьте его в ГИС ЖКХ. Затем отправьте повторно.',
    retry: 'after_fix',
  },
  {
    code: 'verification_interval_missing',
    title: 'У общедомового прибора нет дат поверки',
    fix: 'Укажите дату последней и следующей поверки общедомового прибора учёта и отправьте повторно.',
    retry: 'after_fix',
  },
  {
    code: 'payee_details_missing',
    title: 'Не заполнены банковские реквизиты организации',
    fix: 'Заполните БИК и расчётный счёт организации (раздел «Платежи» → «Реквизиты») и отправьте повторно.',
    retry: 'after_fix',
    fixAt: '/staff/payments',
  },
  {
    code: 'amount_out_of_range',
    title: 'Сумма больше, чем принимает ГИС ЖКХ',
    fix: 'Сумма платёжного документа или входящий долг слишком велики. Проверьте начисления за период, исправьте их повторным импортом и отправьте снова.',
    retry: 'after_fix',
  },
  {
    code: 'document_superseded',
    title: 'Документ заменён новым',
    fix: 'Начисления за период загружены заново, вместо этого документа уходит новый. Повторять не нужно.',
    retry: 'never',
  },
  {
    code: 'payment_not_booked',
    title: 'Платёж не проведён',
    fix: 'Извещение отправляется только по проведённому платежу. Повторять не нужно, пока банк не подтвердит оплату.',
    retry: 'never',
  },
  {
    code: 'payment_not_reversed',
    title: 'Платёж не возвращён',
    fix: 'Аннулирование отправляется только по возвращённому платежу. Повторять не нужно.',
    retry: 'never',
  },
  {
    code: 'order_id_invalid',
    title: 'Номер заказа не подходит ГИС ЖКХ',
    fix: 'Номер заказа платежа длиннее 32 символов, которые принимает ГИС ЖКХ. Сообщите в поддержку сервиса.',
    retry: 'never',
  },
  {
    code: 'payment_spans_accounts',
    title: 'Платёж по нескольким лицевым счетам',
    fix: 'Извещение ГИС ЖКХ называет один лицевой счёт, а этот платёж оплачивает несколько. Такой платёж отражается в ГИС ЖКХ вручную.',
    retry: 'never',
  },
  {
    code: 'account_without_els',
    title: 'У лицевого счёта нет ЕЛС',
    fix: 'ГИС ЖКХ ещё не присвоила счёту единый лицевой счёт. Дождитесь, пока счёт будет принят, и отправьте повторно.',
    retry: 'after_fix',
  },
  {
    code: 'notification_not_accepted',
    title: 'Извещение об оплате не принято',
    fix: 'Аннулировать нечего: ГИС ЖКХ не приняла исходное извещение. Сначала исправьте и отправьте извещение.',
    retry: 'after_fix',
  },
  // General meetings (gis/meeting-sources.ts)
  {
    code: 'organisation_not_in_registry',
    title: 'Не указан идентификатор организации в реестре ГИС ЖКХ',
    fix: 'Сообщение о собрании называет инициатора и администратора по orgRootEntityGUID. Укажите его в настройках собраний и отправьте повторно.',
    retry: 'after_fix',
  },
  {
    code: 'regional_system_unnamed',
    title: 'Не указана региональная система голосования',
    fix: 'В настройках собраний укажите название и адрес региональной системы и отправьте сообщение повторно.',
    retry: 'after_fix',
  },
  {
    code: 'initiator_name_incomplete',
    title: 'У инициатора собрания нет имени в реестре',
    fix: 'Дополните имя собственника-инициатора в реестре собственников и отправьте сообщение повторно.',
    retry: 'after_fix',
  },
  {
    code: 'decision_unreadable',
    title: 'Решение по вопросу не читается',
    fix: 'Отметка в бюллетене по этому вопросу недействительна — такое решение в ГИС ЖКХ не передаётся.',
    retry: 'never',
  },
  {
    code: 'owner_name_incomplete',
    title: 'У собственника нет имени в реестре',
    fix: 'Дополните имя собственника в реестре и отправьте решение повторно.',
    retry: 'after_fix',
  },
  {
    code: 'title_document_incomplete',
    title: 'Нет номера или даты регистрации права',
    fix: 'Решение собственника указывает номер (до 45 знаков) и дату государственной регистрации права. Исправьте реестр или бюллетень.',
    retry: 'after_fix',
  },
  {
    code: 'share_not_representable',
    title: 'Доля не передаётся в ГИС ЖКХ',
    fix: 'ГИС ЖКХ принимает доли со знаменателем до 100. Уточните долю в реестре собственников.',
    retry: 'after_fix',
  },
  {
    code: 'protocol_not_in_state_system',
    title: 'ГИС ЖКХ не составила протокол',
    fix: 'Протокол собрания, проведённого в ГИС ЖКХ, размещается после того, как ГИС ЖКХ его составит. Повторите позже.',
    retry: 'now',
  },
];

/** The hint for an item's error: the operation's own row, else the code's general one. */
/** The hint as the API answers it (the sync items list, house meters). */
export function syncErrorHintView(code: string | null, operation: string) {
  const h = syncErrorHint(code, operation);
  return h && { title: h.title, fix: h.fix, retry: h.retry, fixAt: h.fixAt ?? null };
}

export function syncErrorHint(code: string | null, operation: string): SyncErrorHint | null {
  if (!code) return null;
  return (
    SYNC_ERROR_HINTS.find((h) => h.code === code && h.operation === operation) ??
    SYNC_ERROR_HINTS.find((h) => h.code === code && !h.operation) ??
    null
  );
}
