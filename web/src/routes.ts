// Every screen of the cabinet, in one table: its path, title, navigation place and a lazy import (one
// chunk per screen). To add a screen: create web/src/screens/<name>/<Name>Screen.tsx with a default
// export and add a row here.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export interface ScreenRoute {
  path: string;
  title: string;
  /** Shown in the navigation: `main` also in the phone's bottom bar (keep it to four). */
  nav?: 'main' | 'more';
  /** Open without signing in (the sign-in pages). */
  public?: boolean;
  screen: LazyExoticComponent<ComponentType>;
}

export const routes: ScreenRoute[] = [
  { path: '/', title: 'Главная', nav: 'main', screen: lazy(() => import('./screens/home/HomeScreen')) },
  {
    path: '/meters',
    title: 'Счётчики',
    nav: 'main',
    screen: lazy(() => import('./screens/meters/MetersScreen')),
  },
  {
    path: '/charges',
    title: 'Начисления',
    nav: 'main',
    screen: lazy(() => import('./screens/charges/ChargesScreen')),
  },
  {
    path: '/payments',
    title: 'Платежи',
    nav: 'more',
    screen: lazy(() => import('./screens/payments/PaymentsScreen')),
  },
  { path: '/payments/:id', title: 'Платёж', screen: lazy(() => import('./screens/payments/PaymentScreen')) },
  { path: '/pay', title: 'Оплата', screen: lazy(() => import('./screens/payments/PayScreen')) },
  { path: '/requests', title: 'Заявки', nav: 'more', screen: lazy(() => import('./screens/requests/RequestsScreen')) },
  { path: '/requests/new', title: 'Новая заявка', screen: lazy(() => import('./screens/requests/NewRequestScreen')) },
  { path: '/requests/:id', title: 'Заявка', screen: lazy(() => import('./screens/requests/RequestScreen')) },
  { path: '/appeals', title: 'Обращения', nav: 'more', screen: lazy(() => import('./screens/appeals/AppealsScreen')) },
  { path: '/appeals/new', title: 'Новое обращение', screen: lazy(() => import('./screens/appeals/NewAppealScreen')) },
  { path: '/appeals/:id', title: 'Обращение', screen: lazy(() => import('./screens/appeals/AppealScreen')) },
  { path: '/news', title: 'Новости', nav: 'more', screen: lazy(() => import('./screens/news/NewsScreen')) },
  {
    path: '/meetings',
    title: 'Собрания',
    nav: 'more',
    screen: lazy(() => import('./screens/meetings/MeetingsScreen')),
  },
  { path: '/meetings/:id', title: 'Общее собрание', screen: lazy(() => import('./screens/meetings/MeetingScreen')) },
  {
    path: '/accounts',
    title: 'Помещения',
    nav: 'more',
    screen: lazy(() => import('./screens/accounts/AccountsScreen')),
  },
  { path: '/access', title: 'Доступ', nav: 'more', screen: lazy(() => import('./screens/access/AccessScreen')) },
  // The link of an invitation (src/accounts/sharing.ts builds PUBLIC_URL/invite/<code>); signs in first.
  { path: '/invite/:code', title: 'Приглашение', screen: lazy(() => import('./screens/access/AcceptInviteScreen')) },
  { path: '/profile', title: 'Профиль', nav: 'more', screen: lazy(() => import('./screens/profile/ProfileScreen')) },
  { path: '/more', title: 'Меню', screen: lazy(() => import('./screens/more/MoreScreen')) },
  // Sign-in: the e-mail forms (registration, activation, reset) go under /signin/… as public routes.
  { path: '/signin', title: 'Вход', public: true, screen: lazy(() => import('./screens/signin/SignInScreen')) },
  {
    path: '/signin/register',
    title: 'Регистрация',
    public: true,
    screen: lazy(() => import('./screens/signin/RegisterScreen')),
  },
  {
    path: '/signin/activate',
    title: 'Подтверждение почты',
    public: true,
    screen: lazy(() => import('./screens/signin/ActivateScreen')),
  },
  {
    path: '/signin/reset',
    title: 'Восстановление пароля',
    public: true,
    screen: lazy(() => import('./screens/signin/ResetScreen')),
  },
];

/** The route whose pattern matches a path (for titles); `:x` segments match one segment. */
export function routeFor(pathname: string): ScreenRoute | undefined {
  return routes.find((r) => new RegExp(`^${r.path.replace(/:[^/]+/g, '[^/]+')}/?$`).test(pathname));
}
