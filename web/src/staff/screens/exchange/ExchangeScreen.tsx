// Обмен с ГИС ЖКХ (issue 15, screen 8): counts per operation and status, the items the state system
// refused with its own words and what to change, retry, and the organisation's on/off switch.
import '../admin.css';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { formatDateTime, formatPeriod } from '../../../lib/format';
import { Field } from '../../../ui/fields';
import { Button, Card, ErrorMessage, Notice, Page, ScrollTable, SkeletonCards } from '../../../ui/ui';
import type { paths } from '../../../api/schema';
import { ok, staffApi, useStaffKey } from '../../api';
import { useCan } from '../../permissions';
import { OBJECT_LABEL, OPERATION_LABEL, operationLabel, STATUS_LABEL, SUMMARY_COLUMNS } from './labels';

type Operation = NonNullable<paths['/api/v1/org/sync/items']['get']['parameters']['query']>['operation'];
type SyncItem =
  paths['/api/v1/org/sync/items']['get']['responses'][200]['content']['application/json']['items'][number];

export default function ExchangeScreen() {
  const key = useStaffKey();
  const can = useCan();
  // The exchange moves on its own (the sweep every minute, answers polled): the screen follows it.
  const summary = useQuery({
    queryKey: key('sync'),
    queryFn: () => ok(staffApi.GET('/api/v1/org/sync')),
    refetchInterval: 15_000,
  });
  return (
    <Page
      title="Обмен с ГИС ЖКХ"
      actions={summary.data && can('sync.manage') ? <Switch enabled={summary.data.enabled} /> : null}
    >
      {summary.isPending ? (
        <SkeletonCards count={2} height={140} />
      ) : summary.isError ? (
        <ErrorMessage error={summary.error} retry={() => void summary.refetch()} />
      ) : (
        <>
          {summary.data.enabled ? null : (
            <Notice kind="warning">
              Обмен выключен: записи копятся в очереди и уйдут в ГИС ЖКХ, когда обмен включат.
            </Notice>
          )}
          <Summary operations={summary.data.operations} />
        </>
      )}
      <Refused />
    </Page>
  );
}

function Switch({ enabled }: { enabled: boolean }) {
  const key = useStaffKey();
  const client = useQueryClient();
  const change = useMutation({
    mutationFn: (next: boolean) => ok(staffApi.PUT('/api/v1/org/sync/settings', { body: { enabled: next } })),
    onSuccess: () => client.invalidateQueries({ queryKey: key('sync') }),
  });
  return (
    <div className="exchange-switch">
      <span className={`badge ${enabled ? 'badge-success' : 'badge-warning'}`}>
        {enabled ? 'Обмен включён' : 'Обмен выключен'}
      </span>
      <Button kind="secondary" busy={change.isPending} onClick={() => change.mutate(!enabled)}>
        {enabled ? 'Выключить обмен' : 'Включить обмен'}
      </Button>
      {change.isError ? <ErrorMessage error={change.error} /> : null}
    </div>
  );
}

function Summary({ operations }: { operations: { operation: string; counts: Record<string, number> }[] }) {
  if (!operations.length) return <Notice>В ГИС ЖКХ ещё ничего не отправлялось.</Notice>;
  const sorted = [...operations].sort(
    (a, b) => Object.keys(OPERATION_LABEL).indexOf(a.operation) - Object.keys(OPERATION_LABEL).indexOf(b.operation),
  );
  return (
    <ScrollTable label="Записи по операциям и состояниям">
      <table className="exchange-summary">
        <caption className="visually-hidden">Записи по операциям и состояниям</caption>
        <thead>
          <tr>
            <th scope="col">Операция</th>
            {SUMMARY_COLUMNS.map((c) => (
              <th key={c.key} scope="col" className="num">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((o) => (
            <tr key={o.operation}>
              <th scope="row">{operationLabel(o.operation)}</th>
              {SUMMARY_COLUMNS.map((c) => {
                const n = c.statuses.reduce((sum, s) => sum + (o.counts[s] ?? 0), 0);
                const alarming = (c.key === 'rejected' || c.key === 'dead') && n > 0;
                return (
                  <td key={c.key} className={`num ${alarming ? 'exchange-alarm' : ''}`}>
                    {n}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

/** Rejected and dead items, oldest first, pages by keyset; each with the state system's text and the hint. */
function Refused() {
  const key = useStaffKey();
  const can = useCan();
  const client = useQueryClient();
  const [operation, setOperation] = useState('');
  const items = useInfiniteQuery({
    queryKey: key('sync-items', 'problems', operation),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      ok(
        staffApi.GET('/api/v1/org/sync/items', {
          params: {
            query: {
              problems: 'true',
              limit: 20,
              after: pageParam,
              ...(operation ? { operation: operation as Operation } : {}),
            },
          },
        }),
      ),
    getNextPageParam: (last) => last.next ?? undefined,
    refetchInterval: 15_000,
  });
  const retry = useMutation({
    mutationFn: (body: { itemIds?: string[]; includeRejected: boolean; operation?: Operation }) =>
      ok(staffApi.POST('/api/v1/org/sync/retry', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: key() }),
  });
  const list: SyncItem[] = items.data?.pages.flatMap((p) => p.items) ?? [];
  const mayRetry = can('sync.manage');
  return (
    <section className="stack" aria-labelledby="refused-title">
      <div className="row-between">
        <h2 id="refused-title">Отказы и сбои</h2>
        <div className="inline-field">
          <Field label="Операция">
            <select value={operation} onChange={(e) => setOperation(e.target.value)}>
              <option value="">все</option>
              {Object.entries(OPERATION_LABEL).map(([op, label]) => (
                <option key={op} value={op}>
                  {label}
                </option>
              ))}
            </select>
          </Field>
        </div>
      </div>
      {retry.isSuccess ? (
        <Notice kind="success">Отправим повторно: {retry.data.requeued} шт. Состояние обновится через минуту.</Notice>
      ) : null}
      {retry.isError ? <ErrorMessage error={retry.error} /> : null}
      {items.isPending ? (
        <SkeletonCards count={2} height={150} />
      ) : items.isError ? (
        <ErrorMessage error={items.error} retry={() => void items.refetch()} />
      ) : list.length === 0 ? (
        <Notice kind="success">ГИС ЖКХ ничего не отклонила: отказов и сбоев нет.</Notice>
      ) : (
        <>
          {mayRetry && list.some((i) => i.status === 'dead') ? (
            <div>
              <Button
                kind="secondary"
                busy={retry.isPending}
                onClick={() =>
                  retry.mutate({ includeRejected: false, ...(operation ? { operation: operation as Operation } : {}) })
                }
              >
                Повторить все сбои обмена
              </Button>
            </div>
          ) : null}
          <ul className="plain-list stack" aria-label="Отклонённые записи">
            {list.map((item) => (
              <RefusedItem
                key={item.id}
                item={item}
                mayRetry={mayRetry}
                busy={retry.isPending && retry.variables?.itemIds?.[0] === item.id}
                onRetry={() => retry.mutate({ itemIds: [item.id], includeRejected: item.status === 'rejected' })}
              />
            ))}
          </ul>
          {items.hasNextPage ? (
            <div>
              <Button kind="secondary" busy={items.isFetchingNextPage} onClick={() => void items.fetchNextPage()}>
                Показать ещё
              </Button>
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}

function RefusedItem({
  item,
  mayRetry,
  busy,
  onRetry,
}: {
  item: SyncItem;
  mayRetry: boolean;
  busy: boolean;
  onRetry: () => void;
}) {
  const [label, tone] = STATUS_LABEL[item.status] ?? [item.status, ''];
  const hint = item.hint;
  return (
    <Card as="li" className="exchange-item">
      <div className="row-between">
        <h3>
          {operationLabel(item.operation)}: {OBJECT_LABEL[item.objectType] ?? item.objectType}{' '}
          {item.objectLabel ? (
            <>
              {item.objectLabel}
              {item.objectPeriod ? ` за ${formatPeriod(item.objectPeriod).toLowerCase()}` : ''}
            </>
          ) : (
            <span className="muted mono" title={item.objectId}>
              {item.objectId.slice(0, 8)}
            </span>
          )}
        </h3>
        <span className={`badge ${tone}`}>{label}</span>
      </div>
      <p className="muted">
        {formatDateTime(item.updatedAt)} · попыток: {item.attempts}
      </p>
      <p>
        <span className="mono">{item.errorCode}</span> {item.errorText}
      </p>
      {hint ? (
        <div className="exchange-hint">
          <p>
            <strong>{hint.title}.</strong> {hint.fix}
          </p>
          {hint.fixAt ? (
            <p>
              <Link href={hint.fixAt.replace(/^\/staff/, '') || '/'}>Перейти к исправлению</Link>
            </p>
          ) : null}
        </div>
      ) : (
        <p className="muted">Этот код ошибки нам не знаком: сверьте данные с ГИС ЖКХ и отправьте повторно.</p>
      )}
      {mayRetry && hint?.retry !== 'never' ? (
        <div>
          <Button kind={hint?.retry === 'now' ? 'primary' : 'secondary'} busy={busy} onClick={onRetry}>
            Отправить повторно
          </Button>
        </div>
      ) : null}
    </Card>
  );
}
