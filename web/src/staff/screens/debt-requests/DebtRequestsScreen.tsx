import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useLocation, useSearch } from 'wouter';
import { formatDate, formatMoney } from '../../../lib/format';
import { Button, ErrorMessage, Notice, Page, ScrollTable, SkeletonCards, Toggles } from '../../../ui/ui';
import { ok, type Schemas, staffApi, useStaffKey } from '../../api';
import { useCan } from '../../permissions';
import '../admin.css';
import { CourtDecisions } from './CourtDecisions';

type DebtRequest = Schemas['DebtRequest'];
type Debtor = { lastName: string; firstName: string; middleName?: string };
type Filter = 'open' | 'overdue' | 'all';

const STATUS: Record<DebtRequest['status'], string> = {
  new: 'Ждёт ответа',
  queued: 'Отправляется',
  sent: 'Ответ принят ГИС ЖКХ',
  rejected: 'ГИС ЖКХ не приняла ответ',
  auto_answered: 'Ответила ГИС ЖКХ («нет долга»)',
};
const fio = (d: Debtor) => [d.lastName, d.firstName, d.middleName].filter(Boolean).join(' ');
const answerText = (a: { hasDebt: boolean; debtors: Debtor[] }) =>
  a.hasDebt ? `Есть долг: ${a.debtors.map(fio).join(', ')}` : 'Задолженности нет';

type View = 'requests' | 'court';

/**
 * Debt requests of social-protection bodies from the state system: unanswered first by deadline (5 working
 * days), the answer the hub proposes from court decisions and the ledger, confirmed or changed by staff; and
 * the organisation's court decisions (?view=court) those proposals rest on.
 */
export default function DebtRequestsScreen() {
  const search = new URLSearchParams(useSearch());
  const [, navigate] = useLocation();
  const view: View = search.get('view') === 'court' ? 'court' : 'requests';
  const can = useCan();
  const key = useStaffKey();
  const queryClient = useQueryClient();
  const fetchNow = useMutation({
    mutationFn: () => ok(staffApi.POST('/api/v1/org/debt-requests/fetch')),
    onSuccess: () => setTimeout(() => void queryClient.invalidateQueries({ queryKey: key('debt-requests') }), 3000),
  });
  return (
    <Page
      title="Запросы о задолженности"
      actions={
        view === 'requests' && can('debts.answer') ? (
          <Button kind="secondary" busy={fetchNow.isPending} onClick={() => fetchNow.mutate()}>
            Проверить новые в ГИС ЖКХ
          </Button>
        ) : undefined
      }
    >
      <Toggles
        legend="Раздел"
        value={view}
        onChange={(v) => navigate(v === 'court' ? '/debt-requests?view=court' : '/debt-requests', { replace: true })}
        options={[
          ['requests', 'Запросы'],
          ['court', 'Судебные решения'],
        ]}
      />
      {view === 'court' ? (
        <CourtDecisions />
      ) : (
        <Requests overdueFirst={search.get('overdue') === 'true'} fetched={fetchNow.isSuccess} />
      )}
    </Page>
  );
}

function Requests({ overdueFirst, fetched }: { overdueFirst: boolean; fetched: boolean }) {
  const key = useStaffKey();
  const [filter, setFilter] = useState<Filter>(overdueFirst ? 'overdue' : 'open');
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useQuery({
    queryKey: key('debt-requests', filter),
    queryFn: () =>
      ok(
        staffApi.GET('/api/v1/org/debt-requests', {
          params: { query: filter === 'overdue' ? { overdue: 'true' } : filter === 'open' ? { status: 'new' } : {} },
        }),
      ),
    refetchInterval: 30_000,
  });
  const items = list.data?.items ?? [];
  const open = items.find((i) => i.id === openId) ?? null;
  return (
    <>
      <p className="muted">
        Органы соцзащиты спрашивают через ГИС ЖКХ о задолженности, подтверждённой судом. Ответ нужен в течение 5 рабочих
        дней, иначе ГИС ЖКХ ответит «задолженности нет» сама.
      </p>
      {list.data && list.data.overdue > 0 ? (
        <Notice kind="warning">Просрочено запросов: {list.data.overdue}</Notice>
      ) : null}
      {fetched ? <Notice kind="success">Запрос в ГИС ЖКХ отправлен, список обновится.</Notice> : null}
      <Toggles
        legend="Какие запросы показать"
        value={filter}
        onChange={(v) => {
          setFilter(v);
          setOpenId(null);
        }}
        options={[
          ['open', 'Ждут ответа'],
          ['overdue', 'Просроченные'],
          ['all', 'Все'],
        ]}
      />
      {list.isPending ? (
        <SkeletonCards count={3} height={48} />
      ) : list.isError ? (
        <ErrorMessage error={list.error} retry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <div className="card">
          <p>Запросов нет.</p>
        </div>
      ) : (
        <div className="card">
          <ScrollTable label="Запросы о задолженности">
            <table className="debt-table">
              <thead>
                <tr>
                  <th scope="col">Запрос и адрес</th>
                  <th scope="col">Срок ответа</th>
                  <th scope="col">Ответ</th>
                </tr>
              </thead>
              <tbody>
                {items.map((r) => (
                  <tr key={r.id} aria-selected={r.id === openId}>
                    <td>
                      <button type="button" className="button link debt-number" onClick={() => setOpenId(r.id)}>
                        № {r.requestNumber}
                      </button>
                      <div className="muted">{r.requester}</div>
                      <div>{r.address}</div>
                    </td>
                    <td>
                      <div className="nowrap">до {formatDate(r.dueOn)}</div>
                      {r.overdue ? <div className="badge badge-danger">Просрочен</div> : null}
                      <div className="muted">
                        за <span className="nowrap">{formatDate(r.periodFrom)} —</span>{' '}
                        <span className="nowrap">{formatDate(r.periodTo)}</span>
                      </div>
                    </td>
                    <td>
                      {answerText(r.answer ?? r.proposal)}
                      <div className="muted">{STATUS[r.status]}</div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        </div>
      )}
      {open ? <DebtRequestCard request={open} onDone={() => void list.refetch()} /> : null}
    </>
  );
}

function DebtRequestCard({ request: r, onDone }: { request: DebtRequest; onDone: () => void }) {
  const [editing, setEditing] = useState(false);
  const [hasDebt, setHasDebt] = useState(r.proposal.hasDebt);
  const [debtors, setDebtors] = useState(r.proposal.debtors.map(fio).join('\n'));
  const [description, setDescription] = useState(r.proposal.description ?? '');
  const debtorsId = useId();
  const descriptionId = useId();
  const confirm = useMutation({
    mutationFn: () => ok(staffApi.POST('/api/v1/org/debt-requests/{id}/confirm', { params: { path: { id: r.id } } })),
    onSuccess: onDone,
  });
  const answer = useMutation({
    mutationFn: () =>
      ok(
        staffApi.POST('/api/v1/org/debt-requests/{id}/answer', {
          params: { path: { id: r.id } },
          body: {
            hasDebt,
            description: description.trim() || undefined,
            debtors: hasDebt
              ? debtors
                  .split('\n')
                  .map((line) => line.trim().split(/\s+/))
                  .filter((p) => p.length >= 2 && p[0])
                  .map(([lastName, firstName, ...rest]) => ({
                    lastName: lastName!,
                    firstName: firstName!,
                    middleName: rest.join(' ') || undefined,
                  }))
              : [],
          },
        }),
      ),
    onSuccess: () => {
      setEditing(false);
      onDone();
    },
  });
  const can = useCan();
  const answerable = (r.status === 'new' || r.status === 'rejected') && can('debts.answer');
  return (
    <section className="card" aria-labelledby={`debt-${r.id}`}>
      <h2 id={`debt-${r.id}`}>Запрос № {r.requestNumber}</h2>
      <dl className="staff-facts">
        <dt>Орган соцзащиты</dt>
        <dd>{r.requester}</dd>
        <dt>Адрес</dt>
        <dd>{r.address}</dd>
        <dt>Период</dt>
        <dd>
          {formatDate(r.periodFrom)} — {formatDate(r.periodTo)}
        </dd>
        <dt>Получен</dt>
        <dd>{formatDate(r.sentOn)}</dd>
        <dt>Ответить до</dt>
        <dd>
          {formatDate(r.dueOn)} {r.overdue ? <strong>— срок прошёл</strong> : null}
        </dd>
      </dl>
      <h3>{r.answer ? 'Ответ' : 'Предлагаемый ответ'}</h3>
      <p>
        <strong>{answerText(r.answer ?? r.proposal)}</strong>
      </p>
      {(r.answer ?? r.proposal).description ? <p>{(r.answer ?? r.proposal).description}</p> : null}
      {r.proposal.basis.length ? (
        <ScrollTable label="Основание: решения суда">
          <table className="debt-table">
            <thead>
              <tr>
                <th scope="col">Лицевой счёт</th>
                <th scope="col">Решение суда</th>
                <th scope="col">Сумма по решению</th>
                <th scope="col">Долг по счёту сейчас</th>
              </tr>
            </thead>
            <tbody>
              {r.proposal.basis.map((b) => (
                <tr key={`${b.accountId}:${b.caseNumber}`}>
                  <td>{b.accountNumber}</td>
                  <td>
                    <span className="nowrap">№ {b.caseNumber}</span>{' '}
                    <span className="nowrap">от {formatDate(b.decidedOn)}</span>
                  </td>
                  <td className="nowrap">{formatMoney(b.amount)}</td>
                  <td className="nowrap">{formatMoney(b.ledgerDebt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      ) : null}
      {r.error ? <Notice kind="error">{r.error}</Notice> : null}
      {confirm.isError ? <ErrorMessage error={confirm.error} /> : null}
      {answer.isError ? <ErrorMessage error={answer.error} /> : null}
      {answerable && !editing ? (
        <div className="actions">
          <Button busy={confirm.isPending} onClick={() => confirm.mutate()}>
            Отправить этот ответ
          </Button>
          <Button kind="secondary" onClick={() => setEditing(true)}>
            Изменить ответ
          </Button>
        </div>
      ) : null}
      {answerable && editing ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            answer.mutate();
          }}
        >
          <Toggles
            legend="Есть ли задолженность, подтверждённая судом"
            value={hasDebt ? 'yes' : 'no'}
            onChange={(v) => setHasDebt(v === 'yes')}
            options={[
              ['yes', 'Есть задолженность'],
              ['no', 'Задолженности нет'],
            ]}
          />
          {hasDebt ? (
            <div className="field">
              <label htmlFor={debtorsId}>Должники (фамилия имя отчество, по одному в строке)</label>
              <textarea id={debtorsId} rows={3} value={debtors} onChange={(e) => setDebtors(e.target.value)} />
            </div>
          ) : null}
          <div className="field">
            <label htmlFor={descriptionId}>Пояснение (до 1000 знаков)</label>
            <textarea
              id={descriptionId}
              rows={3}
              maxLength={1000}
              value={description}
              onChange={(e) => setDescription(e.target.value)}
            />
          </div>
          <div className="actions">
            <Button type="submit" busy={answer.isPending}>
              Отправить
            </Button>
            <Button kind="secondary" onClick={() => setEditing(false)}>
              Отмена
            </Button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
