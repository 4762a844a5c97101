// Подтверждения (issue 15, screen 4): what residents asked the organisation to confirm — links to
// accounts, meter (re)registrations, changes of the number of registered residents — one tab each, kept
// in the address (?tab=…&house=…) so the home's counts lead straight to a tab and a reload keeps it.
import '../admin.css';
import './approvals.css';
import { useQuery } from '@tanstack/react-query';
import { Link, useLocation, useSearch } from 'wouter';
import { Field } from '../../../ui/fields';
import { Page } from '../../../ui/ui';
import { ok, staffApi, useHouses, useStaffKey } from '../../api';
import { LinkRequests } from './LinkRequests';
import { MeterRegistrations } from './MeterRegistrations';
import { ResidentChanges } from './ResidentChanges';

export type Tab = 'links' | 'meters' | 'residents';

const TABS: { tab: Tab; title: string; count: string }[] = [
  { tab: 'links', title: 'Привязка лицевых счетов', count: 'accounts.linkRequests' },
  { tab: 'meters', title: 'Регистрация счётчиков', count: 'meters.registrations' },
  { tab: 'residents', title: 'Число проживающих', count: 'accounts.residentChanges' },
];

/** The tab and the house filter of the address, and a link to another tab or house. */
function useApprovalsFilters() {
  const params = new URLSearchParams(useSearch());
  const [, navigate] = useLocation();
  const asked = params.get('tab');
  const tab: Tab = TABS.some((t) => t.tab === asked) ? (asked as Tab) : 'links';
  const houseId = params.get('house') ?? undefined;
  const href = (next: { tab?: Tab; houseId?: string | undefined }) => {
    const q = new URLSearchParams({ tab: next.tab ?? tab });
    const house = 'houseId' in next ? next.houseId : houseId;
    if (house) q.set('house', house);
    return `/approvals?${q.toString()}`;
  };
  return { tab, houseId, href, go: (next: Parameters<typeof href>[0]) => navigate(href(next), { replace: true }) };
}

export default function ApprovalsScreen() {
  const key = useStaffKey();
  const houses = useHouses();
  const { tab, houseId, href, go } = useApprovalsFilters();
  // The home's counts: each tab's badge; refreshed after every decision.
  const summary = useQuery({
    queryKey: key('summary'),
    queryFn: () => ok(staffApi.GET('/api/v1/org/summary')),
    refetchInterval: 60_000,
    // Asked again on opening the screen: the home's copy may be older than the requests residents just sent.
    staleTime: 0,
  });
  const countOf = (name: string) => summary.data?.items.find((i) => i.key === name)?.count;
  const current = TABS.find((t) => t.tab === tab)!;
  return (
    <Page title="Заявки на подтверждение">
      <p className="muted">
        Жители просят привязать лицевой счёт, ввести в учёт счётчик или изменить число зарегистрированных. Заявка уходит
        из списка, как только вы её подтвердили или отклонили; причину отказа житель увидит в кабинете.
      </p>
      <nav className="approval-tabs" aria-label="Виды заявок">
        <ul>
          {TABS.map((t) => {
            const n = countOf(t.count);
            return (
              <li key={t.tab}>
                <Link
                  href={href({ tab: t.tab })}
                  className={`tab ${t.tab === tab ? 'tab-active' : ''}`}
                  aria-current={t.tab === tab ? 'page' : undefined}
                  // A tab's own list is asked again when it opens; so are the counts beside the tabs.
                  onClick={() => void summary.refetch()}
                >
                  {t.title}
                  {n !== undefined ? (
                    <span className={`approval-count ${n > 0 ? 'approval-count-some' : ''}`}>
                      {n}
                      <span className="visually-hidden"> ждут решения</span>
                    </span>
                  ) : null}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      {tab !== 'meters' ? (
        <div className="staff-filters">
          <div className="staff-filter-wide approval-house">
            <Field label="Дом">
              <select value={houseId ?? ''} onChange={(e) => go({ houseId: e.target.value || undefined })}>
                <option value="">все дома</option>
                {houses.data?.items.map((h) => (
                  <option key={h.id} value={h.id}>
                    {h.fullAddress}
                  </option>
                ))}
              </select>
            </Field>
          </div>
        </div>
      ) : null}
      <section className="stack" aria-labelledby="approvals-tab-title">
        <h2 id="approvals-tab-title" className="visually-hidden">
          {current.title}
        </h2>
        {tab === 'links' ? <LinkRequests houseId={houseId} /> : null}
        {tab === 'meters' ? <MeterRegistrations /> : null}
        {tab === 'residents' ? <ResidentChanges houseId={houseId} /> : null}
      </section>
    </Page>
  );
}
