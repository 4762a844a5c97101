import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { categoryName } from '../../../screens/requests/labels';
import { Button, ErrorMessage, Notice, Page, ScrollTable, Skeleton } from '../../../ui/ui';
import { AppealDeadlines } from '../appeals/AppealDeadlines';
import { ok, type Schemas, staffApi, useStaffKey } from '../../api';
import { useCan } from '../../permissions';
import '../admin.css';
import { HouseAreas } from './HouseAreas';
import { PayeeContacts } from './PayeeContacts';

type Deadline = Schemas['TicketDeadlines']['items'][number];

/**
 * The organisation's settings: default deadlines of requests per category, days to answer appeals per type, the
 * contacts and the houses' areas printed on payment documents.
 */
export default function SettingsScreen() {
  return (
    <Page title="Настройки">
      <Deadlines />
      <AppealDeadlines />
      <PayeeContacts />
      <HouseAreas />
    </Page>
  );
}

function Deadlines() {
  const key = useStaffKey();
  const client = useQueryClient();
  const q = useQuery({
    queryKey: key('tickets', 'deadlines'),
    queryFn: () => ok(staffApi.GET('/api/v1/org/tickets/deadlines')),
  });
  const [rows, setRows] = useState<Deadline[]>([]);
  useEffect(() => {
    if (q.data) setRows(q.data.items);
  }, [q.data]);
  const save = useMutation({
    mutationFn: () =>
      ok(
        staffApi.PUT('/api/v1/org/tickets/deadlines', {
          body: {
            items: rows.map(({ category, emergencyHours, regularDays }) => ({ category, emergencyHours, regularDays })),
          },
        }),
      ),
    onSuccess: (data) => client.setQueryData(key('tickets', 'deadlines'), data),
  });
  const admin = useCan()('settings.manage');
  const set = (category: string, field: 'emergencyHours' | 'regularDays', value: string) => {
    const n = Number.parseInt(value, 10);
    setRows((all) => all.map((r) => (r.category === category ? { ...r, [field]: Number.isNaN(n) ? 0 : n } : r)));
  };
  const invalid = rows.some(
    (r) => r.emergencyHours < 1 || r.emergencyHours > 720 || r.regularDays < 1 || r.regularDays > 365,
  );
  return (
    <section className="card" aria-labelledby="deadlines-title">
      <h2 id="deadlines-title">Сроки выполнения заявок</h2>
      <p className="muted">
        Новая заявка получает срок по своей категории: аварийная — в часах, остальные — в календарных днях. Срок
        отдельной заявки диспетчер может изменить в ней самой; уже поданные заявки сохраняют свои сроки.
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
          <ScrollTable label="Сроки по категориям">
            <table className="staff-table">
              <thead>
                <tr>
                  <th scope="col">Категория</th>
                  <th scope="col">Аварийная, часов</th>
                  <th scope="col">Обычная, дней</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.category}>
                    <th scope="row">{categoryName(r.category)}</th>
                    <td>
                      <input
                        className="input staff-number"
                        type="number"
                        min={1}
                        max={720}
                        value={r.emergencyHours || ''}
                        disabled={!admin}
                        aria-label={`${categoryName(r.category)}: аварийная, часов`}
                        onChange={(e) => set(r.category, 'emergencyHours', e.target.value)}
                      />
                    </td>
                    <td>
                      <input
                        className="input staff-number"
                        type="number"
                        min={1}
                        max={365}
                        value={r.regularDays || ''}
                        disabled={!admin}
                        aria-label={`${categoryName(r.category)}: обычная, дней`}
                        onChange={(e) => set(r.category, 'regularDays', e.target.value)}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
          {invalid ? <Notice kind="warning">Часы — от 1 до 720, дни — от 1 до 365.</Notice> : null}
          {save.isError ? <ErrorMessage error={save.error} /> : null}
          {save.isSuccess ? <Notice kind="success">Сроки сохранены</Notice> : null}
          {admin ? (
            <Button type="submit" busy={save.isPending} disabled={invalid}>
              Сохранить сроки
            </Button>
          ) : (
            <p className="muted">Сроки меняет администратор организации.</p>
          )}
        </form>
      ) : null}
    </section>
  );
}
