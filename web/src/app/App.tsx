import { lazy, Suspense, useEffect } from 'react';
import { Link, Redirect, Route, Switch, useLocation, useSearch } from 'wouter';
import { pageFor } from '../pages';
import { routes, type ScreenRoute } from '../routes';
import { useOffline } from '../lib/offline';
import { BrandMark, ErrorMessage, Page, SkeletonCards } from '../ui/ui';
import { AccountSwitcher } from './AccountSwitcher';
import { ErrorBoundary } from './ErrorBoundary';
import { useMe, useSignOut } from './session';

export function App() {
  return (
    <Switch>
      {/* The staff console: its own shell and chunk; residents never download it. */}
      <Route path="/staff" nest>
        <Suspense fallback={<StaffLoading />}>
          <StaffApp />
        </Suspense>
      </Route>
      {routes.map((r) => (
        <Route key={r.path} path={r.path}>
          {r.public ? <PublicScreen route={r} /> : <SignedIn route={r} />}
        </Route>
      ))}
      <Route>
        <SignedIn route={{ path: '*', title: 'Страница не найдена', screen: NotFoundLazy }} />
      </Route>
    </Switch>
  );
}

const NotFoundLazy = lazy(() => import('../screens/not-found/NotFoundScreen'));
const StaffApp = lazy(() => import('../staff/StaffApp'));

function StaffLoading() {
  return (
    <main id="main" className="main">
      <Loading title="Консоль управляющей организации" />
    </main>
  );
}

function useTitle(title: string) {
  useEffect(() => {
    document.title = `${title} — Домхаб`;
  }, [title]);
}

function PublicScreen({ route }: { route: ScreenRoute }) {
  useTitle(route.title);
  const Screen = route.screen;
  return (
    <div className="public">
      <OfflineBanner />
      <main id="main" className="public-main">
        <Suspense fallback={<SkeletonCards count={2} height={120} />}>
          <Screen />
        </Suspense>
      </main>
    </div>
  );
}

/** The signed-in frame: header, navigation, the screen. Signed out: to /signin?next=<this page>. */
function SignedIn({ route }: { route: ScreenRoute }) {
  const me = useMe();
  const [location] = useLocation();
  const search = useSearch();
  useTitle(route.title);
  if (me.data === null)
    return <Redirect to={`/signin?next=${encodeURIComponent(location + (search ? `?${search}` : ''))}`} replace />;
  const Screen = route.screen;
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        К содержанию
      </a>
      <Header
        name={me.data ? `${me.data.firstName ?? ''} ${me.data.lastName ?? ''}`.trim() : ''}
        staff={(me.data?.staff.length ?? 0) > 0}
      />
      <Nav />
      <main id="main" className="main" tabIndex={-1}>
        <OfflineBanner />
        {me.isError ? (
          <ErrorMessage error={me.error} retry={() => void me.refetch()} />
        ) : (
          <ErrorBoundary key={location}>
            {/* The title stays put while the person and the screen's chunk load: no shift when they arrive. */}
            <Suspense fallback={<Loading title={route.title} />}>
              {me.data ? (
                <>
                  <Screen />
                  <Interactive />
                </>
              ) : (
                <Loading title={route.title} />
              )}
            </Suspense>
          </ErrorBoundary>
        )}
      </main>
    </div>
  );
}

/**
 * A prerendered page arrives inert (src/http/prerender.ts): what is typed or chosen before React has
 * taken over the page would show but never reach it. Its effect runs once the screen is hydrated.
 */
function Interactive() {
  useEffect(() => {
    document.getElementById('root')?.removeAttribute('inert');
  }, []);
  return null;
}

function Loading({ title }: { title: string }) {
  return (
    <Page title={title}>
      <SkeletonCards />
    </Page>
  );
}

function Header({ name, staff }: { name: string; staff: boolean }) {
  const signOut = useSignOut();
  return (
    <header className="header">
      <Link href="/" className="brand" aria-label="Домхаб — на главную">
        <BrandMark size={28} />
        <span>Домхаб</span>
      </Link>
      <AccountSwitcher />
      <div className="header-user">
        <span className="header-name">{name}</span>
        {staff ? (
          <Link href="/staff" className="header-staff">
            Консоль УК
          </Link>
        ) : null}
        <button type="button" className="button link" onClick={() => void signOut()}>
          Выйти
        </button>
      </div>
    </header>
  );
}

function Nav() {
  const [location] = useLocation();
  const current = pageFor(location)?.path;
  const main = routes.filter((r) => r.nav === 'main');
  const more = routes.filter((r) => r.nav === 'more');
  const item = (r: ScreenRoute, extra = '') => (
    <li key={r.path} className={extra}>
      <Link href={r.path} aria-current={current === r.path ? 'page' : undefined}>
        {r.title}
      </Link>
    </li>
  );
  return (
    <nav className="nav" aria-label="Разделы">
      <ul>
        {main.map((r) => item(r))}
        {more.map((r) => item(r, 'nav-more'))}
        <li className="nav-menu">
          <Link href="/more" aria-current={current === '/more' ? 'page' : undefined}>
            Ещё
          </Link>
        </li>
      </ul>
    </nav>
  );
}

function OfflineBanner() {
  const offline = useOffline();
  if (!offline) return null;
  return (
    <div className="offline" role="status">
      Нет связи. Показаны последние сохранённые данные; отправка недоступна.
    </div>
  );
}
