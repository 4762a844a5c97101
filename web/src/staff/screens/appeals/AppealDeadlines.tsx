import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { Button, ErrorMessage, Notice, ScrollTable, Skeleton } from '../../../ui/ui';
import { ok, type Schemas, staffApi, useStaffKey } from '../../api';
import { useCan } from '../../permissions';
import './appeals.css';

type Deadline = Schemas['AppealDeadlines']['deadlines'][number];

const fromServer = (rows: Deadline[]) => Object.fromEntries(rows.map((d) => [d.type, d.custom ? String(d.days) : '']));

/**
 * The organisation's days to answer each appeal type (GET|PUT /api/v1/org/appeals/deadlines): a field per
 * type, empty for the default. A change moves the due time of appeals already waiting too.
 */
export function AppealDeadlines() {
  const key = useStaffKey();
  const can = useCan();
  const client = useQueryClient();
  const q = useQuery({
    queryKey: key('appeals', 'deadlines'),
    queryFn: () => ok(staffApi.GET('/api/v1/org/appeals/deadlines')),
  });
  // What is typed per type: '' means the default.
  const [typed, setTyped] = useState<Record<string, string>>({});
  useEffect(() => {
    if (q.data) setTyped(fromServer(q.data.deadlines));
  }, [q.data]);
  const rows = q.data?.deadlines ?? [];
  const invalid = rows.filter((d) => {
    const v = typed[d.type] ?? '';
    return v !== '' && !(/^\d{1,2}$/.test(v) && Number(v) >= 1 && Number(v) <= 90);
  });
  const changed = rows.filter((d) => (typed[d.type] ?? '') !== (d.custom ? String(d.days) : ''));
  const save = useMutation({
    mutationFn: () =>
      ok(
        staffApi.PUT('/api/v1/org/appeals/deadlines', {
          body: {
            deadlines: changed.map((d) => ({
              type: d.type,
              days: typed[d.type] ? Number(typed[d.type]) : null,
            })),
          },
        }),
      ),
    onSuccess: (data) => {
      client.setQueryData(key('appeals', 'deadlines'), data);
      void client.invalidateQueries({ queryKey: key('appeals', 'list') });
    },
  });
  const editable = can('settings.manage');
  return (
    <section className="card appeal-deadlines" aria-labelledby="appeal-deadlines">
      <h2 id="appeal-deadlines">Сроки ответа на обращения</h2>
      <p className="muted">
        Календарных дней от подачи обращения (от 1 до 90). Пустое поле — срок по умолчанию: 30 дней по 59-ФЗ, 14 — на
        жалобы и справки о задолженности. Новый срок действует и для обращений, которые уже ждут ответа. Обращения из
        ГИС ЖКХ отвечаются в срок, который назначила ГИС ЖКХ.
      </p>
      {q.isError ? <ErrorMessage error={q.error} retry={() => void q.refetch()} /> : null}
      {q.isPending ? <Skeleton height={300} label="Загрузка" /> : null}
      {rows.length ? (
        <form
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            save.mutate();
          }}
        >
          <ScrollTable label="Сроки ответа по типам обращений">
            <table className="staff-table">
              <thead>
                <tr>
                  <th scope="col">Тип обращения</th>
                  <th scope="col">Дней на ответ</th>
                  <th scope="col">По умолчанию</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((d) => (
                  <tr key={d.type}>
                    <th scope="row">{d.title}</th>
                    <td>
                      <input
                        className="input staff-number"
                        inputMode="numeric"
                        value={typed[d.type] ?? ''}
                        placeholder={String(d.defaultDays)}
                        disabled={!editable}
                        aria-label={`${d.title}: дней на ответ`}
                        aria-invalid={invalid.includes(d) || undefined}
                        onChange={(e) => setTyped((all) => ({ ...all, [d.type]: e.target.value.trim() }))}
                      />
                    </td>
                    <td>{d.defaultDays}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
          {invalid.length ? (
            <Notice kind="warning">
              Срок — целое число дней от 1 до 90: {invalid.map((d) => d.title).join(', ')}.
            </Notice>
          ) : null}
          {save.isError ? <ErrorMessage error={save.error} /> : null}
          {save.isSuccess && !changed.length ? <Notice kind="success">Сроки ответа сохранены</Notice> : null}
          {editable ? (
            <Button type="submit" busy={save.isPending} disabled={invalid.length > 0 || !changed.length}>
              Сохранить сроки ответа
            </Button>
          ) : (
            <p className="muted">Сроки меняет сотрудник с правом менять настройки организации.</p>
          )}
        </form>
      ) : null}
    </section>
  );
}
