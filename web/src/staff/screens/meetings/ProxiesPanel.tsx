import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { formatDateTime } from '../../../lib/format';
import { TextField } from '../../../ui/fields';
import { Button, Card, ErrorMessage, ScrollTable, Skeleton } from '../../../ui/ui';
import { ok, staffApi, useStaffKey } from '../../api';
import { openMeetingFile } from './open-file';
import { useMeetingOwners } from './OwnersPanel';
import { type Meeting, ownerName, type ProxyRow } from './types';

const STATUS: Record<ProxyRow['status'], [string, string]> = {
  pending: ['На проверке', 'badge badge-warning'],
  accepted: ['Принята', 'badge badge-success'],
  rejected: ['Отклонена', 'badge badge-danger'],
};

/** Powers of attorney representatives uploaded: open the document, accept or reject with a note. */
export function ProxiesPanel({ meeting: m }: { meeting: Meeting }) {
  const key = useStaffKey();
  const proxies = useQuery({
    queryKey: key('meeting', m.id, 'proxies'),
    queryFn: () => ok(staffApi.GET('/api/v1/org/meetings/{id}/powers-of-attorney', { params: { path: { id: m.id } } })),
  });
  const owners = useMeetingOwners(m);
  const open = useMutation({
    mutationFn: (fileId: string) => openMeetingFile('/api/v1/org/meetings/{id}/files/{fileId}', { id: m.id, fileId }),
  });
  if (proxies.isPending) return <Skeleton height={200} label="Загрузка доверенностей" />;
  if (proxies.isError) return <ErrorMessage error={proxies.error} retry={() => void proxies.refetch()} />;
  const byId = new Map((owners.data ?? []).map((o) => [o.id, o]));
  return (
    <Card>
      <h2>Доверенности представителей</h2>
      {open.error ? <ErrorMessage error={open.error} /> : null}
      {proxies.data.length === 0 ? (
        <p>Представители ещё не загружали доверенностей.</p>
      ) : (
        <ScrollTable label="Доверенности">
          <table>
            <thead>
              <tr>
                <th scope="col">Собственник</th>
                <th scope="col">Представитель</th>
                <th scope="col">Документ</th>
                <th scope="col">Состояние</th>
                <th scope="col">Решение</th>
              </tr>
            </thead>
            <tbody>
              {proxies.data.map((p) => {
                const o = byId.get(p.ownerId);
                const [label, badge] = STATUS[p.status];
                return (
                  <tr key={p.id}>
                    <td>{o ? `пом. ${o.premiseNumber}, ${ownerName(o)}` : '—'}</td>
                    <td>
                      {p.representativeName ?? '—'}
                      <div className="muted">{formatDateTime(p.createdAt, m.timezone)}</div>
                    </td>
                    <td>
                      <button type="button" className="button link" onClick={() => open.mutate(p.fileId)}>
                        Открыть доверенность
                      </button>
                    </td>
                    <td>
                      <span className={badge}>{label}</span>
                      {p.note ? <div className="muted">{p.note}</div> : null}
                    </td>
                    <td>{p.status === 'pending' && m.status === 'announced' ? <Decide m={m} proxy={p} /> : null}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </Card>
  );
}

function Decide({ m, proxy }: { m: Meeting; proxy: ProxyRow }) {
  const key = useStaffKey();
  const client = useQueryClient();
  const [note, setNote] = useState('');
  const decide = useMutation({
    mutationFn: (accepted: boolean) =>
      ok(
        staffApi.POST('/api/v1/org/meetings/{id}/powers-of-attorney/{proxyId}/decision', {
          params: { path: { id: m.id, proxyId: proxy.id } },
          body: { accepted, note: note.trim() || null },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: key('meeting', m.id) }),
  });
  return (
    <div className="stack staff-decide">
      <TextField
        label="Примечание"
        hint="Обязательно при отказе: что не так с доверенностью"
        value={note}
        onChange={(e) => setNote(e.target.value)}
        maxLength={1000}
      />
      <div className="card-actions">
        <Button busy={decide.isPending && decide.variables} onClick={() => decide.mutate(true)}>
          Принять
        </Button>
        <Button
          kind="danger"
          busy={decide.isPending && !decide.variables}
          disabled={!note.trim()}
          onClick={() => decide.mutate(false)}
        >
          Отклонить
        </Button>
      </div>
      {decide.error ? <ErrorMessage error={decide.error} /> : null}
    </div>
  );
}
