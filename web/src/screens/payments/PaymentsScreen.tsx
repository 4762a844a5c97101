import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { api, ok } from '../../api/client';
import { formatDateTime, formatMoney, formatPeriod } from '../../lib/format';
import { Card, ErrorMessage, Notice, Page, SkeletonCards } from '../../ui/ui';
import { PAYMENT_STATUS } from './status';

/** Payment history: when, how much, for what, and its status at the bank. */
export default function PaymentsScreen() {
  const q = useQuery({
    queryKey: ['payments'],
    queryFn: () => ok(api.GET('/api/v1/me/payments', { params: { query: { limit: 50 } } })),
  });
  return (
    <Page title="Платежи">
      {q.isPending ? (
        <SkeletonCards count={3} height={110} />
      ) : q.isError ? (
        <ErrorMessage error={q.error} retry={() => void q.refetch()} />
      ) : q.data.items.length === 0 ? (
        <Notice>Платежей через кабинет ещё не было.</Notice>
      ) : (
        <ul className="plain-list stack" aria-label="Платежи">
          {q.data.items.map((p) => (
            <Card as="li" key={p.id}>
              <div className="row-between">
                <Link href={`/payments/${p.id}`}>
                  <strong>{formatMoney(p.total)}</strong>
                </Link>
                <span className={`badge ${PAYMENT_STATUS[p.status]?.[1] ?? ''}`}>
                  {PAYMENT_STATUS[p.status]?.[0] ?? p.status}
                </span>
              </div>
              <p className="muted">
                {formatDateTime(p.createdAt)} · банковская карта · комиссия {formatMoney(p.commission)}
              </p>
              <p>
                {p.items
                  .map(
                    (i) =>
                      `Л/с ${i.accountNumber}: ${i.periods?.length ? i.periods.map(formatPeriod).join(', ') : 'задолженность'}`,
                  )
                  .join('; ')}
              </p>
            </Card>
          ))}
        </ul>
      )}
    </Page>
  );
}
