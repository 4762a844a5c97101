// What the signed-in staff member may do in the chosen organisation: buttons they lack the permission
// for are not shown (the API refuses them anyway with 403).
import { useOrganisation } from './api';

/** `can('payments.refund')`: whether the chosen organisation's roles of this person grant it. */
export function useCan(): (permission: string) => boolean {
  const org = useOrganisation() as { permissions?: readonly string[]; roles: readonly string[] };
  return (permission) => org.permissions?.includes(permission) ?? org.roles.includes('admin');
}
