// Платежи (issue 15, screen 9): the organisation's payments filtered on the server (time, status,
// account, house) in keyset pages, a refund where the bank takes it, and the payee's bank details.
import '../admin.css';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import type { paths } from '../../../api/schema';
import { formatDateTime, formatMoney, formatPeriod } from '../../../lib/format';
import { Field } from '../../../ui/fields';
import { Button, ErrorMessage, Notice, Page, ScrollTable, SkeletonCards } from '../../../ui/ui';
import { PAYMENT_STATUS } from '../../../screens/payments/status';
import { DayFilter, dayStart, HouseFilter, SelectFilter } from '../filters';
import { ok, staffApi, useStaffKey } from '../../api';
import { useCan } from '../../permissions';
import { BankDetails } from './BankDetails';

type Query = NonNullable<paths['/api/v1/org/payments']['get']['parameters']['query']>;
type Payment = paths['/api/v1/org/payments']['get']['responses'][200]['content']['application/json']['items'][number];

export default function PaymentsScreen() {
  return (
    <Page title="Платежи">
      <Payments />
      <BankDetails />
    </Page>
  );
}

function Payments() {
  const key = useStaffKey();
  const can = useCan();
  const [status, setStatus] = useState<Query['status'] | ''>('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [houseId, setHouseId] = useState('');
  const [accountInput, setAccountInput] = useState('');
  const accountNumber = useDeferredValue(accountInput.trim());
  const query: Query = {
    limit: 25,
    ...(status ? { status } : {}),
    ...(dayStart(from) ? { from: dayStart(from) } : {}),
    ...(dayStart(to, true) ? { to: dayStart(to, true) } : {}),
    ...(houseId ? { houseId } : {}),
    ...(accountNumber ? { accountNumber } : {}),
  };
  const list = useInfiniteQuery({
    queryKey: key('payments', query),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      ok(staffApi.GET('/api/v1/org/payments', { params: { query: { ...query, cursor: pageParam } } })),
    getNextPageParam: (last) => last.page.nextCursor ?? undefined,
  });
  const payments = list.data?.pages.flatMap((p) => p.items) ?? [];
  const mayRefund = can('payments.refund');
  return (
    <section className="stack" aria-labelledby="payments-title">
      <h2 id="payments-title" className="visually-hidden">
        Платежи организации
      </h2>
      <fieldset className="staff-filters">
        <legend className="visually-hidden">Отбор платежей</legend>
        <DayFilter label="С" value={from} onChange={setFrom} />
        <DayFilter label="По" value={to} onChange={setTo} />
        <SelectFilter
          label="Статус"
          all="все"
          options={Object.entries(PAYMENT_STATUS).map(
            ([st, [label]]) => [st as NonNullable<Query['status']>, label] as const,
          )}
          value={status || undefined}
          onChange={(v) => setStatus(v ?? '')}
        />
        <Field label="Лицевой счёт">
          <input
            type="search"
            inputMode="numeric"
            value={accountInput}
            placeholder="номер"
            onChange={(e) => setAccountInput(e.target.value)}
          />
        </Field>
        <HouseFilter value={houseId || undefined} onChange={(v) => setHouseId(v ?? '')} />
      </fieldset>
      {list.isPending ? (
        <SkeletonCards count={3} height={48} />
      ) : list.isError ? (
        <ErrorMessage error={list.error} retry={() => void list.refetch()} />
      ) : payments.length === 0 ? (
        <Notice>Платежей с такими условиями нет.</Notice>
      ) : (
        <>
          <ScrollTable label="Платежи">
            <table className="staff-table">
              <thead>
                <tr>
                  <th scope="col">Создан</th>
                  <th scope="col">Лицевые счета и периоды</th>
                  <th scope="col" className="num">
                    Сумма
                  </th>
                  <th scope="col" className="num">
                    Комиссия
                  </th>
                  <th scope="col">Статус</th>
                  <th scope="col">
                    <span className="visually-hidden">Действия</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {payments.map((p) => (
                  <PaymentRow key={p.id} payment={p} mayRefund={mayRefund} />
                ))}
              </tbody>
            </table>
          </ScrollTable>
          {list.hasNextPage ? (
            <div>
              <Button kind="secondary" busy={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
                Показать ещё
              </Button>
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}

function PaymentRow({ payment: p, mayRefund }: { payment: Payment; mayRefund: boolean }) {
  const key = useStaffKey();
  const client = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const refund = useMutation({
    mutationFn: () =>
      ok(staffApi.POST('/api/v1/org/payments/{paymentId}/refund', { params: { path: { paymentId: p.id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: key('payments') }),
  });
  const [label, tone] = PAYMENT_STATUS[p.status] ?? [p.status, ''];
  return (
    <tr>
      <td>{formatDateTime(p.createdAt)}</td>
      <td>
        {p.items.map((i) => (
          <div key={i.accountId}>
            л/с {i.accountNumber}
            <span className="muted">
              {' '}
              · {i.periods?.length ? i.periods.map(formatPeriod).join(', ') : 'задолженность'}
            </span>
          </div>
        ))}
      </td>
      <td className="num">{formatMoney(p.amount)}</td>
      <td className="num">{formatMoney(p.commission)}</td>
      <td>
        <span className={`badge ${tone}`}>{label}</span>
      </td>
      <td className="staff-actions">
        {mayRefund && p.refundable ? (
          confirming ? (
            <span className="staff-confirm">
              <Button kind="danger" busy={refund.isPending} onClick={() => refund.mutate()}>
                Вернуть {formatMoney(p.total)}
              </Button>
              <Button kind="link" onClick={() => setConfirming(false)}>
                Отмена
              </Button>
            </span>
          ) : (
            <Button kind="secondary" onClick={() => setConfirming(true)}>
              Возврат
            </Button>
          )
        ) : null}
        {refund.isError ? <ErrorMessage error={refund.error} /> : null}
      </td>
    </tr>
  );
}
