// What the signed-in staff member may do in the chosen organisation: buttons they lack the permission
// for are not shown (the API refuses them anyway with 403).
import { type StaffOrganisation, useOrganisation } from './api';

export type Permission = StaffOrganisation['permissions'][number];

/** `can('payments.refund')`: whether the person's roles in the chosen organisation grant it. */
export function useCan(): (permission: Permission) => boolean {
  const org = useOrganisation();
  return (permission) => org.permissions.includes(permission);
}
