// The screen of every page (pages.ts): a lazy import, one chunk per screen, and what to ask for at
// start. To add a screen: create web/src/screens/<name>/<Name>Screen.tsx with a default export, add its
// page to pages.ts and a row here.
import type { QueryClient } from '@tanstack/react-query';
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { accountsQuery, currentAccount, meQuery, metersQuery } from './app/session';
import { type PageInfo, type PagePath, pageFor, pages } from './pages';
import { balanceQuery, meetingsQuery, ticketsInProgressQuery, unreadNewsQuery } from './screens/home/queries';

export interface ScreenRoute extends PageInfo {
  screen: LazyExoticComponent<ComponentType>;
}

const screens: Record<PagePath, () => Promise<{ default: ComponentType }>> = {
  '/': () => import('./screens/home/HomeScreen'),
  '/meters': () => import('./screens/meters/MetersScreen'),
  '/charges': () => import('./screens/charges/ChargesScreen'),
  '/payments': () => import('./screens/payments/PaymentsScreen'),
  '/payments/:id': () => import('./screens/payments/PaymentScreen'),
  '/pay': () => import('./screens/payments/PayScreen'),
  '/requests': () => import('./screens/requests/RequestsScreen'),
  '/requests/new': () => import('./screens/requests/NewRequestScreen'),
  '/requests/:id': () => import('./screens/requests/RequestScreen'),
  '/appeals': () => import('./screens/appeals/AppealsScreen'),
  '/appeals/new': () => import('./screens/appeals/NewAppealScreen'),
  '/appeals/:id': () => import('./screens/appeals/AppealScreen'),
  '/news': () => import('./screens/news/NewsScreen'),
  '/meetings': () => import('./screens/meetings/MeetingsScreen'),
  '/meetings/:id': () => import('./screens/meetings/MeetingScreen'),
  '/accounts': () => import('./screens/accounts/AccountsScreen'),
  '/access': () => import('./screens/access/AccessScreen'),
  '/invite/:code': () => import('./screens/access/AcceptInviteScreen'),
  '/profile': () => import('./screens/profile/ProfileScreen'),
  '/more': () => import('./screens/more/MoreScreen'),
  '/signin': () => import('./screens/signin/SignInScreen'),
  '/signin/register': () => import('./screens/signin/RegisterScreen'),
  '/signin/activate': () => import('./screens/signin/ActivateScreen'),
  '/signin/reset': () => import('./screens/signin/ResetScreen'),
};

export const routes: ScreenRoute[] = pages.map((p) => ({ ...p, screen: lazy(screens[p.path as PagePath]) }));

async function currentMeters(client: QueryClient) {
  const accountId = currentAccount(await client.fetchQuery(accountsQuery))?.accountId;
  if (accountId) await client.prefetchQuery(metersQuery(accountId));
}

/** The data a screen shows first. */
const firstData: Partial<Record<PagePath, (client: QueryClient) => Promise<unknown>>> = {
  '/': (client) =>
    Promise.all([
      currentMeters(client),
      client.prefetchQuery(balanceQuery),
      client.prefetchQuery(unreadNewsQuery),
      client.prefetchQuery(meetingsQuery),
      client.prefetchQuery(ticketsInProgressQuery),
    ]),
  '/meters': currentMeters,
};

/**
 * At start: the opened page's code and first data, asked for at once, in parallel with who is signed
 * in — not one after the other once the shell has run. (Signed out, the data requests answer 401 and
 * the sign-in page follows as before.)
 */
export function preloadPage(pathname: string, client: QueryClient) {
  const page = pageFor(pathname);
  if (!page) return;
  void screens[page.path as PagePath]().catch(() => undefined);
  if (page.public) return;
  void loadFirstData(page, client);
}

/**
 * The page the service prerenders for a signed-in person (entry-server.tsx), if this is one: a page
 * whose first data is known, so the server can ask for it and send the screen already filled in.
 */
export function prerenderedPage(pathname: string): PageInfo | undefined {
  const page = pageFor(pathname);
  return page && !page.public && firstData[page.path as PagePath] ? page : undefined;
}

/** Who is signed in and the page's first data, asked for together (failures stay in the queries). */
export async function loadFirstData(page: PageInfo, client: QueryClient) {
  await Promise.all([client.prefetchQuery(meQuery), firstData[page.path as PagePath]?.(client).catch(() => undefined)]);
}
