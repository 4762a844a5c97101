// Судебные решения: the organisation's record of court-confirmed debt per account (the basis of the answers
// the hub proposes to debt requests), imported from a file with each line's result, removed when entered by
// mistake. Changes need debts.answer (the API checks it too).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { formatDate, formatMoney } from '../../../lib/format';
import { Button, ErrorMessage, Notice, ScrollTable, SkeletonCards } from '../../../ui/ui';
import { ok, type Schemas, staffApi, useStaffKey } from '../../api';
import { useCan } from '../../permissions';
import { FileSendField, RowErrorsTable } from '../file-import';
import { COLUMNS, type RowError, readCourtDecisions, rowMessage } from './court-csv';

type CourtDecision = Schemas['CourtDecision'];

const fio = (d: CourtDecision['debtor']) => [d.lastName, d.firstName, d.middleName].filter(Boolean).join(' ');

export function CourtDecisions() {
  const key = useStaffKey();
  const can = useCan();
  const list = useQuery({
    queryKey: key('court-decisions'),
    queryFn: () => ok(staffApi.GET('/api/v1/org/court-decisions')),
  });
  const items = list.data?.items ?? [];
  return (
    <section className="stack" aria-labelledby="court-title">
      <h2 id="court-title">Судебные решения</h2>
      <p className="muted">
        Задолженность по лицевым счетам, подтверждённая судом. По этим решениям и текущему долгу по счёту Домхаб
        предлагает ответ на запросы о задолженности; погашенные решения не учитываются.
      </p>
      {can('debts.answer') ? <CourtImport /> : null}
      {list.isPending ? (
        <SkeletonCards count={3} height={48} />
      ) : list.isError ? (
        <ErrorMessage error={list.error} retry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <Notice>Судебных решений пока нет.</Notice>
      ) : (
        <div className="card">
          <ScrollTable label="Судебные решения">
            <table className="staff-table debt-table">
              <thead>
                <tr>
                  <th scope="col">Решение суда</th>
                  <th scope="col">Сумма и состояние</th>
                  {can('debts.answer') ? (
                    <th scope="col">
                      <span className="visually-hidden">Действия</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {items.map((d) => (
                  <DecisionRow key={d.id} decision={d} editable={can('debts.answer')} />
                ))}
              </tbody>
            </table>
          </ScrollTable>
        </div>
      )}
    </section>
  );
}

function DecisionRow({ decision: d, editable }: { decision: CourtDecision; editable: boolean }) {
  const key = useStaffKey();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({
    mutationFn: () => ok(staffApi.DELETE('/api/v1/org/court-decisions/{id}', { params: { path: { id: d.id } } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: key('court-decisions') }),
  });
  return (
    <tr>
      <td>
        <span className="nowrap">№ {d.caseNumber}</span>{' '}
        <span className="muted nowrap">от {formatDate(d.decidedOn)}</span>
        <div>{fio(d.debtor)}</div>
        <div className="muted">л/с {d.accountNumber}</div>
      </td>
      <td>
        <div className="nowrap">{formatMoney(d.amount)}</div>
        {d.repaidOn ? (
          <span className="badge">Погашено {formatDate(d.repaidOn)}</span>
        ) : (
          <span className="badge badge-danger">Не погашено</span>
        )}
      </td>
      {editable ? (
        <td className="staff-actions staff-actions-wrap">
          {remove.isError ? <ErrorMessage error={remove.error} /> : null}
          {confirming ? (
            <span className="staff-confirm">
              <Button kind="danger" busy={remove.isPending} onClick={() => remove.mutate()}>
                Удалить
              </Button>
              <Button kind="link" onClick={() => setConfirming(false)}>
                Отмена
              </Button>
            </span>
          ) : (
            <Button
              kind="secondary"
              aria-label={`Удалить решение по делу № ${d.caseNumber}`}
              onClick={() => setConfirming(true)}
            >
              Удалить
            </Button>
          )}
        </td>
      ) : null}
    </tr>
  );
}

interface ImportOutcome {
  created: number;
  updated: number;
  errors: RowError[];
}

/** A CSV of decisions: read here, sent as one import, each line's error shown by its line number. */
function CourtImport() {
  const key = useStaffKey();
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const send = useMutation({
    mutationFn: async (file: File): Promise<ImportOutcome> => {
      const { rows, errors } = readCourtDecisions(await file.text());
      if (!rows.length) return { created: 0, updated: 0, errors };
      const { results } = await ok(
        staffApi.POST('/api/v1/org/court-decisions/import', { body: { items: rows.map((r) => r.row) } }),
      );
      const out: ImportOutcome = { created: 0, updated: 0, errors: [...errors] };
      for (const r of results) {
        if (r.status === 'created') out.created++;
        else if (r.status === 'updated' || r.status === 'unchanged') out.updated++;
        else
          out.errors.push({
            line: rows[r.index]!.line,
            key: r.key,
            message: (r.errors ?? []).map((e) => rowMessage(e.message)).join('; ') || 'строка не принята',
          });
      }
      out.errors.sort((a, b) => a.line - b.line);
      return out;
    },
    onSuccess: (o) => {
      setOutcome(o);
      void queryClient.invalidateQueries({ queryKey: key('court-decisions') });
    },
  });
  return (
    <div className="card">
      <h3>Загрузить из файла</h3>
      <FileSendField
        label="Файл CSV"
        accept=".csv,text/csv"
        busy={send.isPending}
        onFile={(file) => send.mutate(file)}
        hint={
          <>
            Разделитель «;», по решению в строке, столбцы: {COLUMNS.join(', ')}. Даты в виде дд.мм.гггг, строка
            заголовков допускается. Решение по тому же делу обновляется.
          </>
        }
      />
      {send.isError ? <ErrorMessage error={send.error} /> : null}
      {outcome && !send.isPending ? (
        <>
          <Notice kind={outcome.errors.length ? 'warning' : 'success'}>
            Добавлено: {outcome.created}, обновлено: {outcome.updated}, с ошибками: {outcome.errors.length}
          </Notice>
          {outcome.errors.length ? (
            <RowErrorsTable
              where="Дело"
              errors={outcome.errors.map((e) => ({
                row: e.line,
                where: e.key ? `№ ${e.key}` : null,
                message: e.message,
              }))}
            />
          ) : null}
        </>
      ) : null}
    </div>
  );
}
