// The screen of every page (pages.ts): a lazy import, one chunk per screen. To add a screen: create
// web/src/screens/<name>/<Name>Screen.tsx with a default export, add its page to pages.ts and a row here.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { type PageInfo, type PagePath, pages } from './pages';

export interface ScreenRoute extends PageInfo {
  screen: LazyExoticComponent<ComponentType>;
}

const screens: Record<PagePath, LazyExoticComponent<ComponentType>> = {
  '/': lazy(() => import('./screens/home/HomeScreen')),
  '/meters': lazy(() => import('./screens/meters/MetersScreen')),
  '/charges': lazy(() => import('./screens/charges/ChargesScreen')),
  '/payments': lazy(() => import('./screens/payments/PaymentsScreen')),
  '/payments/:id': lazy(() => import('./screens/payments/PaymentScreen')),
  '/pay': lazy(() => import('./screens/payments/PayScreen')),
  '/requests': lazy(() => import('./screens/requests/RequestsScreen')),
  '/requests/new': lazy(() => import('./screens/requests/NewRequestScreen')),
  '/requests/:id': lazy(() => import('./screens/requests/RequestScreen')),
  '/appeals': lazy(() => import('./screens/appeals/AppealsScreen')),
  '/appeals/new': lazy(() => import('./screens/appeals/NewAppealScreen')),
  '/appeals/:id': lazy(() => import('./screens/appeals/AppealScreen')),
  '/news': lazy(() => import('./screens/news/NewsScreen')),
  '/meetings': lazy(() => import('./screens/meetings/MeetingsScreen')),
  '/meetings/:id': lazy(() => import('./screens/meetings/MeetingScreen')),
  '/accounts': lazy(() => import('./screens/accounts/AccountsScreen')),
  '/access': lazy(() => import('./screens/access/AccessScreen')),
  '/invite/:code': lazy(() => import('./screens/access/AcceptInviteScreen')),
  '/profile': lazy(() => import('./screens/profile/ProfileScreen')),
  '/more': lazy(() => import('./screens/more/MoreScreen')),
  '/signin': lazy(() => import('./screens/signin/SignInScreen')),
  '/signin/register': lazy(() => import('./screens/signin/RegisterScreen')),
  '/signin/activate': lazy(() => import('./screens/signin/ActivateScreen')),
  '/signin/reset': lazy(() => import('./screens/signin/ResetScreen')),
};

export const routes: ScreenRoute[] = pages.map((p) => ({ ...p, screen: screens[p.path as PagePath] }));
