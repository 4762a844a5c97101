// Сотрудники (issue 15, screen 10): the organisation's staff with their roles and house limits (changed
// and removed here), invitations by e-mail, and the roles: the built-in ones and the organisation's own,
// each a set of permissions. For those holding staff.manage (pages.ts); the API checks it too.
import '../admin.css';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { formatDate } from '../../../lib/format';
import { Button, ErrorMessage, Notice, Page, ScrollTable, SkeletonCards } from '../../../ui/ui';
import { ok, type Schemas, staffApi, useHouses, useStaffKey } from '../../api';
import { checkGrant, Email, GrantFields, type GrantValue, type House, housesText, type Role } from './Grant';
import { Invitations } from './Invitations';
import { Roles } from './Roles';

type Member = Schemas['StaffMember'];

/** The organisation's roles with every permission's label (one query for the whole screen). */
export function useStaffRoles() {
  const key = useStaffKey();
  return useQuery({
    queryKey: key('staff-roles'),
    queryFn: () => ok(staffApi.GET('/api/v1/org/staff-roles')),
  });
}

export default function TeamScreen() {
  const roles = useStaffRoles();
  const houses = useHouses();
  const ready = roles.data && houses.data;
  return (
    <Page title="Сотрудники">
      {roles.isError || houses.isError ? (
        <ErrorMessage
          error={roles.error ?? houses.error}
          retry={() => void (roles.isError ? roles.refetch() : houses.refetch())}
        />
      ) : !ready ? (
        <SkeletonCards count={3} height={64} />
      ) : (
        <>
          <Members roles={roles.data.items} houses={houses.data.items} />
          <Invitations roles={roles.data.items} houses={houses.data.items} />
          <Roles roles={roles.data.items} permissions={roles.data.permissions} />
        </>
      )}
    </Page>
  );
}

function Members({ roles, houses }: { roles: Role[]; houses: House[] }) {
  const key = useStaffKey();
  const list = useInfiniteQuery({
    queryKey: key('staff'),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      ok(staffApi.GET('/api/v1/org/staff', { params: { query: { limit: 50, cursor: pageParam } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const members = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section className="stack" aria-labelledby="members-title">
      <h2 id="members-title">Сотрудники организации</h2>
      {list.isPending ? (
        <SkeletonCards count={3} height={48} />
      ) : list.isError ? (
        <ErrorMessage error={list.error} retry={() => void list.refetch()} />
      ) : members.length === 0 ? (
        <Notice>Сотрудников пока нет. Пригласите их по электронной почте.</Notice>
      ) : (
        <>
          <ScrollTable label="Сотрудники">
            <table className="staff-table">
              <thead>
                <tr>
                  <th scope="col">Сотрудник</th>
                  <th scope="col">Роли и дома</th>
                  <th scope="col">
                    <span className="visually-hidden">Действия</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {members.map((m) => (
                  <MemberRow key={m.personId} member={m} roles={roles} houses={houses} />
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

function MemberRow({ member: m, roles, houses }: { member: Member; roles: Role[]; houses: House[] }) {
  const key = useStaffKey();
  const client = useQueryClient();
  const [mode, setMode] = useState<'view' | 'edit' | 'remove'>('view');
  const remove = useMutation({
    mutationFn: () =>
      ok(staffApi.DELETE('/api/v1/org/staff/{personId}', { params: { path: { personId: m.personId } } })),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: key('staff') });
      await client.invalidateQueries({ queryKey: key('staff-roles') });
    },
  });
  return (
    <>
      <tr className={mode === 'view' ? undefined : 'staff-row-open'}>
        <td>
          <span className="strong">{m.name}</span>
          {m.email ? (
            <span className="block muted break-word">
              <Email email={m.email} />
            </span>
          ) : null}
          <span className="block muted">в штате с {formatDate(m.since)}</span>
        </td>
        <td>
          {m.roles.map((r) => r.name).join(', ')}
          <span className="block muted">{housesText(m.houseIds, houses)}</span>
        </td>
        <td className="staff-actions staff-actions-wrap">
          {mode === 'remove' ? (
            <span className="staff-confirm">
              <Button kind="danger" busy={remove.isPending} onClick={() => remove.mutate()}>
                Удалить из сотрудников
              </Button>
              <Button
                kind="link"
                onClick={() => {
                  remove.reset();
                  setMode('view');
                }}
              >
                Отмена
              </Button>
            </span>
          ) : (
            <span className="staff-confirm">
              <Button
                kind="secondary"
                aria-expanded={mode === 'edit'}
                aria-label={`Изменить роли: ${m.name}`}
                onClick={() => setMode(mode === 'edit' ? 'view' : 'edit')}
              >
                Изменить
              </Button>
              <Button kind="link" aria-label={`Удалить: ${m.name}`} onClick={() => setMode('remove')}>
                Удалить
              </Button>
            </span>
          )}
        </td>
      </tr>
      {mode === 'remove' && remove.isError ? (
        <tr className="staff-subrow">
          <td colSpan={3}>
            <ErrorMessage error={remove.error} />
          </td>
        </tr>
      ) : null}
      {mode === 'edit' ? (
        <tr className="staff-subrow">
          <td colSpan={3}>
            <MemberForm member={m} roles={roles} houses={houses} onDone={() => setMode('view')} />
          </td>
        </tr>
      ) : null}
    </>
  );
}

function MemberForm({
  member: m,
  roles,
  houses,
  onDone,
}: {
  member: Member;
  roles: Role[];
  houses: House[];
  onDone: () => void;
}) {
  const key = useStaffKey();
  const client = useQueryClient();
  const [value, setValue] = useState<GrantValue>({ roleIds: m.roles.map((r) => r.id), houseIds: m.houseIds });
  const [shown, setShown] = useState(false);
  const errors = shown ? checkGrant(value) : {};
  const save = useMutation({
    mutationFn: (body: GrantValue) =>
      ok(staffApi.PUT('/api/v1/org/staff/{personId}', { params: { path: { personId: m.personId } }, body })),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: key('staff') });
      await client.invalidateQueries({ queryKey: key('staff-roles') });
      onDone();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setShown(true);
    if (Object.keys(checkGrant(value)).length) return;
    save.mutate(value);
  };
  return (
    <form className="staff-form" onSubmit={submit} noValidate aria-label={`Роли и дома: ${m.name}`}>
      <GrantFields roles={roles} houses={houses} value={value} onChange={setValue} errors={errors} />
      {save.isError ? <ErrorMessage error={save.error} /> : null}
      <div className="row-actions">
        <Button type="submit" busy={save.isPending}>
          Сохранить
        </Button>
        <Button kind="link" onClick={onDone}>
          Отмена
        </Button>
      </div>
    </form>
  );
}
