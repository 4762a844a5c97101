import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { Page, SkeletonCards, ErrorMessage } from '../../../ui/ui';
import { ok, staffApi, useOrganisation, useStaffKey } from '../../api';
import { staffPageFor } from '../../pages';
import { SUMMARY_LABELS } from './labels';

/** The console's home: what needs action now, each count leading to its list. */
export default function HomeScreen() {
  const org = useOrganisation();
  const key = useStaffKey();
  const summary = useQuery({
    queryKey: key('summary'),
    queryFn: () => ok(staffApi.GET('/api/v1/org/summary')),
    refetchInterval: 60_000,
  });
  return (
    <Page title="Что требует внимания">
      <p className="muted">{org.name}</p>
      {summary.isError ? <ErrorMessage error={summary.error} retry={() => void summary.refetch()} /> : null}
      {summary.isPending ? <SkeletonCards count={4} height={88} /> : null}
      {summary.data?.items.length === 0 ? (
        <div className="card">
          <p>
            Для ваших ролей в этой организации здесь нет счётчиков задач. Разделы, с которыми вы работаете, открываются
            в меню слева.
          </p>
        </div>
      ) : summary.data ? (
        <ul className="staff-counts">
          {summary.data.items.map((item) => {
            const label = SUMMARY_LABELS[item.key] ?? { title: item.key, hint: '' };
            const inConsole = item.link.replace(/^\/staff/, '').split('?')[0] || '/';
            const href = staffPageFor(inConsole) ? `~${item.link}` : null;
            const body = (
              <>
                <span className="staff-count-number">{item.count}</span>
                <span className="staff-count-title">{label.title}</span>
                <span className="staff-count-hint">{label.hint}</span>
              </>
            );
            const cls = `staff-count ${item.count > 0 ? (label.urgent ? 'staff-count-urgent' : 'staff-count-active') : ''}`;
            return (
              <li key={item.key} className={cls}>
                {href ? <Link href={href}>{body}</Link> : <div>{body}</div>}
              </li>
            );
          })}
        </ul>
      ) : null}
    </Page>
  );
}
