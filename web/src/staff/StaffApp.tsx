// The staff console's shell (mounted at /staff, its own chunk): a header with the organisation
// switcher, the side navigation of pages.ts, the screen. Residents who open /staff are told it is for
// an organisation's staff; signed-out visitors go to the sign-in page and come back.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Suspense, useEffect, useId, useState } from 'react';
import { Link, Redirect, Route, Switch, useLocation } from 'wouter';
import { ErrorBoundary } from '../app/ErrorBoundary';
import { useMe, useSignOut } from '../app/session';
import { api, ok } from '../api/client';
import { BrandMark, Button, ErrorMessage, Page, SkeletonCards } from '../ui/ui';
import {
  initialOrganisation,
  OrganisationContext,
  setStaffOrganisation,
  type StaffOrganisation,
  staffOrganisationsQuery,
} from './api';
import { staffPageFor } from './pages';
import { useCan } from './permissions';
import { type StaffRoute, staffRoutes } from './routes';
import './staff.css';

export default function StaffApp() {
  const me = useMe();
  const [location] = useLocation();
  const orgs = useQuery({ ...staffOrganisationsQuery, enabled: !!me.data });
  const [chosen, setChosen] = useState<StaffOrganisation | undefined>();
  const items = orgs.data?.items;
  const org = (chosen && items?.find((o) => o.id === chosen.id)) ?? (items ? initialOrganisation(items) : undefined);
  // Before any screen asks: every call of this render's children carries the organisation.
  if (org) setStaffOrganisation(org.id);

  if (me.data === null)
    return (
      <Redirect to={`~/signin?next=${encodeURIComponent(`/staff${location}${window.location.search}`)}`} replace />
    );
  if (me.isError || orgs.isError)
    return (
      <Frame>
        <ErrorMessage error={me.error ?? orgs.error} retry={() => void (me.isError ? me.refetch() : orgs.refetch())} />
      </Frame>
    );
  if (!me.data || !items) return <Frame loading />;
  // An invitation link works before the person is staff: accepting it makes them so.
  if (location.startsWith('/invite')) return <AcceptInvitation />;
  if (!org) return <NotStaff />;
  const name = `${me.data.firstName ?? ''} ${me.data.lastName ?? ''}`.trim();
  return (
    <OrganisationContext.Provider value={org}>
      <div className="staff-shell">
        <a className="skip-link" href="#main">
          К содержанию
        </a>
        <Header name={name} orgs={items} org={org} onChoose={setChosen} />
        <Nav />
        <main id="main" className="staff-main" tabIndex={-1}>
          <ErrorBoundary key={`${org.id}${location}`}>
            <Screens />
          </ErrorBoundary>
        </main>
      </div>
    </OrganisationContext.Provider>
  );
}

function Screens() {
  return (
    <Switch>
      {staffRoutes.map((r) => (
        <Route key={r.path} path={r.path}>
          <Screen route={r} />
        </Route>
      ))}
      <Route>
        <Page title="Страница не найдена">
          <p>
            В консоли нет такой страницы. <Link href="/">На главную консоли</Link>
          </p>
        </Page>
      </Route>
    </Switch>
  );
}

function Screen({ route }: { route: StaffRoute }) {
  useEffect(() => {
    document.title = `${route.title} — Консоль Домхаба`;
  }, [route.title]);
  const Lazy = route.screen;
  return (
    <Suspense
      fallback={
        <Page title={route.title}>
          <SkeletonCards />
        </Page>
      }
    >
      <Lazy />
    </Suspense>
  );
}

/** The frame while the person and their organisations load, or around an error. */
function Frame({ loading, children }: { loading?: boolean; children?: React.ReactNode }) {
  return (
    <div className="staff-shell">
      <header className="staff-header">
        <Brand />
      </header>
      <main id="main" className="staff-main staff-main-full">
        {loading ? (
          <Page title="Консоль управляющей организации">
            <SkeletonCards count={2} />
          </Page>
        ) : (
          children
        )}
      </main>
    </div>
  );
}

/** /staff/invite?token=…: the e-mailed link joins the signed-in person to the organisation's staff. */
function AcceptInvitation() {
  const client = useQueryClient();
  const [, navigate] = useLocation();
  const token = new URLSearchParams(window.location.search).get('token') ?? '';
  const accept = useMutation({
    mutationFn: () => ok(api.POST('/api/v1/me/staff-invitations/accept', { body: { token } })),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: staffOrganisationsQuery.queryKey });
      navigate('/', { replace: true });
    },
  });
  useEffect(() => {
    document.title = 'Приглашение в консоль — Домхаб';
  }, []);
  return (
    <Frame>
      <Page title="Приглашение в консоль">
        <div className="card">
          <p>
            Вас пригласили работать в консоли управляющей организации. Примите приглашение, и консоль откроется с
            разделами, которые дают ваши роли.
          </p>
          {accept.isError ? <ErrorMessage error={accept.error} /> : null}
          <p>
            <Button busy={accept.isPending} disabled={!token} onClick={() => accept.mutate()}>
              Принять приглашение
            </Button>
          </p>
        </div>
      </Page>
    </Frame>
  );
}

function NotStaff() {
  useEffect(() => {
    document.title = 'Консоль только для сотрудников — Домхаб';
  }, []);
  return (
    <Frame>
      <Page title="Консоль только для сотрудников">
        <div className="card">
          <p>
            Консоль управляющей организации открывается её сотрудникам: диспетчерам, бухгалтерам, администраторам. Вы
            вошли как житель, и вашей учётной записи не выдан доступ ни к одной организации.
          </p>
          <p>Если вы сотрудник, попросите администратора вашей организации добавить вас, затем войдите снова.</p>
          <p>
            <Link href="~/" className="button primary">
              В личный кабинет
            </Link>
          </p>
        </div>
      </Page>
    </Frame>
  );
}

function Brand() {
  return (
    <Link href="/" className="brand" title="Главная консоли">
      <BrandMark size={28} />
      <span>
        Домхаб <span className="staff-brand-tag">Консоль</span>
      </span>
    </Link>
  );
}

function Header({
  name,
  orgs,
  org,
  onChoose,
}: {
  name: string;
  orgs: StaffOrganisation[];
  org: StaffOrganisation;
  onChoose: (org: StaffOrganisation) => void;
}) {
  const id = useId();
  const client = useQueryClient();
  const signOut = useSignOut();
  const [, navigate] = useLocation();
  const choose = (orgId: string) => {
    const next = orgs.find((o) => o.id === orgId);
    if (!next) return;
    setStaffOrganisation(next.id);
    client.removeQueries({ queryKey: ['staff'] });
    onChoose(next);
    navigate('/');
  };
  return (
    <header className="staff-header">
      <Brand />
      {orgs.length > 1 ? (
        <div className="staff-org">
          <label htmlFor={id} className="visually-hidden">
            Организация
          </label>
          <select id={id} value={org.id} onChange={(e) => choose(e.target.value)}>
            {orgs.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <div className="staff-org staff-org-one">{org.name}</div>
      )}
      <div className="staff-user">
        <span className="staff-user-name">{name}</span>
        <Link href="~/" className="staff-cabinet-link">
          Кабинет жителя
        </Link>
        <button type="button" className="button link" onClick={() => void signOut()}>
          Выйти
        </button>
      </div>
    </header>
  );
}

function Nav() {
  const [location] = useLocation();
  const can = useCan();
  const current = staffPageFor(location)?.path;
  return (
    <nav className="staff-nav" aria-label="Разделы консоли">
      <ul>
        {staffRoutes
          .filter((r) => r.nav && can(r.permission ?? 'console.view'))
          .map((r) => (
            <li key={r.path}>
              <Link
                href={r.path}
                aria-current={
                  current === r.path || (r.path !== '/' && current?.startsWith(`${r.path}/`)) ? 'page' : undefined
                }
              >
                {r.title}
              </Link>
            </li>
          ))}
      </ul>
    </nav>
  );
}
