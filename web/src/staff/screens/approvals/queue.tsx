// A queue of one tab: loading, error, empty, the cards, «Показать ещё» (keyset pages), and the line that
// says what was just decided (a status region, so a screen reader hears it as the card leaves).
import { type UseInfiniteQueryResult, useQueryClient } from '@tanstack/react-query';
import { Fragment, type ReactNode, useState } from 'react';
import { Button, ErrorMessage, SkeletonCards } from '../../../ui/ui';
import { useStaffKey } from '../../api';
import { useCan } from '../../permissions';
import { dropFromQueue } from './decision';

export const fio = (p: { lastName: string | null; firstName: string | null; middleName: string | null }) =>
  [p.lastName, p.firstName, p.middleName].filter(Boolean).join(' ');

/** "ул. Профсоюзная, д. 43 к1, кв. 14" */
export const withFlat = (address: string, premise: string | null) => (premise ? `${address}, кв. ${premise}` : address);

/** After a decision: the message shown, the row dropped from the loaded pages, the counts asked again. */
export function useDecided<T>(queue: string, idOf: (item: T) => string) {
  const key = useStaffKey();
  const client = useQueryClient();
  const [done, setDone] = useState<{ text: string; kind: 'success' | 'info' } | null>(null);
  const decided = (item: T, text: string, approved: boolean) => {
    setDone({ text, kind: approved ? 'success' : 'info' });
    dropFromQueue<T>(client, key(queue), (i) => idOf(i) === idOf(item));
    void client.invalidateQueries({ queryKey: key('summary') });
  };
  return { done, decided };
}

export function QueueView({
  list,
  count,
  empty,
  done,
  children,
}: {
  list: UseInfiniteQueryResult<unknown>;
  count: number;
  empty: string;
  done: { text: string; kind: 'success' | 'info' } | null;
  children: ReactNode;
}) {
  return (
    <>
      <div role="status" className="approval-done">
        {done ? <div className={`alert alert-${done.kind}`}>{done.text}</div> : null}
      </div>
      {list.isPending ? (
        <SkeletonCards count={2} height={160} />
      ) : list.isError ? (
        <ErrorMessage error={list.error} retry={() => void list.refetch()} />
      ) : count === 0 ? (
        <div className="card">
          <p>{empty}</p>
        </div>
      ) : (
        <>
          <ul className="approval-list">{children}</ul>
          {list.hasNextPage ? (
            <div>
              <Button kind="secondary" busy={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
                Показать ещё
              </Button>
            </div>
          ) : null}
        </>
      )}
    </>
  );
}

/**
 * One item of a queue: its title and when it was sent, its facts as label and value (a row without a
 * value is left out), what else it shows, and the decision, for those who may approve.
 */
export function ApprovalCard({
  title,
  sent,
  facts,
  children,
  decision,
}: {
  title: ReactNode;
  /** «подан 01.12.2026, 10:00» */
  sent: string;
  facts: readonly (readonly [label: string, value: ReactNode, multiline?: 'pre-line'])[];
  children?: ReactNode;
  decision: ReactNode;
}) {
  const can = useCan();
  return (
    <li className="card approval-card">
      <div className="approval-head">
        <h3>{title}</h3>
        <span className="muted">{sent}</span>
      </div>
      <dl className="facts">
        {facts
          .filter(([, value]) => value !== null && value !== undefined && value !== '')
          .map(([label, value, multiline]) => (
            <Fragment key={label}>
              <dt>{label}</dt>
              <dd className={multiline}>{value}</dd>
            </Fragment>
          ))}
      </dl>
      {children}
      {can('accounts.approve') ? decision : null}
    </li>
  );
}
