import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { api, download, ok, type paths } from '../../api/client';
import { useCurrentAccount } from '../../app/session';
import { formatDate, formatMoney, formatPeriod, parseDate } from '../../lib/format';
import { DateInput, Field } from '../../ui/fields';
import { Button, Card, ErrorMessage, Notice, Page, Skeleton, ScrollTable, SkeletonCards } from '../../ui/ui';

type Period = paths['/api/v1/me/charges']['get']['responses']['200']['content']['application/json']['periods'][number];

const STATUS: Record<Period['status'], [string, string]> = {
  paid: ['Оплачено', 'badge-success'],
  partial: ['Оплачено частично', 'badge-warning'],
  unpaid: ['Не оплачено', 'badge-danger'],
};

const positive = (kopecks: string) => BigInt(kopecks) > 0n;

export default function ChargesScreen() {
  const { account, isPending } = useCurrentAccount();
  const accountId = account?.accountId;
  const [, navigate] = useLocation();
  const [selected, setSelected] = useState<string[]>([]);
  const charges = useQuery({
    queryKey: ['charges', accountId],
    queryFn: () => ok(api.GET('/api/v1/me/charges', { params: { query: { accountId: accountId! } } })),
    enabled: !!accountId,
  });
  const balance = useQuery({ queryKey: ['balance'], queryFn: () => ok(api.GET('/api/v1/me/balance')) });
  const mine = balance.data?.accounts.find((a) => a.accountId === accountId);
  const pay = (periods?: string[]) =>
    navigate(`/pay?accountId=${accountId}${periods?.length ? `&periods=${periods.join(',')}` : ''}`);

  if (!isPending && !account) {
    return (
      <Page title="Начисления">
        <Notice>
          Сначала <Link href="/accounts">добавьте помещение</Link>.
        </Notice>
      </Page>
    );
  }
  const periods = [...(charges.data?.periods ?? [])].sort((a, b) => b.period.localeCompare(a.period));
  return (
    <Page title="Начисления">
      <Card className="section debt-card">
        {!mine ? (
          balance.isError ? (
            <ErrorMessage error={balance.error} />
          ) : (
            <Skeleton height={72} />
          )
        ) : (
          <div className="row-between">
            <div>
              <p className="muted">Задолженность по счёту {mine.accountNumber}</p>
              <p className="amount" data-testid="account-debt">
                {formatMoney(positive(mine.debt) ? mine.debt : '0')}
              </p>
              <p className="muted">
                {positive(mine.penalties) ? `в том числе пени ${formatMoney(mine.penalties)}` : 'Пеней нет'}
              </p>
            </div>
            {positive(mine.debt) ? <Button onClick={() => pay()}>Оплатить всё</Button> : null}
          </div>
        )}
      </Card>
      {selected.length > 0 ? (
        <div className="alert alert-info row-between" role="status">
          <span>Выбрано месяцев: {selected.length}</span>
          <Button onClick={() => pay([...selected].sort())}>Оплатить выбранные</Button>
        </div>
      ) : null}
      {charges.isPending ? (
        <SkeletonCards count={3} height={170} />
      ) : charges.isError ? (
        <ErrorMessage error={charges.error} retry={() => void charges.refetch()} />
      ) : periods.length === 0 ? (
        <Notice>Начислений пока нет.</Notice>
      ) : (
        <ul className="plain-list stack" aria-label="Начисления по месяцам">
          {periods.map((p) => (
            <PeriodCard
              key={p.period}
              period={p}
              accountId={accountId!}
              selected={selected.includes(p.period)}
              onSelect={(on) => setSelected((s) => (on ? [...s, p.period] : s.filter((x) => x !== p.period)))}
              onPay={() => pay([p.period])}
            />
          ))}
        </ul>
      )}
      <DebtCertificate accountId={accountId} />
    </Page>
  );
}

function PeriodCard(props: {
  period: Period;
  accountId: string;
  selected: boolean;
  onSelect: (on: boolean) => void;
  onPay: () => void;
}) {
  const { period: p, accountId } = props;
  const checkbox = useId();
  const document = useMutation({
    mutationFn: () =>
      ok(
        api.POST('/api/v1/me/accounts/{accountId}/charges/{period}/document', {
          params: { path: { accountId, period: p.period } },
        }),
      ),
    onSuccess: (doc) => download(doc.href, `kvitanciya-${p.period}.pdf`),
  });
  // What is still owed for the month: the document's total less what the ledger allocated to it, so a
  // paid month offers no payment.
  const owed = BigInt(p.toPay) - BigInt(p.allocated);
  const remaining = (p.status === 'paid' || owed < 0n ? 0n : owed).toString();
  const due = positive(remaining);
  return (
    <Card as="li" className="period">
      <div className="row-between">
        <h2>{formatPeriod(p.period)}</h2>
        <span className={`badge ${STATUS[p.status][1]}`}>{STATUS[p.status][0]}</span>
      </div>
      <dl className="money-facts">
        <dt>Начислено</dt>
        <dd>{formatMoney(p.charged)}</dd>
        <dt>Пени</dt>
        <dd>{formatMoney(p.penalty)}</dd>
        <dt>Долг на начало</dt>
        <dd>{formatMoney(p.openingDebt)}</dd>
        <dt>Оплачено</dt>
        <dd>{formatMoney((BigInt(p.paid) + BigInt(p.allocated)).toString())}</dd>
        <dt>К оплате</dt>
        <dd className="strong">{formatMoney(remaining)}</dd>
      </dl>
      <p className="muted">Оплатить до {formatDate(p.dueDate)}</p>
      <details>
        <summary>Услуги</summary>
        <ScrollTable label="Услуги за месяц">
          <table>
            <thead>
              <tr>
                <th scope="col">Услуга</th>
                <th scope="col" className="num">
                  Объём
                </th>
                <th scope="col" className="num">
                  Тариф
                </th>
                <th scope="col" className="num">
                  Итого
                </th>
              </tr>
            </thead>
            <tbody>
              {p.lines.map((l, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the document's lines in printed order, never reordered; a service may repeat
                <tr key={i}>
                  <td>{l.service}</td>
                  <td className="num">{l.volume ? `${l.volume.replace('.', ',')} ${l.unit ?? ''}` : '—'}</td>
                  <td className="num">{l.tariff ? formatMoney(l.tariff) : '—'}</td>
                  <td className="num">{formatMoney(l.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      </details>
      {document.isError ? <ErrorMessage error={document.error} /> : null}
      <div className="card-actions">
        <Button kind="secondary" busy={document.isPending} onClick={() => document.mutate()}>
          Квитанция (PDF)
        </Button>
        {due ? (
          <>
            <Button onClick={props.onPay}>Оплатить {formatMoney(remaining)}</Button>
            <label className="choice" htmlFor={checkbox}>
              <input
                id={checkbox}
                type="checkbox"
                checked={props.selected}
                onChange={(e) => props.onSelect(e.target.checked)}
              />
              <span>Выбрать</span>
            </label>
          </>
        ) : null}
      </div>
    </Card>
  );
}

function DebtCertificate({ accountId }: { accountId: string | undefined }) {
  const [text, setText] = useState(() => formatDate(new Date()));
  if (!accountId) return null;
  const asOf = parseDate(text);
  // Shown once the date is complete: a half-typed date is not yet a mistake.
  const error = !asOf && text.length === 10 ? 'Такой даты нет: введите дд.мм.гггг' : undefined;
  return (
    <section className="section card" aria-labelledby="certificate-title">
      <h2 id="certificate-title">Справка о задолженности</h2>
      <div className="row-end">
        <Field label="На дату" error={error}>
          <DateInput value={text} onChange={setText} />
        </Field>
        {asOf ? (
          <a
            className="button secondary"
            href={`/api/v1/me/accounts/${accountId}/debt-certificate.pdf?asOf=${asOf}`}
            download
          >
            Скачать справку (PDF)
          </a>
        ) : (
          <Button kind="secondary" disabled>
            Скачать справку (PDF)
          </Button>
        )}
      </div>
    </section>
  );
}
