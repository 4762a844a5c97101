// The signed-in person (GET /api/v1/me; null when signed out) and the current account.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, ok, setCsrfToken, type components } from '../api/client';
import { CABINET_COOKIES, writeCookie } from '../lib/cookies';

export type Me = Awaited<ReturnType<typeof fetchMe>>;
export type MyAccount = components['schemas']['MyAccount'];

async function fetchMe() {
  try {
    const me = await ok(api.GET('/api/v1/me'));
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export const meQuery = { queryKey: ['me'], queryFn: fetchMe, staleTime: 5 * 60_000 } as const;

export function useMe() {
  return useQuery(meQuery);
}

export const accountsQuery = { queryKey: ['accounts'], queryFn: () => ok(api.GET('/api/v1/me/accounts')) } as const;

export function useAccounts(enabled = true) {
  return useQuery({ ...accountsQuery, enabled });
}

type Accounts = Awaited<ReturnType<typeof accountsQuery.queryFn>>;

/** The account the person works with now (the server keeps the choice), or the first one. */
export function currentAccount(data: Accounts | undefined): MyAccount | undefined {
  const accounts = data?.items ?? [];
  return accounts.find((a) => a.accountId === data?.currentAccountId) ?? accounts[0];
}

export function useCurrentAccount(): { account: MyAccount | undefined; accounts: MyAccount[]; isPending: boolean } {
  const { data, isPending } = useAccounts();
  return { account: currentAccount(data), accounts: data?.items ?? [], isPending };
}

/** The meters of an account with the readings window (the meters screen and the home card). */
export const metersQuery = (accountId: string) =>
  ({
    queryKey: ['meters', accountId],
    queryFn: () => ok(api.GET('/api/v1/me/accounts/{accountId}/meters', { params: { path: { accountId } } })),
  }) as const;

/** Ends the session here (and returns the provider's logout URL, if any); forgets every cached answer. */
export function useSignOut() {
  const client = useQueryClient();
  return async () => {
    const result = await ok(api.POST('/auth/logout')).catch(() => null);
    setCsrfToken(undefined);
    writeCookie(CABINET_COOKIES.newsShown, '', 0); // the next sign-in shows the unread notices again
    client.clear();
    await caches?.delete('domhub-data').catch(() => undefined);
    navigator.serviceWorker?.controller?.postMessage('sign-out');
    window.location.assign(result?.endSessionUrl ?? '/signin');
  };
}
