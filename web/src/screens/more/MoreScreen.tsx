import { Link } from 'wouter';
import { useMe } from '../../app/session';
import { pages } from '../../pages';
import { Page } from '../../ui/ui';

/** The phone's full menu (the bottom bar holds only the main screens). */
export default function MoreScreen() {
  const me = useMe();
  return (
    <Page title="Меню">
      <ul className="menu-list">
        {pages
          .filter((p) => p.nav)
          .map((p) => (
            <li key={p.path}>
              <Link href={p.path}>{p.title}</Link>
            </li>
          ))}
        {me.data?.staff.length ? (
          <li>
            <Link href="/staff">Консоль управляющей организации</Link>
          </li>
        ) : null}
      </ul>
    </Page>
  );
}
