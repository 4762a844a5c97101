import { Link } from 'wouter';
import { Page } from '../../../ui/ui';
import { useOrganisation } from '../../api';
import { staffPages } from '../../pages';

export const ROLE_NAMES = { admin: 'администратор', dispatcher: 'диспетчер', accountant: 'бухгалтер' } as const;

/** The console's home: the organisation and the sections. */
export default function HomeScreen() {
  const org = useOrganisation();
  return (
    <Page title="Главная">
      <div className="card">
        <h2>{org.name}</h2>
        <p>Ваши роли: {org.roles.map((r) => ROLE_NAMES[r]).join(', ')}.</p>
        <ul className="plain-list">
          {staffPages
            .filter((p) => p.nav && p.path !== '/')
            .map((p) => (
              <li key={p.path}>
                <Link href={p.path}>{p.title}</Link>
              </li>
            ))}
        </ul>
      </div>
    </Page>
  );
}
