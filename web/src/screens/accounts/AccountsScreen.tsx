import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ok } from '../../api/client';
import { useAccounts, type MyAccount } from '../../app/session';
import { formatDate } from '../../lib/format';
import { Button, Card, ErrorMessage, Notice, Page, SkeletonCards } from '../../ui/ui';
import { AddAccountForm } from './AddAccountForm';

const ROLES: Record<MyAccount['role'], string> = {
  owner: 'Собственник',
  co_owner: 'Совладелец',
  tenant: 'Наниматель',
  delegate: 'Представитель',
  limited: 'Ограниченный доступ: подтвердите кодом или через управляющую организацию',
};

export default function AccountsScreen() {
  const accounts = useAccounts();
  const [adding, setAdding] = useState(false);
  return (
    <Page
      title="Помещения"
      actions={adding ? null : <Button onClick={() => setAdding(true)}>Добавить помещение</Button>}
    >
      {adding ? <AddAccountForm onClose={() => setAdding(false)} /> : null}
      <LinkRequests />
      {accounts.isPending ? (
        <SkeletonCards count={2} height={150} />
      ) : accounts.isError ? (
        <ErrorMessage error={accounts.error} retry={() => void accounts.refetch()} />
      ) : accounts.data.items.length === 0 ? (
        <Notice>Помещений пока нет. Добавьте помещение по номеру лицевого счёта.</Notice>
      ) : (
        <ul className="stack plain-list" aria-label="Мои помещения">
          {accounts.data.items.map((a) => (
            <AccountCard key={a.accountId} account={a} current={a.accountId === accounts.data.currentAccountId} />
          ))}
        </ul>
      )}
    </Page>
  );
}

function AccountCard({ account, current }: { account: MyAccount; current: boolean }) {
  const client = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const choose = useMutation({
    mutationFn: () => ok(api.PUT('/api/v1/me/accounts/current', { body: { accountId: account.accountId } })),
    onSuccess: () => client.invalidateQueries(),
  });
  const unlink = useMutation({
    mutationFn: () =>
      ok(api.DELETE('/api/v1/me/accounts/{accountId}', { params: { path: { accountId: account.accountId } } })),
    onSuccess: () => client.invalidateQueries(),
  });
  return (
    <Card as="li" className={current ? 'card-current' : ''}>
      <div className="row-between">
        <h2>
          {account.house.fullAddress}
          {account.premise ? `, кв. ${account.premise.number}` : ''}
        </h2>
        {current ? <span className="badge badge-success">Текущее</span> : null}
      </div>
      <dl className="facts">
        <dt>Лицевой счёт</dt>
        <dd>{account.number}</dd>
        {account.unifiedNumber ? (
          <>
            <dt>ЕЛС</dt>
            <dd>{account.unifiedNumber}</dd>
          </>
        ) : null}
        <dt>Управляющая организация</dt>
        <dd>{account.organisation.name}</dd>
        <dt>Роль</dt>
        <dd>{ROLES[account.role]}</dd>
        <dt>Добавлено</dt>
        <dd>{formatDate(account.linkedAt)}</dd>
      </dl>
      {account.status === 'closed' ? <Notice kind="warning">Лицевой счёт закрыт.</Notice> : null}
      {choose.isError ? <ErrorMessage error={choose.error} /> : null}
      {unlink.isError ? <ErrorMessage error={unlink.error} /> : null}
      <div className="card-actions">
        {current ? null : (
          <Button kind="secondary" busy={choose.isPending} onClick={() => choose.mutate()}>
            Сделать текущим
          </Button>
        )}
        {confirming ? (
          <>
            <span>Отключить помещение от кабинета?</span>
            <Button kind="danger" busy={unlink.isPending} onClick={() => unlink.mutate()}>
              Да, отключить
            </Button>
            <Button kind="link" onClick={() => setConfirming(false)}>
              Отмена
            </Button>
          </>
        ) : (
          <Button kind="link" onClick={() => setConfirming(true)}>
            Отключить
          </Button>
        )}
      </div>
    </Card>
  );
}

const REQUEST_STATUS: Record<string, string> = {
  code_sent: 'Ждёт кода',
  pending: 'На рассмотрении в организации',
  approved: 'Одобрено',
  linked: 'Подключено',
  rejected: 'Отклонено',
  expired: 'Истёк срок',
};

function LinkRequests() {
  const q = useQuery({ queryKey: ['link-requests'], queryFn: () => ok(api.GET('/api/v1/me/account-link-requests')) });
  const open = (q.data?.items ?? []).filter((r) => r.status !== 'linked');
  if (!open.length) return null;
  return (
    <section className="stack section" aria-labelledby="requests-title">
      <h2 id="requests-title">Заявки на подключение</h2>
      {open.map((r) => (
        <Card key={r.requestId}>
          <p>
            <strong>{r.address}</strong>
          </p>
          <p className="muted">
            {r.identifier} · подана {formatDate(r.createdAt)}
          </p>
          <p>
            <span className={`badge ${r.status === 'rejected' ? 'badge-danger' : 'badge-warning'}`}>
              {REQUEST_STATUS[r.status] ?? r.status}
            </span>
            {r.decisionReason ? <span> {r.decisionReason}</span> : null}
          </p>
        </Card>
      ))}
    </section>
  );
}
