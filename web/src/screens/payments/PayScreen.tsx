import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useSearch } from 'wouter';
import { api, ApiError, ok } from '../../api/client';
import { useMe } from '../../app/session';
import { formatMoney, formatPeriod } from '../../lib/format';
import { Button, Card, ErrorMessage, Notice, Page, Skeleton } from '../../ui/ui';

/** The quote with the commission, then the bank's card form. `?accountId=…&periods=2026-10,2026-11`. */
export default function PayScreen() {
  const params = new URLSearchParams(useSearch());
  const accountId = params.get('accountId') ?? '';
  const periods = params.get('periods')?.split(',').filter(Boolean);
  const me = useMe();
  const [email, setEmail] = useState('');
  const [key] = useState(() => crypto.randomUUID());
  const items = [{ accountId, ...(periods?.length ? { periods } : {}) }];
  const quote = useMutation({ mutationFn: () => ok(api.POST('/api/v1/me/payments/quote', { body: { items } })) });
  const start = useMutation({
    mutationFn: (total: string) =>
      ok(
        api.POST('/api/v1/me/payments', {
          headers: { 'idempotency-key': key },
          body: { items, confirmedTotal: total, ...(email.trim() ? { email: email.trim() } : {}) },
        }),
      ),
    onSuccess: (payment) => {
      if (payment.paymentUrl) window.location.assign(payment.paymentUrl);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'quote_changed') quote.mutate();
    },
  });
  // One quote per visit (mutate keeps its identity); "Пересчитать" asks again.
  const requote = quote.mutate;
  useEffect(() => requote(), [requote]);
  useEffect(() => {
    if (me.data?.email && !email) setEmail(me.data.email);
  }, [me.data?.email, email]);

  const q = quote.data;
  return (
    <Page title="Оплата">
      <Card>
        {quote.isPending || !q ? (
          quote.isError ? (
            <ErrorMessage error={quote.error} retry={() => quote.mutate()} />
          ) : (
            <Skeleton height={180} />
          )
        ) : (
          <>
            <h2>Что оплачиваем</h2>
            <ul className="plain-list">
              {q.items.map((i) => (
                <li key={i.accountId}>
                  Лицевой счёт {i.accountNumber}
                  {i.periods?.length ? `: ${i.periods.map((p) => formatPeriod(p)).join(', ')}` : ': вся задолженность'}{' '}
                  — <strong>{formatMoney(i.amount)}</strong>
                </li>
              ))}
            </ul>
            <dl className="money-facts section">
              <dt>Сумма</dt>
              <dd>{formatMoney(q.amount)}</dd>
              <dt>Комиссия банка</dt>
              <dd>{formatMoney(q.commission)}</dd>
              <dt>Всего с карты</dt>
              <dd className="strong" data-testid="pay-total">
                {formatMoney(q.total)}
              </dd>
            </dl>
            <div className="field">
              <label htmlFor="receipt-email">Электронная почта для чека</label>
              <input
                id="receipt-email"
                type="email"
                autoComplete="email"
                value={email}
                onChange={(e) => setEmail(e.target.value)}
              />
            </div>
            {start.isError ? <ErrorMessage error={start.error} /> : null}
            {start.isSuccess && !start.data.paymentUrl ? (
              <Notice kind="error">
                Банк не принял платёж. Деньги не списаны. <Link href={`/payments/${start.data.id}`}>Подробнее</Link>
              </Notice>
            ) : null}
            <div className="card-actions">
              <Button
                busy={start.isPending || (start.isSuccess && !!start.data.paymentUrl)}
                onClick={() => start.mutate(q.total)}
              >
                Оплатить картой {formatMoney(q.total)}
              </Button>
              <Link href="/charges">Отмена</Link>
            </div>
            <p className="hint">Вы перейдёте на страницу банка. Данные карты вводятся только там.</p>
          </>
        )}
      </Card>
    </Page>
  );
}
