export const PAYMENT_STATUS: Record<string, [string, string]> = {
  created: ['Создан', 'badge-warning'],
  pending: ['Ждём ответа банка', 'badge-warning'],
  succeeded: ['Оплачено', 'badge-success'],
  failed: ['Не прошёл', 'badge-danger'],
  canceled: ['Отменён', 'badge-danger'],
  refunded: ['Возвращён', 'badge'],
};
