// Russian words for the row codes an import can give, for the console and the results file.

const ROW_TEXTS: Record<string, string> = {
  missing_value: 'Не заполнено',
  unreadable_value: 'Значение не читается',
  invalid_value: 'Неверное значение',
  invalid_text: 'Недопустимые символы',
  malformed_row: 'Строка не читается',
  duplicate_row: 'Повторяет более раннюю строку',
  group_rejected: 'Отклонена вместе с другой строкой того же счёта',
  account_not_found: 'Нет такого лицевого счёта в организации',
  meter_not_found: 'Нет такого счётчика в организации',
  house_not_in_organisation: 'Дом не обслуживается организацией',
  totals_mismatch: 'Сумма «к оплате» не сходится с начислениями',
  concurrent_import: 'Строку в это же время записал другой импорт; загрузите файл ещё раз',
  reading_below_previous: 'Показание меньше предыдущего',
  reading_exceeds_capacity: 'Показание больше, чем вмещает счётчик',
  tariff_values_mismatch: 'Число показаний не совпадает с тарифностью счётчика',
  meter_verification_overdue: 'Истёк срок поверки счётчика',
  meter_archived: 'Счётчик выведен из эксплуатации',
};

export const rowText = (code: string) => ROW_TEXTS[code] ?? 'Строка не принята';
