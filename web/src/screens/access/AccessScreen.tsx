import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { api, ApiError, ok } from '../../api/client';
import { shortAddress } from '../../app/AccountSwitcher';
import { useCurrentAccount } from '../../app/session';
import { formatDate } from '../../lib/format';
import { fieldMessages } from '../../lib/problems';
import { explain, Field } from '../../ui/fields';
import { Button, Card, ErrorMessage, Notice, Page, Skeleton } from '../../ui/ui';
import { AcceptByCode } from './AcceptInviteScreen';
import { roleName } from './roles';

const INVITATION_STATUS: Record<string, string> = {
  pending: 'ждёт ответа',
  accepted: 'принято',
  expired: 'истекло',
  revoked: 'отменено',
};

/** Who else sees the current account: co-owners, tenants, delegates; invitations by code or link; revoking. */
export default function AccessScreen() {
  const { account, isPending } = useCurrentAccount();
  const accountId = account?.accountId;
  const q = useQuery({
    queryKey: ['access', accountId],
    queryFn: () =>
      ok(api.GET('/api/v1/me/accounts/{accountId}/access', { params: { path: { accountId: accountId! } } })),
    enabled: !!accountId,
  });
  return (
    <Page title="Доступ к помещению">
      {account ? (
        <p className="muted">
          {shortAddress(account.house.fullAddress, account.premise?.number)} · лицевой счёт {account.number} · вы —{' '}
          {roleName(account.role).toLowerCase()}
        </p>
      ) : null}
      <div className="detail-grid">
        {isPending || (accountId && q.isPending) ? (
          <Card>
            <Skeleton height={160} />
          </Card>
        ) : !account ? (
          <Notice>
            Сначала <Link href="/accounts">добавьте помещение</Link>.
          </Notice>
        ) : q.isError ? (
          <Card>
            {q.error instanceof ApiError && [403, 404].includes(q.error.status) ? (
              <Notice>Список доступа видят собственник и совладельцы помещения.</Notice>
            ) : (
              <ErrorMessage error={q.error} retry={() => void q.refetch()} />
            )}
          </Card>
        ) : q.data ? (
          <>
            <Card>
              <h2>У кого есть доступ</h2>
              <ul className="people">
                {q.data.links.map((l) => (
                  <Person key={l.linkId} accountId={account.accountId} link={l} />
                ))}
              </ul>
            </Card>
            <InviteCard accountId={account.accountId} myRole={account.role} />
            {q.data.invitations.length ? (
              <Card>
                <h2>Приглашения</h2>
                <ul className="people">
                  {q.data.invitations.map((i) => (
                    <Invitation key={i.invitationId} accountId={account.accountId} invitation={i} />
                  ))}
                </ul>
              </Card>
            ) : null}
          </>
        ) : null}
        <Card>
          <h2>Вас пригласили?</h2>
          <AcceptByCode />
        </Card>
      </div>
    </Page>
  );
}

interface Link_ {
  linkId: string;
  name: string;
  role: string;
  since: string;
  isYou: boolean;
}

function Person({ accountId, link }: { accountId: string; link: Link_ }) {
  const client = useQueryClient();
  const [asking, setAsking] = useState(false);
  const revoke = useMutation({
    mutationFn: () =>
      ok(
        api.DELETE('/api/v1/me/accounts/{accountId}/access/{linkId}', {
          params: { path: { accountId, linkId: link.linkId } },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['access'] }),
  });
  return (
    <li className="person">
      <div>
        <strong>{link.name}</strong>
        {link.isYou ? <span className="muted"> (вы)</span> : null}
        <br />
        <span className="muted">
          {roleName(link.role)} · с {formatDate(link.since)}
        </span>
      </div>
      {!link.isYou && link.role !== 'owner' ? (
        asking ? (
          <div className="person-actions">
            <Button kind="danger" busy={revoke.isPending} onClick={() => revoke.mutate()}>
              Да, отозвать
            </Button>
            <Button kind="link" onClick={() => setAsking(false)}>
              Отмена
            </Button>
          </div>
        ) : (
          <Button kind="secondary" onClick={() => setAsking(true)} aria-label={`Отозвать доступ: ${link.name}`}>
            Отозвать
          </Button>
        )
      ) : null}
      {revoke.isError ? <ErrorMessage error={revoke.error} /> : null}
    </li>
  );
}

function Invitation({
  accountId,
  invitation,
}: {
  accountId: string;
  invitation: { invitationId: string; role: string; email: string | null; expiresAt: string; status: string };
}) {
  const client = useQueryClient();
  const withdraw = useMutation({
    mutationFn: () =>
      ok(
        api.DELETE('/api/v1/me/accounts/{accountId}/invitations/{invitationId}', {
          params: { path: { accountId, invitationId: invitation.invitationId } },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['access'] }),
  });
  return (
    <li className="person">
      <div>
        <strong>{roleName(invitation.role)}</strong>
        {invitation.email ? <span className="muted"> · {invitation.email}</span> : null}
        <br />
        <span className="muted">
          {INVITATION_STATUS[invitation.status] ?? invitation.status}
          {invitation.status === 'pending' ? `, действует до ${formatDate(invitation.expiresAt)}` : ''}
        </span>
      </div>
      {invitation.status === 'pending' ? (
        <Button kind="secondary" busy={withdraw.isPending} onClick={() => withdraw.mutate()}>
          Отменить
        </Button>
      ) : null}
      {withdraw.isError ? <ErrorMessage error={withdraw.error} /> : null}
    </li>
  );
}

function InviteCard({ accountId, myRole }: { accountId: string; myRole: string }) {
  const client = useQueryClient();
  const roles = myRole === 'owner' ? (['co_owner', 'tenant', 'delegate'] as const) : (['tenant', 'delegate'] as const);
  const [role, setRole] = useState<'co_owner' | 'tenant' | 'delegate'>(roles[0]);
  const [email, setEmail] = useState('');
  const [copied, setCopied] = useState(false);
  const invite = useMutation({
    mutationFn: () =>
      ok(
        api.POST('/api/v1/me/accounts/{accountId}/invitations', {
          params: { path: { accountId } },
          body: { role, email: email.trim() || undefined },
        }),
      ),
    onSuccess: () => {
      setCopied(false);
      void client.invalidateQueries({ queryKey: ['access'] });
    },
  });
  const errors = explain(fieldMessages(invite.error instanceof ApiError ? invite.error.problem : undefined), {
    email: 'Укажите адрес электронной почты, например ivanova@mail.ru.',
  });
  if (myRole !== 'owner' && myRole !== 'co_owner') return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    invite.mutate();
  };
  return (
    <Card>
      <h2>Пригласить</h2>
      {invite.data ? (
        <div className="alert alert-success" role="status">
          <p>
            Приглашение создано ({roleName(invite.data.role).toLowerCase()}), действует до{' '}
            {formatDate(invite.data.expiresAt)}. Передайте код или ссылку:
          </p>
          <p>
            Код:{' '}
            <strong className="code" data-testid="invite-code">
              {invite.data.code}
            </strong>
          </p>
          <p className="break">
            <a href={invite.data.link} data-testid="invite-link">
              {invite.data.link}
            </a>
          </p>
          <Button
            kind="secondary"
            onClick={() =>
              void navigator.clipboard?.writeText(invite.data!.link).then(
                () => setCopied(true),
                () => setCopied(false),
              )
            }
          >
            {copied ? 'Ссылка скопирована' : 'Скопировать ссылку'}
          </Button>
        </div>
      ) : null}
      <form onSubmit={submit} noValidate>
        <Field label="Кого приглашаете">
          <select value={role} onChange={(e) => setRole(e.target.value as typeof role)}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {roleName(r)}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label="Электронная почта"
          hint="Необязательно: отправим приглашение письмом. Без почты — передайте код сами."
          error={errors.email}
        >
          <input type="email" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} />
        </Field>
        {invite.isError && !errors.email ? <ErrorMessage error={invite.error} /> : null}
        <Button type="submit" busy={invite.isPending}>
          Создать приглашение
        </Button>
      </form>
    </Card>
  );
}
