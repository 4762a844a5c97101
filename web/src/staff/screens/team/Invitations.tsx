// Invitations by e-mail: the form (address, roles, houses) and the invitations not yet accepted, with
// their expiry and a revoke. The link in the letter makes whoever signs in and opens it staff.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../../api/client';
import { formatDate, formatDateTime } from '../../../lib/format';
import { fieldMessages } from '../../../lib/problems';
import { TextField } from '../../../ui/fields';
import { Button, Card, ErrorMessage, Notice, ScrollTable, Skeleton } from '../../../ui/ui';
import { ok, type Schemas, staffApi, useStaffKey } from '../../api';
import { checkGrant, Email, GrantFields, type GrantValue, type House, housesText, type Role } from './Grant';

type Invitation = Schemas['StaffInvitation'];

export function Invitations({ roles, houses }: { roles: Role[]; houses: House[] }) {
  const key = useStaffKey();
  const [inviting, setInviting] = useState(false);
  const [sentTo, setSentTo] = useState<string>();
  const list = useQuery({
    queryKey: key('staff-invitations'),
    queryFn: () => ok(staffApi.GET('/api/v1/org/staff/invitations')),
  });
  const items = list.data?.items ?? [];
  return (
    <section className="stack" aria-labelledby="invitations-title">
      <div className="row-between">
        <h2 id="invitations-title">Приглашения</h2>
        {inviting ? null : (
          <Button
            onClick={() => {
              setSentTo(undefined);
              setInviting(true);
            }}
          >
            Пригласить сотрудника
          </Button>
        )}
      </div>
      {sentTo ? (
        <Notice kind="success">
          Приглашение отправлено на {sentTo}. Ссылка из письма действует 7 дней: сотрудник входит в Домхаб и принимает
          приглашение.
        </Notice>
      ) : null}
      {inviting ? (
        <InviteForm
          roles={roles}
          houses={houses}
          onSent={(email) => {
            setInviting(false);
            setSentTo(email);
          }}
          onCancel={() => setInviting(false)}
        />
      ) : null}
      {list.isPending ? (
        <Skeleton height={48} label="Загрузка приглашений" />
      ) : list.isError ? (
        <ErrorMessage error={list.error} retry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <p className="muted">Ожидающих приглашений нет.</p>
      ) : (
        <ScrollTable label="Ожидающие приглашения">
          <table className="staff-table">
            <thead>
              <tr>
                <th scope="col">Электронная почта</th>
                <th scope="col">Роли и дома</th>
                <th scope="col">Действует до</th>
                <th scope="col">
                  <span className="visually-hidden">Действия</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <InvitationRow key={i.id} invitation={i} houses={houses} />
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </section>
  );
}

function InvitationRow({ invitation: i, houses }: { invitation: Invitation; houses: House[] }) {
  const key = useStaffKey();
  const client = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const revoke = useMutation({
    mutationFn: () => ok(staffApi.DELETE('/api/v1/org/staff/invitations/{id}', { params: { path: { id: i.id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: key('staff-invitations') }),
  });
  const expired = new Date(i.expiresAt) < new Date();
  return (
    <>
      <tr>
        <td>
          <span className="break-word">
            <Email email={i.email} />
          </span>
          <span className="block muted">отправлено {formatDate(i.createdAt)}</span>
        </td>
        <td>
          {i.roles.map((r) => r.name).join(', ')}
          <span className="block muted">{housesText(i.houseIds, houses)}</span>
        </td>
        <td>{expired ? <span className="badge badge-warning">Истекло</span> : formatDateTime(i.expiresAt)}</td>
        <td className="staff-actions">
          {confirming ? (
            <span className="staff-confirm">
              <Button kind="danger" busy={revoke.isPending} onClick={() => revoke.mutate()}>
                Отозвать
              </Button>
              <Button kind="link" onClick={() => setConfirming(false)}>
                Отмена
              </Button>
            </span>
          ) : (
            <Button
              kind="secondary"
              aria-label={`Отозвать приглашение: ${i.email}`}
              onClick={() => setConfirming(true)}
            >
              Отозвать
            </Button>
          )}
        </td>
      </tr>
      {revoke.isError ? (
        <tr className="staff-subrow">
          <td colSpan={4}>
            <ErrorMessage error={revoke.error} />
          </td>
        </tr>
      ) : null}
    </>
  );
}

function InviteForm({
  roles,
  houses,
  onSent,
  onCancel,
}: {
  roles: Role[];
  houses: House[];
  onSent: (email: string) => void;
  onCancel: () => void;
}) {
  const key = useStaffKey();
  const client = useQueryClient();
  const [email, setEmail] = useState('');
  const [grant, setGrant] = useState<GrantValue>({ roleIds: [], houseIds: null });
  const [shown, setShown] = useState(false);
  const invite = useMutation({
    mutationFn: (body: GrantValue & { email: string }) => ok(staffApi.POST('/api/v1/org/staff/invitations', { body })),
    onSuccess: async (created) => {
      await client.invalidateQueries({ queryKey: key('staff-invitations') });
      onSent(created.email);
    },
  });
  const apiErrors = fieldMessages(invite.error instanceof ApiError ? invite.error.problem : undefined);
  const emailError = shown && !/^\S+@\S+\.\S+$/.test(email.trim()) ? 'Укажите адрес электронной почты.' : undefined;
  const errors = shown ? checkGrant(grant) : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setShown(true);
    if (!/^\S+@\S+\.\S+$/.test(email.trim()) || Object.keys(checkGrant(grant)).length) return;
    invite.mutate({ email: email.trim(), ...grant });
  };
  return (
    <Card>
      <form className="staff-form" onSubmit={submit} noValidate aria-label="Приглашение сотрудника">
        <div className="staff-form-narrow">
          <TextField
            label="Электронная почта сотрудника"
            type="email"
            inputMode="email"
            autoComplete="off"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={emailError ?? (apiErrors.email ? 'Проверьте адрес электронной почты.' : undefined)}
            hint="На этот адрес придёт письмо со ссылкой. Принять приглашение можно, войдя в Домхаб."
          />
        </div>
        <GrantFields roles={roles} houses={houses} value={grant} onChange={setGrant} errors={errors} />
        {invite.isError && !apiErrors.email ? <ErrorMessage error={invite.error} /> : null}
        <div className="row-actions">
          <Button type="submit" busy={invite.isPending}>
            Отправить приглашение
          </Button>
          <Button kind="link" onClick={onCancel}>
            Отмена
          </Button>
        </div>
      </form>
    </Card>
  );
}
