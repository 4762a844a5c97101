import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { metersQuery, useCurrentAccount } from '../../app/session';
import { formatDate, formatDateTime, formatMoney, countOf } from '../../lib/format';
import { Card, ErrorMessage, Notice, Page, Skeleton } from '../../ui/ui';
import { NewsPopup } from './NewsPopup';
import { balanceQuery, meetingsQuery, ticketsInProgressQuery, unreadNewsQuery } from './queries';

export default function HomeScreen() {
  const { account, accounts, isPending } = useCurrentAccount();
  if (!isPending && accounts.length === 0) {
    return (
      <Page title="Главная">
        <Notice>
          В кабинете пока нет помещений. <Link href="/accounts">Добавьте помещение</Link> по номеру лицевого счёта.
        </Notice>
      </Page>
    );
  }
  return (
    <Page title="Главная">
      <NewsPopup />
      <div className="grid">
        <DebtCard />
        <ReadingsCard accountId={account?.accountId} />
        <NewsCard />
        <MeetingsCard />
        <RequestsCard />
      </div>
    </Page>
  );
}

function DebtCard() {
  const q = useQuery(balanceQuery);
  return (
    <Card className="home-card">
      <h2>К оплате</h2>
      {q.isPending ? (
        <>
          <Skeleton height={36} width={180} />
          <Skeleton height={20} width={220} />
        </>
      ) : q.isError ? (
        <ErrorMessage error={q.error} retry={() => void q.refetch()} />
      ) : (
        <>
          <p className="amount" data-testid="total-debt">
            {formatMoney(BigInt(q.data.totalDebt) > 0n ? q.data.totalDebt : '0')}
          </p>
          <p className="muted">
            {BigInt(q.data.totalPenalties) > 0n ? (
              <>в том числе пени {formatMoney(q.data.totalPenalties)}</>
            ) : (
              'Пеней нет'
            )}
            {BigInt(q.data.totalDebt) < 0n ? <> · аванс {formatMoney(-BigInt(q.data.totalDebt))}</> : null}
          </p>
          <div className="card-actions">
            <Link href="/charges" className="button primary">
              {BigInt(q.data.totalDebt) > 0n ? 'Оплатить' : 'Начисления'}
            </Link>
          </div>
        </>
      )}
    </Card>
  );
}

function ReadingsCard({ accountId }: { accountId: string | undefined }) {
  const q = useQuery({ ...metersQuery(accountId ?? ''), enabled: !!accountId });
  return (
    <Card className="home-card">
      <h2>Показания</h2>
      {!q.data ? (
        q.isError ? (
          <ErrorMessage error={q.error} />
        ) : (
          <>
            <Skeleton height={24} />
            <Skeleton height={20} width={200} />
          </>
        )
      ) : (
        <>
          <p>
            {q.data.window.open ? (
              <>
                Приём открыт до <strong>{formatDate(q.data.window.closesOn)}</strong>
              </>
            ) : (
              <>
                Приём откроется <strong>{formatDate(q.data.window.opensOn)}</strong>
              </>
            )}
          </p>
          <p className="muted">{countOf(q.data.meters.length, ['счётчик', 'счётчика', 'счётчиков'])}</p>
          <div className="card-actions">
            <Link href="/meters" className="button secondary">
              Передать показания
            </Link>
          </div>
        </>
      )}
    </Card>
  );
}

function NewsCard() {
  const q = useQuery(unreadNewsQuery);
  return (
    <Card className="home-card">
      <h2>Новости</h2>
      {!q.data ? (
        q.isError ? (
          <ErrorMessage error={q.error} />
        ) : (
          <Skeleton height={44} />
        )
      ) : q.data.items.length === 0 ? (
        <p className="muted">Новых сообщений нет</p>
      ) : (
        <ul className="plain-list">
          {q.data.items.slice(0, 3).map((n) => (
            <li key={n.id} className={n.kind === 'emergency' ? 'emergency' : ''}>
              {n.kind === 'emergency' ? <span className="badge badge-danger">Авария</span> : null} {n.title}
              <span className="muted"> · {formatDateTime(n.publishAt)}</span>
            </li>
          ))}
        </ul>
      )}
      <div className="card-actions">
        <Link href="/news">Все новости</Link>
      </div>
    </Card>
  );
}

function MeetingsCard() {
  const q = useQuery(meetingsQuery);
  const open = q.data?.filter((m) => m.votingOpen) ?? [];
  return (
    <Card className="home-card">
      <h2>Собрания</h2>
      {!q.data ? (
        q.isError ? (
          <ErrorMessage error={q.error} />
        ) : (
          <Skeleton height={44} />
        )
      ) : open.length === 0 ? (
        <p className="muted">Идущих голосований нет</p>
      ) : (
        <ul className="plain-list">
          {open.map((m) => (
            <li key={m.id}>
              <Link href={`/meetings/${m.id}`}>{m.title}</Link>
              <span className="muted"> · голосование до {formatDateTime(m.votingEndsAt)}</span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function RequestsCard() {
  const q = useQuery(ticketsInProgressQuery);
  return (
    <Card className="home-card">
      <h2>Заявки в работе</h2>
      {!q.data ? (
        q.isError ? (
          <ErrorMessage error={q.error} />
        ) : (
          <Skeleton height={44} />
        )
      ) : q.data.items.length === 0 ? (
        <p className="muted">Нет заявок в работе</p>
      ) : (
        <ul className="plain-list">
          {q.data.items.slice(0, 3).map((t) => (
            <li key={t.id}>
              <Link href={`/requests/${t.id}`}>№ {t.number}</Link> <span className="muted">{t.text.slice(0, 80)}</span>
            </li>
          ))}
        </ul>
      )}
      <div className="card-actions">
        <Link href="/requests">Все заявки</Link>
      </div>
    </Card>
  );
}
