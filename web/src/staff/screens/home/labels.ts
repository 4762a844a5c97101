// The Russian names of the home's counts (GET /api/v1/org/summary, src/console/summary.ts), by key.
// A count whose key is missing here is shown under its key, so a new one is never hidden.

export const SUMMARY_LABELS: Record<string, { title: string; hint: string; urgent?: boolean }> = {
  'tickets.new': { title: 'Новые заявки', hint: 'Ещё не взяты в работу' },
  'tickets.overdue': { title: 'Просроченные заявки', hint: 'Срок прошёл, заявка не закрыта', urgent: true },
  'appeals.waiting': { title: 'Обращения ждут ответа', hint: 'Поданы или на рассмотрении' },
  'accounts.linkRequests': { title: 'Запросы на привязку счетов', hint: 'Жители ждут подтверждения' },
  'meters.registrations': { title: 'Регистрация счётчиков', hint: 'Заявления ждут решения' },
  'accounts.residentChanges': { title: 'Изменения числа проживающих', hint: 'Ждут подтверждения' },
  'sync.refused': { title: 'Отказы ГИС ЖКХ', hint: 'Государственная система не приняла данные', urgent: true },
  'payments.pending': { title: 'Платежи в обработке', hint: 'Банк ещё не подтвердил' },
  'debtRequests.overdue': {
    title: 'Просроченные запросы о задолженности',
    hint: 'Срок ответа органу соцзащиты (5 рабочих дней) прошёл',
    urgent: true,
  },
};
