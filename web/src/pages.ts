// Every page of the cabinet as plain data: path, title, place in the navigation. Screens (the menu) and
// the shell read it without importing the screens themselves; routes.ts attaches each path's screen.

export interface PageInfo {
  path: string;
  title: string;
  /** Shown in the navigation: `main` also in the phone's bottom bar (keep it to four). */
  nav?: 'main' | 'more';
  /** Open without signing in (the sign-in pages). */
  public?: boolean;
}

const table = [
  { path: '/', title: 'Главная', nav: 'main' },
  { path: '/meters', title: 'Счётчики', nav: 'main' },
  { path: '/charges', title: 'Начисления', nav: 'main' },
  { path: '/payments', title: 'Платежи', nav: 'more' },
  { path: '/payments/:id', title: 'Платёж' },
  { path: '/pay', title: 'Оплата' },
  { path: '/requests', title: 'Заявки', nav: 'more' },
  { path: '/requests/new', title: 'Новая заявка' },
  { path: '/requests/:id', title: 'Заявка' },
  { path: '/appeals', title: 'Обращения', nav: 'more' },
  { path: '/appeals/new', title: 'Новое обращение' },
  { path: '/appeals/:id', title: 'Обращение' },
  { path: '/news', title: 'Новости', nav: 'more' },
  { path: '/meetings', title: 'Собрания', nav: 'more' },
  { path: '/meetings/:id', title: 'Общее собрание' },
  { path: '/accounts', title: 'Помещения', nav: 'more' },
  { path: '/access', title: 'Доступ', nav: 'more' },
  // The link of an invitation (src/accounts/sharing.ts builds PUBLIC_URL/invite/<code>); signs in first.
  { path: '/invite/:code', title: 'Приглашение' },
  { path: '/profile', title: 'Профиль', nav: 'more' },
  { path: '/more', title: 'Меню' },
  // Sign-in: the e-mail forms (registration, activation, reset) go under /signin/… as public pages.
  { path: '/signin', title: 'Вход', public: true },
  { path: '/signin/register', title: 'Регистрация', public: true },
  { path: '/signin/activate', title: 'Подтверждение почты', public: true },
  { path: '/signin/reset', title: 'Восстановление пароля', public: true },
] as const satisfies readonly PageInfo[];

export const pages: readonly PageInfo[] = table;
export type PagePath = (typeof table)[number]['path'];

/** The page whose pattern matches a path (for titles); `:x` segments match one segment. */
export function pageFor(pathname: string): PageInfo | undefined {
  return pages.find((p) => new RegExp(`^${p.path.replace(/:[^/]+/g, '[^/]+')}/?$`).test(pathname));
}
