// The roles staff can hold: the built-in ones (read-only) and the organisation's own, made, changed and
// deleted here from permissions. A change applies to the role's holders at their next request.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { ApiError } from '../../../api/client';
import { fieldMessages } from '../../../lib/problems';
import { FieldError, TextField } from '../../../ui/fields';
import { countOf } from '../../../lib/format';
import { Button, Card, ErrorMessage } from '../../../ui/ui';
import { ok, staffApi, useStaffKey } from '../../api';
import type { Permission } from '../../permissions';
import type { Role } from './Grant';

interface PermissionInfo {
  key: Permission;
  label: string;
}

export function Roles({ roles, permissions }: { roles: Role[]; permissions: PermissionInfo[] }) {
  const [creating, setCreating] = useState(false);
  const builtIn = roles.filter((r) => r.builtIn);
  const own = roles.filter((r) => !r.builtIn);
  return (
    <section className="stack" aria-labelledby="roles-title">
      <div className="row-between">
        <h2 id="roles-title">Роли</h2>
        {creating ? null : <Button onClick={() => setCreating(true)}>Новая роль</Button>}
      </div>
      <p className="muted">
        Роль — набор прав. Встроенные роли одинаковы во всех организациях и не меняются; если ни одна не подходит,
        создайте свою.
      </p>
      {creating ? <RoleForm permissions={permissions} onDone={() => setCreating(false)} /> : null}
      <RoleCards title="Роли организации" roles={own} permissions={permissions} empty="Своих ролей пока нет." />
      <RoleCards title="Встроенные роли" roles={builtIn} permissions={permissions} />
    </section>
  );
}

function RoleCards({
  title,
  roles,
  permissions,
  empty,
}: {
  title: string;
  roles: Role[];
  permissions: PermissionInfo[];
  empty?: string;
}) {
  return (
    <>
      <h3 className="staff-subtitle">{title}</h3>
      {roles.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="role-cards">
          {roles.map((r) => (
            <RoleCard key={r.id} role={r} permissions={permissions} />
          ))}
        </ul>
      )}
    </>
  );
}

function RoleCard({ role: r, permissions }: { role: Role; permissions: PermissionInfo[] }) {
  const key = useStaffKey();
  const client = useQueryClient();
  const [mode, setMode] = useState<'view' | 'edit' | 'remove'>('view');
  const remove = useMutation({
    mutationFn: () => ok(staffApi.DELETE('/api/v1/org/staff-roles/{id}', { params: { path: { id: r.id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: key('staff-roles') }),
  });
  const all = r.permissions.length >= permissions.length;
  return (
    <li className={`card role-card ${mode === 'edit' ? 'role-card-open' : ''}`}>
      <div className="role-card-head">
        <h4>{r.name}</h4>
        <span className="muted">
          {r.members ? countOf(r.members, ['сотрудник', 'сотрудника', 'сотрудников']) : 'никому не назначена'}
        </span>
      </div>
      {mode === 'edit' ? (
        <RoleForm role={r} permissions={permissions} onDone={() => setMode('view')} />
      ) : (
        <>
          {all ? (
            <p className="perm-all">Все права</p>
          ) : (
            <ul className="perm-list">
              {permissions
                .filter((p) => r.permissions.includes(p.key))
                .map((p) => (
                  <li key={p.key}>{p.label}</li>
                ))}
            </ul>
          )}
          {r.builtIn ? null : (
            <div className="card-actions">
              {mode === 'remove' ? (
                <>
                  <Button kind="danger" busy={remove.isPending} onClick={() => remove.mutate()}>
                    Удалить роль
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
                </>
              ) : (
                <>
                  <Button kind="secondary" aria-label={`Изменить роль ${r.name}`} onClick={() => setMode('edit')}>
                    Изменить
                  </Button>
                  <Button kind="link" aria-label={`Удалить роль ${r.name}`} onClick={() => setMode('remove')}>
                    Удалить
                  </Button>
                </>
              )}
            </div>
          )}
          {mode === 'remove' && remove.isError ? <ErrorMessage error={remove.error} /> : null}
        </>
      )}
    </li>
  );
}

function RoleForm({ role, permissions, onDone }: { role?: Role; permissions: PermissionInfo[]; onDone: () => void }) {
  const key = useStaffKey();
  const client = useQueryClient();
  const [name, setName] = useState(role?.name ?? '');
  const [chosen, setChosen] = useState<Permission[]>(role?.permissions ?? ['console.view']);
  const [shown, setShown] = useState(false);
  const id = useId();
  const save = useMutation({
    mutationFn: async (body: { name: string; permissions: Permission[] }) => {
      if (role) await ok(staffApi.PUT('/api/v1/org/staff-roles/{id}', { params: { path: { id: role.id } }, body }));
      else await ok(staffApi.POST('/api/v1/org/staff-roles', { body }));
    },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: key('staff-roles') });
      onDone();
    },
  });
  const apiErrors = fieldMessages(save.error instanceof ApiError ? save.error.problem : undefined);
  const nameError = shown && !name.trim() ? 'Назовите роль.' : apiErrors.name ? 'Название — до 80 знаков.' : undefined;
  const permissionsError = shown && chosen.length === 0 ? 'Отметьте хотя бы одно право.' : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setShown(true);
    if (!name.trim() || chosen.length === 0) return;
    // In the server's order, whatever order they were ticked in.
    save.mutate({ name: name.trim(), permissions: permissions.map((p) => p.key).filter((p) => chosen.includes(p)) });
  };
  const form = (
    <form className="staff-form" onSubmit={submit} noValidate aria-label={role ? `Роль ${role.name}` : 'Новая роль'}>
      <div className="staff-form-narrow">
        <TextField
          label="Название роли"
          maxLength={80}
          required
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={nameError}
        />
      </div>
      <fieldset className="check-grid" aria-describedby={permissionsError ? `${id}-error` : undefined}>
        <legend>Права</legend>
        {permissions.map((p) => (
          <label key={p.key} className="choice">
            <input
              type="checkbox"
              checked={chosen.includes(p.key)}
              onChange={(e) => setChosen(e.target.checked ? [...chosen, p.key] : chosen.filter((x) => x !== p.key))}
            />
            <span>{p.label}</span>
          </label>
        ))}
        <FieldError id={`${id}-error`} error={permissionsError} />
      </fieldset>
      {save.isError && !apiErrors.name ? <ErrorMessage error={save.error} /> : null}
      <div className="row-actions">
        <Button type="submit" busy={save.isPending}>
          {role ? 'Сохранить' : 'Создать роль'}
        </Button>
        <Button kind="link" onClick={onDone}>
          Отмена
        </Button>
      </div>
    </form>
  );
  return role ? form : <Card>{form}</Card>;
}
