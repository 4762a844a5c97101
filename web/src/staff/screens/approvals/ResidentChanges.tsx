// Changes of the number of registered residents a resident asked for: confirmed, the number counts from
// the next billing period; or rejected with a reason.
import { useInfiniteQuery } from '@tanstack/react-query';
import type { paths } from '../../../api/schema';
import { countOf, formatDateTime, formatPeriod } from '../../../lib/format';
import { ok, staffApi, useStaffKey } from '../../api';
import { Decision } from './decision';
import { ApprovalCard, QueueView, useDecided, withFlat } from './queue';

type Change =
  paths['/api/v1/org/resident-changes']['get']['responses'][200]['content']['application/json']['items'][number];

const PEOPLE = ['человек', 'человека', 'человек'] as const;

export function ResidentChanges({ houseId }: { houseId?: string }) {
  const key = useStaffKey();
  const query = { limit: 20, ...(houseId ? { houseId } : {}) };
  const list = useInfiniteQuery({
    queryKey: key('approvals-residents', query),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      ok(staffApi.GET('/api/v1/org/resident-changes', { params: { query: { ...query, cursor: pageParam } } })),
    getNextPageParam: (last) => last.page.nextCursor ?? undefined,
    staleTime: 0, // a queue: what residents sent since is shown on every visit
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const { done, decided } = useDecided<Change>('approvals-residents', (c) => c.changeId);
  return (
    <QueueView list={list} count={items.length} empty="Изменений числа проживающих на подтверждении нет." done={done}>
      {items.map((c) => (
        <ChangeCard key={c.changeId} change={c} onDone={(text, approved) => decided(c, text, approved)} />
      ))}
    </QueueView>
  );
}

function ChangeCard({ change: c, onDone }: { change: Change; onDone: (text: string, approved: boolean) => void }) {
  const subject = `л/с ${c.accountNumber}`;
  const people = countOf(c.count, [...PEOPLE]);
  return (
    <ApprovalCard
      title={`Лицевой счёт ${c.accountNumber}: ${people}`}
      sent={`подано ${formatDateTime(c.createdAt)}`}
      facts={[
        ['Адрес', withFlat(c.address, c.premise)],
        ['Будет зарегистрировано', people],
        ['Основание', c.reason, 'pre-line'],
        ['Кто подал', c.source === 'resident' ? 'житель в личном кабинете' : 'управляющая организация'],
      ]}
      decision={
        <Decision
          subject={subject}
          approveLabel="Подтвердить"
          confirmText={`Подтвердить: по л/с ${c.accountNumber} зарегистрировано ${people}? Начисления по числу проживающих изменятся со следующего расчётного периода.`}
          confirmLabel="Да, подтвердить"
          reasonMax={1000}
          approve={() =>
            ok(
              staffApi.POST('/api/v1/org/resident-changes/{changeId}/confirm', {
                params: { path: { changeId: c.changeId } },
              }),
            )
          }
          reject={(reason) =>
            ok(
              staffApi.POST('/api/v1/org/resident-changes/{changeId}/reject', {
                params: { path: { changeId: c.changeId } },
                body: { reason },
              }),
            )
          }
          onDone={(approved, result) => {
            const from = (result as { effectivePeriod?: string | null }).effectivePeriod;
            onDone(
              approved
                ? `Подтверждено: по л/с ${c.accountNumber} ${people}${from ? ` с периода «${formatPeriod(from)}»` : ''}.`
                : `Изменение по л/с ${c.accountNumber} отклонено. Причину житель увидит в кабинете.`,
              approved,
            );
          }}
        />
      }
    />
  );
}
