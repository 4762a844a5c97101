import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import './meetings.css';
import { useId, useState } from 'react';
import { Link } from 'wouter';
import { countOf } from '../../../lib/format';
import { percent } from '../../../screens/meetings/labels';
import { Button, Card, ErrorMessage, Notice, Page, ScrollTable, Skeleton } from '../../../ui/ui';
import { ok, staffApi, useHouses, useStaffKey } from '../../api';
import { MISMATCH, ownerName, votesText } from './types';

/** A house's owners register with each owner's votes, and its reconciliation against the premises and accounts. */
export default function OwnersRegisterScreen() {
  const key = useStaffKey();
  const client = useQueryClient();
  const houses = useHouses();
  const [chosen, setChosen] = useState('');
  const [filter, setFilter] = useState('');
  const houseField = useId();
  const searchField = useId();
  const houseId = chosen || houses.data?.items[0]?.id || '';
  const params = { params: { path: { houseId } } };
  const register = useQuery({
    queryKey: key('owners-register', houseId),
    queryFn: () => ok(staffApi.GET('/api/v1/org/houses/{houseId}/owners-register', params)),
    enabled: !!houseId,
  });
  const reconciliation = useQuery({
    queryKey: key('owners-register', houseId, 'reconciliation'),
    queryFn: () => ok(staffApi.GET('/api/v1/org/houses/{houseId}/owners-register/reconciliation', params)),
    enabled: !!houseId,
  });
  const build = useMutation({
    mutationFn: () => ok(staffApi.POST('/api/v1/org/houses/{houseId}/owners-register/from-accounts', params)),
    onSuccess: () => client.invalidateQueries({ queryKey: key('owners-register', houseId) }),
  });
  const t = filter.trim().toLowerCase().replace(/ё/g, 'е');
  const owners = (register.data?.owners ?? []).filter(
    (o) => !t || o.premiseNumber === t || ownerName(o).toLowerCase().replace(/ё/g, 'е').includes(t),
  );
  const mismatches = reconciliation.data?.mismatches ?? [];
  const byKind = new Map<string, typeof mismatches>();
  for (const x of mismatches) byKind.set(x.kind, [...(byKind.get(x.kind) ?? []), x]);
  const groups = [...byKind];
  const [limit, setLimit] = useState(100);
  return (
    <Page title="Реестр собственников" actions={<Link href="/meetings">Собрания</Link>}>
      <div className="card staff-filters">
        <div className="field">
          <label htmlFor={houseField}>Дом</label>
          <select id={houseField} value={houseId} onChange={(e) => setChosen(e.target.value)}>
            {houses.data?.items.map((h) => (
              <option key={h.id} value={h.id}>
                {h.fullAddress}
              </option>
            ))}
          </select>
        </div>
        <Button kind="secondary" busy={build.isPending} onClick={() => build.mutate()} disabled={!houseId}>
          Дополнить из лицевых счетов
        </Button>
      </div>
      {build.data ? (
        <Notice kind="success">
          Из лицевых счетов обновлено: {countOf(build.data.touched, ['запись', 'записи', 'записей'])}.
        </Notice>
      ) : null}
      {build.error ? <ErrorMessage error={build.error} /> : null}

      <Card>
        <h2>Сверка с помещениями и лицевыми счетами</h2>
        {reconciliation.isPending ? (
          <Skeleton height={80} label="Загрузка сверки" />
        ) : reconciliation.isError ? (
          <ErrorMessage error={reconciliation.error} retry={() => void reconciliation.refetch()} />
        ) : mismatches.length === 0 ? (
          <p className="alert alert-success">Расхождений нет: у каждого помещения есть собственники, доли сходятся.</p>
        ) : (
          <>
            <p>
              {countOf(mismatches.length, ['расхождение', 'расхождения', 'расхождений'])} на{' '}
              {countOf(reconciliation.data.premises, ['помещение', 'помещения', 'помещений'])}. Собрание можно объявить,
              пока доли помещений не превышают целого; остальное стоит исправить до рассылки.
            </p>
            <ul className="plain-list staff-mismatch-groups" aria-label="Расхождения реестра">
              {groups.map(([kind, list]) => (
                <li key={kind} className={kind === 'shares_exceed_premise' ? 'staff-mismatch' : undefined}>
                  <details>
                    <summary>
                      {MISMATCH[kind] ?? kind}: {list.length}
                    </summary>
                    <ul className="staff-mismatch-list">
                      {list.slice(0, 200).map((x, i) => {
                        const r = x as Record<string, string | null>;
                        const details = [
                          r.owner,
                          r.accountNumber ? `л/с ${r.accountNumber}` : null,
                          r.shares ? `сумма долей ${r.shares}` : null,
                          r.register ? `в реестре ${r.register}` : null,
                          r.account ? `в л/с ${r.account}` : null,
                        ].filter(Boolean);
                        return (
                          // biome-ignore lint/suspicious/noArrayIndexKey: mismatches have no identity of their own
                          <li key={i}>
                            пом. {r.premiseNumber ?? '—'}
                            {details.length ? ` — ${details.join(', ')}` : ''}
                          </li>
                        );
                      })}
                      {list.length > 200 ? <li className="muted">и ещё {list.length - 200}</li> : null}
                    </ul>
                  </details>
                </li>
              ))}
            </ul>
          </>
        )}
      </Card>

      <Card>
        <div className="row-between">
          <h2>Собственники</h2>
          {register.data ? (
            <span className="muted">
              {countOf(register.data.owners.length, ['запись', 'записи', 'записей'])}, всего голосов{' '}
              {votesText(register.data.totalVotes)}
            </span>
          ) : null}
        </div>
        <div className="field staff-search">
          <label htmlFor={searchField}>Найти: номер помещения или фамилия</label>
          <input id={searchField} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
        </div>
        {register.isPending ? (
          <Skeleton height={300} label="Загрузка реестра" />
        ) : register.isError ? (
          <ErrorMessage error={register.error} retry={() => void register.refetch()} />
        ) : (
          <ScrollTable label="Собственники дома">
            <table>
              <thead>
                <tr>
                  <th scope="col">Пом.</th>
                  <th scope="col">Собственник</th>
                  <th scope="col">Доля</th>
                  <th scope="col">Площадь</th>
                  <th scope="col">Голосов</th>
                  <th scope="col">Право собственности</th>
                  <th scope="col">Источник</th>
                </tr>
              </thead>
              <tbody>
                {owners.slice(0, limit).map((o) => (
                  <tr key={o.id}>
                    <td>{o.premiseNumber}</td>
                    <td>{ownerName(o)}</td>
                    <td className="nowrap">
                      {o.shareNumerator}/{o.shareDenominator}
                    </td>
                    <td className="nowrap">{o.area.replace('.', ',')}&nbsp;м²</td>
                    <td className="nowrap">
                      {votesText(o.votes)} <span className="muted">({percent(o.percentOfAll)})</span>
                    </td>
                    <td>{o.titleDocument ?? '—'}</td>
                    <td>{o.source === 'accounts' ? 'лицевой счёт' : 'импорт'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        )}
        {owners.length > limit ? (
          <Button kind="secondary" onClick={() => setLimit(limit + 200)}>
            Показать ещё (всего {owners.length})
          </Button>
        ) : null}
      </Card>
    </Page>
  );
}
