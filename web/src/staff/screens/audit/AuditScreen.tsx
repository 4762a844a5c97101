// Журнал действий (issue 15, screen 10): the organisation's audit log, newest first, filtered on the
// server by section (the action's prefix), who acted and when, in keyset pages.
import '../admin.css';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { paths } from '../../../api/schema';
import { formatDateTime } from '../../../lib/format';
import { Button, ErrorMessage, Notice, Page, ScrollTable, SkeletonCards } from '../../../ui/ui';
import { DayFilter, dayStart, SelectFilter } from '../filters';
import { ok, staffApi, useStaffKey } from '../../api';
import { OPERATION_LABEL } from '../exchange/labels';
import { ACTOR_TYPE, AUDIT_ACTIONS, AUDIT_SECTIONS, OBJECT_TYPE } from './labels';

type Query = NonNullable<paths['/api/v1/org/audit']['get']['parameters']['query']>;
type Entry = paths['/api/v1/org/audit']['get']['responses'][200]['content']['application/json']['items'][number];

export default function AuditScreen() {
  const key = useStaffKey();
  const [section, setSection] = useState('');
  const [actorId, setActorId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const query: Query = {
    limit: 50,
    ...(section ? { actionPrefix: section } : {}),
    ...(actorId ? { actorId } : {}),
    ...(dayStart(from) ? { from: dayStart(from) } : {}),
    ...(dayStart(to, true) ? { to: dayStart(to, true) } : {}),
  };
  const log = useInfiniteQuery({
    queryKey: key('audit', query),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      ok(staffApi.GET('/api/v1/org/audit', { params: { query: { ...query, cursor: pageParam } } })),
    getNextPageParam: (last) => last.page.nextCursor ?? undefined,
  });
  const entries = log.data?.pages.flatMap((p) => p.items) ?? [];
  // Who acted, from what is loaded: choosing one narrows the log to them on the server.
  const actors = new Map<string, string>();
  for (const e of entries) if (e.actorId && e.actorName) actors.set(e.actorId, e.actorName);
  return (
    <Page title="Журнал действий">
      <fieldset className="staff-filters">
        <legend className="visually-hidden">Отбор записей журнала</legend>
        <SelectFilter
          label="Раздел"
          all="все"
          options={AUDIT_SECTIONS}
          value={section || undefined}
          onChange={(v) => setSection(v ?? '')}
        />
        <SelectFilter
          label="Кто"
          all="все"
          options={[...actors]}
          value={actorId || undefined}
          onChange={(v) => setActorId(v ?? '')}
        />
        <DayFilter label="С" value={from} onChange={setFrom} />
        <DayFilter label="По" value={to} onChange={setTo} />
      </fieldset>
      {log.isPending ? (
        <SkeletonCards count={4} height={40} />
      ) : log.isError ? (
        <ErrorMessage error={log.error} retry={() => void log.refetch()} />
      ) : entries.length === 0 ? (
        <Notice>Записей с такими условиями нет.</Notice>
      ) : (
        <>
          <ScrollTable label="Журнал действий">
            <table className="staff-table">
              <thead>
                <tr>
                  <th scope="col">Когда</th>
                  <th scope="col">Кто</th>
                  <th scope="col">Действие</th>
                  <th scope="col">Подробности</th>
                  <th scope="col">IP</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => (
                  <AuditRow key={e.id} entry={e} />
                ))}
              </tbody>
            </table>
          </ScrollTable>
          {log.hasNextPage ? (
            <div>
              <Button kind="secondary" busy={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
                Показать ещё
              </Button>
            </div>
          ) : null}
        </>
      )}
    </Page>
  );
}

function AuditRow({ entry: e }: { entry: Entry }) {
  const details = Object.entries(e.details)
    .map(([k, v]) => `${OPERATION_LABEL[k] ?? k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join('; ');
  return (
    <tr>
      <td className="nowrap">{formatDateTime(e.at)}</td>
      <td>
        {e.actorName ?? ACTOR_TYPE[e.actorType] ?? e.actorType}
        {e.actorType === 'api_client' && e.actorName ? <span className="muted"> (ключ API)</span> : null}
      </td>
      <td>
        {AUDIT_ACTIONS[e.action] ?? e.action}
        {e.objectType ? (
          <div className="muted">
            {OBJECT_TYPE[e.objectType] ?? e.objectType} <span className="mono">{e.objectId?.slice(0, 8)}</span>
          </div>
        ) : null}
      </td>
      <td className="audit-details">{details || <span className="muted">—</span>}</td>
      <td className="mono">{e.ip ?? '—'}</td>
    </tr>
  );
}
