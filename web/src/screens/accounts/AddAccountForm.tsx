import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { api, ApiError, ok, type components } from '../../api/client';
import { fieldMessages } from '../../lib/problems';
import { Button, Card, ErrorMessage, Notice } from '../../ui/ui';

type House = components['schemas']['HouseHit'];
type Kind = 'accountNumber' | 'unifiedNumber' | 'serviceId';
type Proof = 'surname' | 'code' | 'organisation';

const KINDS: { value: Kind; label: string; hint: string }[] = [
  { value: 'accountNumber', label: 'Номер лицевого счёта', hint: 'Как в квитанции' },
  { value: 'unifiedNumber', label: 'ЕЛС', hint: '10 знаков, единый лицевой счёт ГИС ЖКХ' },
  { value: 'serviceId', label: 'ИЖКУ', hint: '13 знаков, идентификатор ЖКУ' },
];

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/** "Добавить помещение": the house from the registry, the account's identifier, and a proof. */
export function AddAccountForm({ onClose }: { onClose: () => void }) {
  const client = useQueryClient();
  const ids = { q: useId(), list: useId(), id: useId(), surname: useId(), comment: useId(), code: useId() };
  const [query, setQuery] = useState('');
  const [house, setHouse] = useState<House | null>(null);
  const [kind, setKind] = useState<Kind>('accountNumber');
  const [identifier, setIdentifier] = useState('');
  const [proof, setProof] = useState<Proof>('surname');
  const [surname, setSurname] = useState('');
  const [comment, setComment] = useState('');
  const [code, setCode] = useState('');
  const search = useDebounced(query.trim(), 300);
  const houses = useQuery({
    queryKey: ['houses', search],
    queryFn: () => ok(api.GET('/api/v1/registry/houses', { params: { query: { q: search, limit: 8 } } })),
    enabled: !house && search.length >= 3,
    staleTime: 60_000,
  });
  const link = useMutation({
    mutationFn: () =>
      ok(
        api.POST('/api/v1/me/accounts', {
          body: {
            houseId: house!.id,
            [kind]: identifier.trim(),
            proof:
              proof === 'surname'
                ? { method: 'surname', surname: surname.trim() }
                : proof === 'code'
                  ? { method: 'code' }
                  : { method: 'organisation', ...(comment.trim() ? { comment: comment.trim() } : {}) },
          },
        }),
      ),
    onSuccess: (r) => {
      void client.invalidateQueries({ queryKey: ['link-requests'] });
      if (r.status === 'linked') void client.invalidateQueries();
    },
  });
  const confirm = useMutation({
    mutationFn: (requestId: string) =>
      ok(
        api.POST('/api/v1/me/account-link-requests/{requestId}/confirm', {
          params: { path: { requestId } },
          body: { code: code.trim() },
        }),
      ),
    onSuccess: () => client.invalidateQueries(),
  });

  const fields = fieldMessages(link.error instanceof ApiError ? link.error.problem : undefined);
  const result = confirm.data ?? link.data;
  if (result?.status === 'linked') {
    return (
      <Card className="section">
        <Notice kind="success">Помещение добавлено.</Notice>
        <Button kind="secondary" onClick={onClose}>
          Готово
        </Button>
      </Card>
    );
  }
  if (link.data?.status === 'code_sent' && link.data.requestId) {
    const requestId = link.data.requestId;
    return (
      <Card className="section">
        <h2>Код подтверждения</h2>
        <p>Мы отправили код на контакт, указанный в лицевом счёте. Введите его здесь.</p>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            confirm.mutate(requestId);
          }}
        >
          <div className="field">
            <label htmlFor={ids.code}>Код</label>
            <input
              id={ids.code}
              value={code}
              onChange={(e) => setCode(e.target.value)}
              inputMode="numeric"
              required
              autoComplete="one-time-code"
            />
          </div>
          {confirm.isError ? <ErrorMessage error={confirm.error} /> : null}
          <Button type="submit" busy={confirm.isPending}>
            Подтвердить
          </Button>
        </form>
      </Card>
    );
  }
  if (link.data?.status === 'pending') {
    return (
      <Card className="section">
        <Notice kind="info">
          Заявка отправлена в управляющую организацию. Помещение появится в кабинете после её одобрения.
        </Notice>
        <Button kind="secondary" onClick={onClose}>
          Закрыть
        </Button>
      </Card>
    );
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (house) link.mutate();
  };
  return (
    <Card className="section">
      <form onSubmit={submit} noValidate>
        <h2>Добавить помещение</h2>
        <div className="field">
          <label htmlFor={ids.q}>Адрес дома</label>
          {house ? (
            <div className="chosen">
              <span>
                {house.fullAddress}
                {house.organisationName ? <span className="muted"> · {house.organisationName}</span> : null}
              </span>
              <Button kind="link" onClick={() => setHouse(null)}>
                Изменить
              </Button>
            </div>
          ) : (
            <>
              <input
                id={ids.q}
                value={query}
                onChange={(e) => setQuery(e.target.value)}
                autoComplete="off"
                placeholder="Например: Профсоюзная 43"
                aria-describedby={`${ids.q}-hint`}
                aria-controls={ids.list}
              />
              <span id={`${ids.q}-hint`} className="hint">
                Начните вводить улицу и номер дома
              </span>
              <div id={ids.list} aria-live="polite" className="suggestions">
                {search.length >= 3 && houses.isFetching && !houses.data ? <p className="muted">Ищем…</p> : null}
                {houses.data && houses.data.items.length === 0 ? <p className="muted">Дом не найден</p> : null}
                {houses.data && houses.data.items.length > 0 ? (
                  <ul className="plain-list" aria-label="Найденные дома">
                    {houses.data.items.map((h) => (
                      <li key={h.id}>
                        <button type="button" className="suggestion" onClick={() => setHouse(h)}>
                          {h.fullAddress}
                          {h.organisationName ? <span className="muted"> · {h.organisationName}</span> : null}
                        </button>
                      </li>
                    ))}
                  </ul>
                ) : null}
                {houses.isError ? <ErrorMessage error={houses.error} /> : null}
              </div>
            </>
          )}
          {fields.houseId ? <span className="field-error">{fields.houseId}</span> : null}
        </div>
        <fieldset>
          <legend>Что указано в квитанции</legend>
          {KINDS.map((k) => (
            <label key={k.value} className="choice">
              <input
                type="radio"
                name="kind"
                value={k.value}
                checked={kind === k.value}
                onChange={() => setKind(k.value)}
              />
              <span>
                {k.label} <span className="hint">· {k.hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor={ids.id}>{KINDS.find((k) => k.value === kind)!.label}</label>
          <input
            id={ids.id}
            value={identifier}
            onChange={(e) => setIdentifier(e.target.value)}
            required
            aria-invalid={fields[kind] ? true : undefined}
            autoComplete="off"
          />
          {fields[kind] ? <span className="field-error">{fields[kind]}</span> : null}
        </div>
        <fieldset>
          <legend>Как подтвердить</legend>
          <label className="choice">
            <input type="radio" name="proof" checked={proof === 'surname'} onChange={() => setProof('surname')} />
            <span>Фамилия собственника, как в лицевом счёте</span>
          </label>
          <label className="choice">
            <input type="radio" name="proof" checked={proof === 'code'} onChange={() => setProof('code')} />
            <span>Код на почту или телефон, указанные в лицевом счёте</span>
          </label>
          <label className="choice">
            <input
              type="radio"
              name="proof"
              checked={proof === 'organisation'}
              onChange={() => setProof('organisation')}
            />
            <span>Подтверждение управляющей организацией</span>
          </label>
        </fieldset>
        {proof === 'surname' ? (
          <div className="field">
            <label htmlFor={ids.surname}>Фамилия собственника</label>
            <input
              id={ids.surname}
              value={surname}
              onChange={(e) => setSurname(e.target.value)}
              required
              autoComplete="family-name"
              aria-invalid={fields['proof.surname'] ? true : undefined}
            />
            {fields['proof.surname'] ? <span className="field-error">{fields['proof.surname']}</span> : null}
          </div>
        ) : null}
        {proof === 'organisation' ? (
          <div className="field">
            <label htmlFor={ids.comment}>Комментарий для организации (необязательно)</label>
            <textarea id={ids.comment} value={comment} onChange={(e) => setComment(e.target.value)} maxLength={1000} />
          </div>
        ) : null}
        {link.isError ? <ErrorMessage error={link.error} /> : null}
        <div className="card-actions">
          <Button type="submit" busy={link.isPending} disabled={!house || !identifier.trim()}>
            Добавить
          </Button>
          <Button kind="link" onClick={onClose}>
            Отмена
          </Button>
        </div>
      </form>
    </Card>
  );
}
