// Requests to link a personal account that wait for the organisation (proof "by the organisation's
// approval"): who asks, for which house and account number, in which role; approve or reject with a reason.
import { useInfiniteQuery } from '@tanstack/react-query';
import type { paths } from '../../../api/schema';
import { formatDate, formatDateTime } from '../../../lib/format';
import { ok, staffApi, useStaffKey } from '../../api';
import { useCan } from '../../permissions';
import { Decision } from './decision';
import { fio, QueueView, useDecided, withFlat } from './queue';

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
  const can = useCan();
  const who = fio(r.person) || r.person.email || 'Житель без имени в профиле';
  const [role, roleOf] = ROLE[r.role];
  return (
    <li className="card approval-card">
      <div className="approval-head">
        <h3>{who}</h3>
        <span className="muted">подан {formatDateTime(r.createdAt)}</span>
      </div>
      <dl className="facts">
        <dt>Адрес</dt>
        <dd>{withFlat(r.address, r.premise)}</dd>
        <dt>{IDENTIFIER[r.identifierKind] ?? 'Введённый номер'}</dt>
        <dd>{r.identifier}</dd>
        <dt>Счёт в базе</dt>
        <dd>
          {r.matchedAccountNumber ? (
            <>л/с {r.matchedAccountNumber}</>
          ) : (
            <span className="badge badge-warning">не найден по этим данным</span>
          )}
        </dd>
        <dt>Просит доступ как</dt>
        <dd>{role}</dd>
        {r.person.email ? (
          <>
            <dt>Эл. почта</dt>
            <dd>{r.person.email}</dd>
          </>
        ) : null}
        {r.comment ? (
          <>
            <dt>Комментарий</dt>
            <dd className="pre-line">{r.comment}</dd>
          </>
        ) : null}
        <dt>Запрос действует до</dt>
        <dd>{formatDate(r.expiresAt)}</dd>
      </dl>
      {can('accounts.approve') ? (
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
      ) : null}
    </li>
  );
}
