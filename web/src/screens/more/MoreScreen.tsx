import { Link } from 'wouter';
import { routes } from '../../routes';
import { Page } from '../../ui/ui';

/** The phone's full menu (the bottom bar holds only the main screens). */
export default function MoreScreen() {
  return (
    <Page title="Меню">
      <ul className="menu-list">
        {routes
          .filter((r) => r.nav)
          .map((r) => (
            <li key={r.path}>
              <Link href={r.path}>{r.title}</Link>
            </li>
          ))}
      </ul>
    </Page>
  );
}
