import { Link } from 'wouter';
import { pages } from '../../pages';
import { Page } from '../../ui/ui';

/** The phone's full menu (the bottom bar holds only the main screens). */
export default function MoreScreen() {
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
      </ul>
    </Page>
  );
}
