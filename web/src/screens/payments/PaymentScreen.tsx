import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link, useParams } from 'wouter';
import { api, ok } from '../../api/client';
import { formatDateTime, formatMoney, formatPeriod } from '../../lib/format';
import { Card, ErrorMessage, Notice, Page, Skeleton } from '../../ui/ui';
import { PAYMENT_STATUS } from './status';

const FINAL = ['succeeded', 'failed', 'canceled', 'refunded'];

/** Where the bank sends the payer back: follows the payment until the bank's final answer. */
export default function PaymentScreen() {
  const { id } = useParams<{ id: string }>();
  const client = useQueryClient();
  const q = useQuery({
    queryKey: ['payment', id],
    queryFn: () => ok(api.GET('/api/v1/me/payments/{paymentId}', { params: { path: { paymentId: id } } })),
    refetchInterval: (query) => (query.state.data && FINAL.includes(query.state.data.status) ? false : 1500),
  });
  const status = q.data?.status;
  useEffect(() => {
    if (status && FINAL.includes(status))
      void client.invalidateQueries({ predicate: (k) => k.queryKey[0] !== 'payment' });
  }, [status, client]);
  return (
    <Page title="Платёж">
      <Card>
        {!q.data ? (
          q.isError ? (
            <ErrorMessage error={q.error} />
          ) : (
            <Skeleton height={160} />
          )
        ) : (
          <>
            <p aria-live="polite">
              <span className={`badge ${PAYMENT_STATUS[q.data.status]?.[1] ?? ''}`} data-testid="payment-status">
                {PAYMENT_STATUS[q.data.status]?.[0] ?? q.data.status}
              </span>
            </p>
            {q.data.status === 'succeeded' ? (
              <Notice kind="success">Оплата прошла. Чек отправлен на электронную почту.</Notice>
            ) : q.data.status === 'failed' || q.data.status === 'canceled' ? (
              <Notice kind="error">Оплата не прошла, деньги не списаны. Попробуйте ещё раз или другую карту.</Notice>
            ) : (
              <Notice>Ждём подтверждения банка. Страница обновится сама.</Notice>
            )}
            <dl className="money-facts">
              <dt>Сумма</dt>
              <dd>{formatMoney(q.data.amount)}</dd>
              <dt>Комиссия</dt>
              <dd>{formatMoney(q.data.commission)}</dd>
              <dt>Всего</dt>
              <dd className="strong">{formatMoney(q.data.total)}</dd>
              <dt>Создан</dt>
              <dd>{formatDateTime(q.data.createdAt)}</dd>
              <dt>Заказ</dt>
              <dd className="break">{q.data.orderId}</dd>
            </dl>
            <ul className="plain-list">
              {q.data.items.map((i) => (
                <li key={i.accountId}>
                  Л/с {i.accountNumber}: {i.periods?.length ? i.periods.map(formatPeriod).join(', ') : 'задолженность'}{' '}
                  — {formatMoney(i.amount)}
                </li>
              ))}
            </ul>
            <div className="card-actions">
              <Link href="/charges" className="button secondary">
                К начислениям
              </Link>
              <Link href="/payments">Все платежи</Link>
            </div>
          </>
        )}
      </Card>
    </Page>
  );
}
