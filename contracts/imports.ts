import { z } from 'zod';

// File imports of the staff console (issue 15, screen 7): accounts, meters, readings and charges from
// CSV or XLSX as billing systems (1C and the like) export them, a column mapping per organisation and kind.

export const IMPORT_KINDS = ['accounts', 'meters', 'readings', 'charges'] as const;
export const importKindSchema = z.enum(IMPORT_KINDS);
export type ImportKind = z.infer<typeof importKindSchema>;

export interface ImportField {
  key: string;
  label: string;
  required: boolean;
  hint?: string;
  /** Column headers (lower case, ё as е) recognised as this field when nothing is remembered yet. */
  synonyms: string[];
}

const f = (key: string, label: string, required: boolean, synonyms: string[], hint?: string): ImportField => ({
  key,
  label,
  required,
  synonyms: [label.toLowerCase(), key.toLowerCase(), ...synonyms],
  ...(hint ? { hint } : {}),
});

/**
 * The fields of each kind's rows. A file has one row per record, except charges (one row per service
 * line; the rows of one account and period are one period) and accounts (the rows of one number list its
 * owners). A file is read 5,000 rows at a time: a record's rows are best kept together.
 */
export const IMPORT_FIELDS: Record<ImportKind, ImportField[]> = {
  accounts: [
    f('number', 'Лицевой счёт', true, ['лицевой счет', 'лс', 'номер лс', 'номер лицевого счета', 'л/с']),
    f('houseFiasGuid', 'ФИАС дома', false, ['фиас', 'guid дома', 'код фиас'], 'ФИАС или id дома'),
    f('houseId', 'Id дома', false, ['дом id']),
    f('premiseNumber', 'Помещение', false, ['квартира', 'кв', 'кв.', 'номер помещения']),
    f('unifiedNumber', 'ЕЛС', false, ['единый лицевой счет']),
    f('serviceId', 'ИЖКУ', false, ['идентификатор жку']),
    f('status', 'Статус', false, ['состояние'], 'открыт или закрыт'),
    f('contactEmail', 'E-mail', false, ['email', 'эл. почта', 'электронная почта']),
    f('ownerLastName', 'Фамилия собственника', false, ['фамилия', 'собственник']),
    f('ownerFirstName', 'Имя собственника', false, ['имя']),
    f('ownerMiddleName', 'Отчество собственника', false, ['отчество']),
    f('ownerShare', 'Доля', false, ['доля в праве'], 'например 1/2'),
    f('ownerTitleDocument', 'Документ о праве', false, ['номер регистрации права', 'правоустанавливающий документ']),
    f('ownerSnils', 'СНИЛС собственника', false, ['снилс'], 'плательщик в ГИС ЖКХ; 11 цифр'),
    f(
      'ownerDocType',
      'Вид документа',
      false,
      ['тип документа', 'вид документа, удостоверяющего личность'],
      'код НСИ 95 или «паспорт»; когда нет СНИЛС',
    ),
    f('ownerDocSeries', 'Серия документа', false, ['серия', 'серия паспорта']),
    f('ownerDocNumber', 'Номер документа', false, ['номер паспорта']),
    f('ownerDocIssuedOn', 'Дата выдачи документа', false, ['дата выдачи', 'дата выдачи паспорта']),
    f(
      'ownerOrgName',
      'Организация-собственник',
      false,
      ['наименование организации', 'собственник-организация'],
      'для юрлица или ИП вместо ФИО',
    ),
    f('ownerOgrn', 'ОГРН', false, ['огрнип', 'огрн/огрнип']),
    f('ownerInn', 'ИНН', false, ['инн собственника']),
    f('ownerKpp', 'КПП', false, ['кпп собственника']),
    f('ownerOrgVersionGuid', 'Версия в реестре организаций ГИС ЖКХ', false, ['orgversionguid']),
  ],
  meters: [
    f('accountNumber', 'Лицевой счёт', true, ['лицевой счет', 'лс', 'номер лс', 'л/с']),
    f('resource', 'Ресурс', true, ['услуга', 'вид ресурса', 'вид прибора'], 'ХВС, ГВС, электроэнергия, тепло, газ'),
    f('serialNumber', 'Заводской номер', true, ['серийный номер', 'номер счетчика', 'номер прибора', 'зав. номер']),
    f('tariffs', 'Тарифов', false, ['тарифность', 'количество тарифов']),
    f('digitCapacity', 'Разрядность', false, ['разрядов']),
    f('installedOn', 'Дата установки', false, ['установлен']),
    f('sealedOn', 'Дата опломбирования', false, ['опломбирован']),
    f('verifiedOn', 'Дата поверки', false, ['поверен', 'последняя поверка']),
    f('nextVerification', 'Следующая поверка', false, ['дата следующей поверки', 'межповерочный интервал до']),
    f('archived', 'Выведен из эксплуатации', false, ['архив', 'архивный'], 'да или нет'),
  ],
  readings: [
    f('accountNumber', 'Лицевой счёт', false, ['лицевой счет', 'лс', 'номер лс', 'л/с']),
    f('serialNumber', 'Заводской номер', false, ['серийный номер', 'номер счетчика', 'номер прибора', 'зав. номер']),
    f('resource', 'Ресурс', false, ['услуга', 'вид ресурса']),
    f('meterId', 'Id счётчика', false, ['id прибора'], 'вместо лицевого счёта и номера'),
    f('period', 'Период', true, ['месяц', 'расчетный период'], 'ГГГГ-ММ или ММ.ГГГГ'),
    f('takenOn', 'Дата снятия', false, ['дата', 'дата показания']),
    f('t1', 'Показание', true, ['показание т1', 'т1', 'значение', 'показания', 'день']),
    f('t2', 'Показание Т2', false, ['т2', 'ночь']),
    f('t3', 'Показание Т3', false, ['т3', 'полупик']),
  ],
  charges: [
    f('accountNumber', 'Лицевой счёт', true, ['лицевой счет', 'лс', 'номер лс', 'л/с']),
    f('period', 'Период', true, ['месяц', 'расчетный период'], 'ГГГГ-ММ или ММ.ГГГГ'),
    f('service', 'Услуга', true, ['наименование услуги', 'вид услуги']),
    f('unit', 'Ед. изм.', false, ['единица измерения', 'ед.изм.']),
    f('volume', 'Объём', false, ['объем', 'количество', 'объем индивидуальный']),
    f('volumeCommon', 'Объём ОДН', false, ['объем одн', 'объем на одн', 'одн']),
    f('tariff', 'Тариф, ₽', false, ['тариф', 'цена'], 'рубли'),
    f('charged', 'Начислено, ₽', true, ['начислено', 'сумма начисления', 'сумма'], 'рубли'),
    f('recalculation', 'Перерасчёт, ₽', false, ['перерасчет', 'перерасчеты']),
    f('recalculationReason', 'Основание перерасчёта', false, ['причина перерасчета']),
    f('benefit', 'Льгота, ₽', false, ['льготы', 'льгота']),
    f('penalty', 'Пени, ₽', false, ['пени', 'пеня']),
    f('openingDebt', 'Долг на начало, ₽', false, ['задолженность на начало', 'сальдо на начало', 'долг']),
    f('paid', 'Оплачено, ₽', false, ['оплачено', 'оплата', 'поступило']),
    f('toPay', 'К оплате, ₽', false, ['итого к оплате', 'к оплате']),
  ],
};

export const IMPORT_KIND_LABELS: Record<ImportKind, string> = {
  accounts: 'Лицевые счета',
  meters: 'Счётчики',
  readings: 'Показания',
  charges: 'Начисления',
};

export const importFieldSchema = z.object({
  key: z.string(),
  label: z.string(),
  required: z.boolean(),
  hint: z.string().optional(),
});

export const importKindsResponse = z.object({
  kinds: z.array(
    z.object({
      kind: importKindSchema,
      label: z.string(),
      fields: z.array(importFieldSchema),
      note: z.string().describe('how rows of this kind are read'),
    }),
  ),
});

/** Field key → the header of the file's column holding it (absent or null: not in the file). */
export const importMappingSchema = z
  .record(z.string().max(40), z.string().max(200).nullable())
  .meta({ id: 'ImportMapping' });
export type ImportMapping = z.infer<typeof importMappingSchema>;

export const importUploadView = z
  .object({
    id: z.uuid(),
    kind: importKindSchema,
    filename: z.string(),
    format: z.enum(['csv', 'xlsx']),
    sizeBytes: z.number().int(),
    headers: z.array(z.string()).describe("the file's column headers (its first row of two or more filled cells)"),
    mapping: importMappingSchema.describe(
      "the organisation's remembered mapping for the kind where the file has those columns, else a guess from the headers",
    ),
    createdAt: z.string(),
  })
  .meta({ id: 'ImportUpload' });

export const importUploadForm = z.object({ kind: importKindSchema });

export const importRowErrorSchema = z
  .object({
    row: z.number().int().describe("the row's number in the file (the spreadsheet's row, the CSV's line)"),
    field: z.string().describe('the field at fault; empty for the whole row'),
    column: z.string().nullable().describe("the file's column mapped to the field"),
    code: z.string(),
    message: z.string().describe('in Russian, for the staff'),
    detail: z.string().optional().describe("the importing service's own words, where they say more"),
  })
  .meta({ id: 'ImportRowError' });
export type ImportRowError = z.infer<typeof importRowErrorSchema>;

export const importPreviewBody = z.object({ mapping: importMappingSchema });
export const importPreviewResponse = z.object({
  rows: z.array(
    z.object({
      row: z.number().int(),
      values: z.record(z.string(), z.string()).describe('the mapped values as read from the file'),
      status: z.enum(['imported', 'unchanged', 'rejected']).describe('what the import would do with the row'),
      errors: z.array(importRowErrorSchema),
    }),
  ),
});

export const importStartBody = z.object({ uploadId: z.uuid(), mapping: importMappingSchema });

export const IMPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export const importRunView = z
  .object({
    id: z.uuid(),
    uploadId: z.uuid(),
    kind: importKindSchema,
    filename: z.string(),
    status: z.enum(IMPORT_STATUSES),
    rowsDone: z.number().int().describe('data rows read so far'),
    rowsImported: z.number().int(),
    rowsUnchanged: z.number().int(),
    rowsRejected: z.number().int(),
    bytesDone: z.number().int(),
    bytesTotal: z.number().int(),
    error: z.string().nullable().describe('why a failed run stopped (the file, not a row)'),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    firstErrors: z.array(importRowErrorSchema).describe('the first 50 row errors of a finished run'),
  })
  .meta({ id: 'ImportRun' });
export type ImportRunView = z.infer<typeof importRunView>;

export const importRunsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(500).optional(),
  kind: importKindSchema.optional(),
});
export const importRunsPage = z.object({ items: z.array(importRunView), nextCursor: z.string().nullable() });

export const importKindParams = z.object({ kind: importKindSchema });
export const importTemplateParams = z.object({ kind: importKindSchema, format: z.enum(['csv', 'xlsx']) });
export const importIdParams = z.object({ id: z.uuid() });
