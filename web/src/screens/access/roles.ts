// Who a person is on an account (src/accounts: owner, co_owner, tenant, delegate), in Russian.
export const ROLE: Record<string, string> = {
  owner: 'Собственник',
  co_owner: 'Совладелец',
  tenant: 'Жилец (наниматель)',
  delegate: 'Представитель',
};
export const roleName = (r: string) => ROLE[r] ?? r;
