import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { api, ok } from '../api/client';
import { useCurrentAccount } from './session';

/** Picks the current account (PUT /api/v1/me/accounts/current); every account-bound screen follows it. */
export function AccountSwitcher() {
  const id = useId();
  const client = useQueryClient();
  const { account, accounts, isPending } = useCurrentAccount();
  const choose = useMutation({
    mutationFn: (accountId: string) => ok(api.PUT('/api/v1/me/accounts/current', { body: { accountId } })),
    onSuccess: () => client.invalidateQueries(),
  });
  if (isPending) return <div className="switcher switcher-skeleton" aria-hidden="true" />;
  if (accounts.length < 2) {
    return (
      <div className="switcher switcher-one">
        {account ? shortAddress(account.house.fullAddress, account.premise?.number) : ''}
      </div>
    );
  }
  return (
    <div className="switcher">
      <label htmlFor={id} className="visually-hidden">
        Помещение
      </label>
      <select
        id={id}
        value={account?.accountId}
        disabled={choose.isPending}
        onChange={(e) => choose.mutate(e.target.value)}
      >
        {accounts.map((a) => (
          <option key={a.accountId} value={a.accountId}>
            {shortAddress(a.house.fullAddress, a.premise?.number)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** "ул. Тверская, д. 1, кв. 12" from a full address: the region and city are the same for most people. */
export function shortAddress(full: string, premise?: string | null): string {
  const parts = full.split(',').map((p) => p.trim());
  const street = parts.findIndex((p) => /^(ул|пр-кт|просп|пер|б-р|бульв|наб|ш|пл|проезд|туп|мкр|аллея)\.?\s/i.test(p));
  const tail = (street >= 0 ? parts.slice(street) : parts.slice(-2)).join(', ');
  return premise ? `${tail}, кв. ${premise}` : tail;
}
