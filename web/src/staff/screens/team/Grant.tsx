// What a member holds or an invitation grants: roles (checkboxes) and an optional limit to some houses.
// Shared by the member's edit form and the invitation form; the roles and houses come from the screen.
import { useId } from 'react';
import { FieldError } from '../../../ui/fields';
import type { Schemas } from '../../api';

export type Role = Schemas['StaffRole'];
export interface House {
  id: string;
  fullAddress: string;
}

export interface GrantValue {
  roleIds: string[];
  /** null: every house. */
  houseIds: string[] | null;
}

const toggle = (list: string[], id: string, on: boolean) => (on ? [...list, id] : list.filter((x) => x !== id));

export function GrantFields({
  roles,
  houses,
  value,
  onChange,
  errors,
}: {
  roles: Role[];
  houses: House[];
  value: GrantValue;
  onChange: (value: GrantValue) => void;
  errors: { roles?: string; houses?: string };
}) {
  const id = useId();
  const limited = value.houseIds !== null;
  return (
    <>
      <fieldset className="check-grid" aria-describedby={errors.roles ? `${id}-roles-error` : undefined}>
        <legend>Роли</legend>
        {roles.map((r) => (
          <label key={r.id} className="choice">
            <input
              type="checkbox"
              checked={value.roleIds.includes(r.id)}
              onChange={(e) => onChange({ ...value, roleIds: toggle(value.roleIds, r.id, e.target.checked) })}
            />
            <span>
              {r.name}
              {r.builtIn ? null : <span className="muted"> · своя роль</span>}
            </span>
          </label>
        ))}
        <FieldError id={`${id}-roles-error`} error={errors.roles} />
      </fieldset>
      <fieldset aria-describedby={errors.houses ? `${id}-houses-error` : undefined}>
        <legend>Дома</legend>
        <div className="row-actions">
          <label className="choice">
            <input
              type="radio"
              name={`${id}-scope`}
              checked={!limited}
              onChange={() => onChange({ ...value, houseIds: null })}
            />
            <span>Все дома организации</span>
          </label>
          <label className="choice">
            <input
              type="radio"
              name={`${id}-scope`}
              checked={limited}
              onChange={() => onChange({ ...value, houseIds: value.houseIds ?? [] })}
            />
            <span>Только выбранные</span>
          </label>
        </div>
        {limited ? (
          <fieldset className="check-grid house-choices">
            <legend className="visually-hidden">Выбранные дома</legend>
            {houses.map((h) => (
              <label key={h.id} className="choice">
                <input
                  type="checkbox"
                  checked={value.houseIds!.includes(h.id)}
                  onChange={(e) => onChange({ ...value, houseIds: toggle(value.houseIds!, h.id, e.target.checked) })}
                />
                <span>{h.fullAddress}</span>
              </label>
            ))}
          </fieldset>
        ) : null}
        <FieldError id={`${id}-houses-error`} error={errors.houses} />
      </fieldset>
    </>
  );
}

/** What the form may send: at least one role, and some houses when limited; else the messages. */
export function checkGrant(value: GrantValue): { roles?: string; houses?: string } {
  return {
    ...(value.roleIds.length ? {} : { roles: 'Отметьте хотя бы одну роль.' }),
    ...(value.houseIds?.length === 0 ? { houses: 'Отметьте дома или выберите «Все дома организации».' } : {}),
  };
}

/** An e-mail address that may wrap after the @ (not inside a word) in a narrow column. */
export function Email({ email }: { email: string }) {
  const at = email.indexOf('@');
  if (at < 0) return <>{email}</>;
  return (
    <>
      {email.slice(0, at + 1)}
      <wbr />
      {email.slice(at + 1)}
    </>
  );
}

/** «все дома» or the addresses of the houses the roles are limited to. */
export function housesText(houseIds: string[] | null, houses: House[]): string {
  if (!houseIds) return 'все дома';
  return houseIds.map((id) => houses.find((h) => h.id === id)?.fullAddress ?? 'дом вне списка').join('; ');
}
