// Requests to link a personal account that wait for the organisation (proof "by the organisation's
// approval"): who asks, for which house and account number, in which role; approve or reject with a reason.
import { useInfiniteQuery } from '@tanstack/react-query';
import type { paths } from '../../../api/schema';
import { formatDate, formatDateTime } from '../../../lib/format';
import { ok, staffApi, useStaffKey } from '../../api';
import { Decision } from './decision';
import { ApprovalCard, fio, QueueView, useDecided, withFlat } from './queue';

type LinkRequest =
  paths['/api/v1/org/account-link-requests']['get']['responses'][200]['content']['application/json']['items'][number];

const IDENTIFIER: Record<string, string> = {
  number: 'Введённый л/с',
  unified_number: 'Введённый ЕЛС',
  service_id: 'Введённый ИЖКУ',
};
export const ROLE: Record<LinkRequest['role'], [string, string]> = {
  owner: ['Собственник', 'собственника'],
  co_owner: ['Совладелец', 'совладельца'],
  tenant: ['Жилец (наниматель)', 'жильца (нанимателя)'],
};

export function LinkRequests({ houseId }: { houseId?: string }) {
  const key = useStaffKey();
  const query = { limit: 20, ...(houseId ? { houseId } : {}) };
  const list = useInfiniteQuery({
    queryKey: key('approvals-links', query),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      ok(staffApi.GET('/api/v1/org/account-link-requests', { params: { query: { ...query, cursor: pageParam } } })),
    getNextPageParam: (last) => last.page.nextCursor ?? undefined,
    staleTime: 0, // a queue: what residents sent since is shown on every visit
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const { done, decided } = useDecided<LinkRequest>('approvals-links', (r) => r.requestId);
  return (
    <QueueView list={list} count={items.length} empty="Запросов на привязку счетов нет." done={done}>
      {items.map((r) => (
        <LinkRequestCard key={r.requestId} request={r} onDone={(text, approved) => decided(r, text, approved)} />
      ))}
    </QueueView>
  );
}

function LinkRequestCard({
  request: r,
  onDone,
}: {
  request: LinkRequest;
  onDone: (text: string, approved: boolean) => void;
}) {
  const who = fio(r.person) || r.person.email || 'Житель без имени в профиле';
  const [role, roleOf] = ROLE[r.role];
  const matched = r.matchedAccountNumber ? (
    `л/с ${r.matchedAccountNumber}`
  ) : (
    <span className="badge badge-warning">не найден по этим данным</span>
  );
  return (
    <ApprovalCard
      title={who}
      sent={`подан ${formatDateTime(r.createdAt)}`}
      facts={[
        ['Адрес', withFlat(r.address, r.premise)],
        [IDENTIFIER[r.identifierKind] ?? 'Введённый номер', r.identifier],
        ['Счёт в базе', matched],
        ['Просит доступ как', role],
        ['Эл. почта', r.person.email],
        ['Комментарий', r.comment, 'pre-line'],
        ['Запрос действует до', formatDate(r.expiresAt)],
      ]}
      decision={
        <Decision
          subject={who}
          approveLabel="Подтвердить"
          confirmText={
            <>
              Привязать л/с {r.matchedAccountNumber} к жителю {who} в роли {roleOf}? Житель получит доступ к счёту
              сразу.
            </>
          }
          confirmLabel="Да, привязать"
          approveBlocked={
            r.matchedAccountId
              ? undefined
              : 'Такого счёта в этом доме нет — подтвердить нельзя. Отклоните запрос и напишите, что проверить.'
          }
          reasonMax={1000}
          approve={() =>
            ok(
              staffApi.POST('/api/v1/org/account-link-requests/{requestId}/approve', {
                params: { path: { requestId: r.requestId } },
                body: {},
              }),
            )
          }
          reject={(reason) =>
            ok(
              staffApi.POST('/api/v1/org/account-link-requests/{requestId}/reject', {
                params: { path: { requestId: r.requestId } },
                body: { reason },
              }),
            )
          }
          onDone={(approved) =>
            onDone(
              approved
                ? `Счёт ${r.matchedAccountNumber ?? ''} привязан: ${who}.`
                : `Запрос отклонён: ${who}. Причину житель увидит в кабинете.`,
              approved,
            )
          }
        />
      }
    />
  );
}
