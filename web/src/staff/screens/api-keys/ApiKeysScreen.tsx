// Ключи API (issue 15, screen 10): the organisation's API keys and OAuth clients with what each may do,
// a new one issued from permissions (its secret shown once, here, with a copy button) and a revoke.
// For those holding api-keys.manage (pages.ts); the API checks it too.
import '../admin.css';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { ApiError } from '../../../api/client';
import { formatDate, formatDateTime } from '../../../lib/format';
import { fieldMessages } from '../../../lib/problems';
import { FieldError, TextField } from '../../../ui/fields';
import { Button, Card, ErrorMessage, Notice, Page, ScrollTable, SkeletonCards } from '../../../ui/ui';
import { ok, type Schemas, staffApi, useStaffKey } from '../../api';
import {
  ALL_PERMISSIONS,
  type LabelledPermission as Permission,
  PERMISSION_LABELS,
  permissionLabel,
} from '../../permission-labels';

type ApiClient = Schemas['ApiClient'];
type Issued = Schemas['IssuedApiClient'];
type Kind = ApiClient['kind'];

const KIND: Record<Kind, string> = { api_key: 'Ключ API', oauth_client: 'Клиент OAuth' };

export default function ApiKeysScreen() {
  const [creating, setCreating] = useState(false);
  const [issued, setIssued] = useState<Issued>();
  return (
    <Page
      title="Ключи API"
      actions={creating || issued ? null : <Button onClick={() => setCreating(true)}>Новый ключ</Button>}
    >
      <p className="muted">
        Ключи дают программам организации (учётной системе, биллингу, сайту) доступ к API Домхаба с выбранными правами.
        Дайте ключу только те права, которые нужны программе.
      </p>
      {issued ? <Secret issued={issued} onDone={() => setIssued(undefined)} /> : null}
      {creating ? (
        <NewKeyForm
          onIssued={(k) => {
            setCreating(false);
            setIssued(k);
          }}
          onCancel={() => setCreating(false)}
        />
      ) : null}
      <Keys />
    </Page>
  );
}

function Keys() {
  const key = useStaffKey();
  const list = useQuery({
    queryKey: key('api-keys'),
    queryFn: () => ok(staffApi.GET('/api/v1/org/api-keys')),
  });
  const items = list.data?.items ?? [];
  return (
    <section className="stack" aria-labelledby="keys-title">
      <h2 id="keys-title">Выданные ключи</h2>
      {list.isPending ? (
        <SkeletonCards count={2} height={48} />
      ) : list.isError ? (
        <ErrorMessage error={list.error} retry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <Notice>Ключей пока нет.</Notice>
      ) : (
        <ScrollTable label="Ключи API">
          <table className="staff-table">
            <thead>
              <tr>
                <th scope="col">Ключ</th>
                <th scope="col">Права</th>
                <th scope="col">Создан и использован</th>
                <th scope="col">Состояние</th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <KeyRow key={c.id} client={c} />
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </section>
  );
}

function KeyRow({ client: c }: { client: ApiClient }) {
  const key = useStaffKey();
  const client = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const revoke = useMutation({
    mutationFn: () => ok(staffApi.DELETE('/api/v1/org/api-keys/{id}', { params: { path: { id: c.id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: key('api-keys') }),
  });
  const all = ALL_PERMISSIONS.every((p) => c.permissions.includes(p));
  return (
    <>
      <tr className={c.revokedAt ? 'staff-row-off' : undefined}>
        <th scope="row" className="staff-row-head">
          {c.name}
          <span className="block muted key-kind">
            {KIND[c.kind] ?? c.kind} <span className="mono nowrap">{c.keyPrefix}…</span>
          </span>
        </th>
        <td>
          {all ? (
            'Все права'
          ) : (
            <ul className="perm-list">
              {c.permissions.map((p) => (
                <li key={p}>{permissionLabel(p)}</li>
              ))}
            </ul>
          )}
        </td>
        <td>
          {formatDate(c.createdAt)}
          <span className="block muted">
            {c.lastUsedAt ? `обращение ${formatDateTime(c.lastUsedAt)}` : 'обращений не было'}
          </span>
        </td>
        <td className="key-state">
          {c.revokedAt ? (
            <>
              <span className="badge badge-danger">Отозван</span>
              <span className="block muted">{formatDateTime(c.revokedAt)}</span>
            </>
          ) : (
            <>
              <span className="badge badge-success">Действует</span>
              <span className="staff-actions block">
                {confirming ? (
                  <span className="staff-confirm">
                    <Button kind="danger" busy={revoke.isPending} onClick={() => revoke.mutate()}>
                      Отозвать навсегда
                    </Button>
                    <Button kind="link" onClick={() => setConfirming(false)}>
                      Отмена
                    </Button>
                  </span>
                ) : (
                  <Button kind="secondary" aria-label={`Отозвать ключ ${c.name}`} onClick={() => setConfirming(true)}>
                    Отозвать
                  </Button>
                )}
              </span>
            </>
          )}
        </td>
      </tr>
      {confirming && !c.revokedAt ? (
        <tr className="staff-subrow">
          <td colSpan={4}>
            {revoke.isError ? (
              <ErrorMessage error={revoke.error} />
            ) : (
              <p className="hint">Программы с этим ключом сразу перестанут получать доступ. Вернуть ключ нельзя.</p>
            )}
          </td>
        </tr>
      ) : null}
    </>
  );
}

function NewKeyForm({ onIssued, onCancel }: { onIssued: (issued: Issued) => void; onCancel: () => void }) {
  const key = useStaffKey();
  const client = useQueryClient();
  const id = useId();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<Kind>('api_key');
  const [chosen, setChosen] = useState<Permission[]>(['console.view']);
  const [shown, setShown] = useState(false);
  const issue = useMutation({
    mutationFn: (body: { name: string; kind: Kind; permissions: Permission[] }) =>
      ok(staffApi.POST('/api/v1/org/api-keys', { body })),
    onSuccess: async (issued) => {
      await client.invalidateQueries({ queryKey: key('api-keys') });
      onIssued(issued);
    },
  });
  const apiErrors = fieldMessages(issue.error instanceof ApiError ? issue.error.problem : undefined);
  const nameError = shown && !name.trim() ? 'Назовите ключ: например, «1С: выгрузка начислений».' : undefined;
  const permissionsError = shown && chosen.length === 0 ? 'Отметьте хотя бы одно право.' : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setShown(true);
    if (!name.trim() || chosen.length === 0) return;
    issue.mutate({ name: name.trim(), kind, permissions: ALL_PERMISSIONS.filter((p) => chosen.includes(p)) });
  };
  return (
    <Card>
      <form className="staff-form" onSubmit={submit} noValidate aria-label="Новый ключ">
        <h2 className="staff-subtitle">Новый ключ</h2>
        <div className="staff-form-narrow">
          <TextField
            label="Название"
            hint="Чтобы потом понять, какая программа пользуется ключом."
            maxLength={200}
            required
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={nameError ?? (apiErrors.name ? 'Название — до 200 знаков.' : undefined)}
          />
        </div>
        <fieldset>
          <legend>Вид</legend>
          <label className="choice">
            <input type="radio" name={`${id}-kind`} checked={kind === 'api_key'} onChange={() => setKind('api_key')} />
            <span>
              Ключ API <span className="muted">— программа передаёт ключ в заголовке каждого запроса</span>
            </span>
          </label>
          <label className="choice">
            <input
              type="radio"
              name={`${id}-kind`}
              checked={kind === 'oauth_client'}
              onChange={() => setKind('oauth_client')}
            />
            <span>
              Клиент OAuth <span className="muted">— программа получает временные токены по client_id и секрету</span>
            </span>
          </label>
        </fieldset>
        <fieldset className="check-grid" aria-describedby={permissionsError ? `${id}-error` : undefined}>
          <legend>Права</legend>
          {ALL_PERMISSIONS.map((p) => (
            <label key={p} className="choice">
              <input
                type="checkbox"
                checked={chosen.includes(p)}
                onChange={(e) => setChosen(e.target.checked ? [...chosen, p] : chosen.filter((x) => x !== p))}
              />
              <span>{PERMISSION_LABELS[p]}</span>
            </label>
          ))}
          <FieldError id={`${id}-error`} error={permissionsError} />
        </fieldset>
        {issue.isError && !apiErrors.name ? <ErrorMessage error={issue.error} /> : null}
        <div className="row-actions">
          <Button type="submit" busy={issue.isPending}>
            Создать ключ
          </Button>
          <Button kind="link" onClick={onCancel}>
            Отмена
          </Button>
        </div>
      </form>
    </Card>
  );
}

/** The new key's secret, once: a highlighted box, a copy button, the warning. */
function Secret({ issued, onDone }: { issued: Issued; onDone: () => void }) {
  const oauth = issued.kind === 'oauth_client';
  return (
    <section className="secret-panel" aria-labelledby="secret-title">
      <h2 id="secret-title" className="staff-subtitle">
        {oauth ? 'Клиент OAuth создан' : 'Ключ создан'}: {issued.name}
      </h2>
      <p className="secret-warning">
        <strong>Скопируйте {oauth ? 'секрет' : 'ключ'} сейчас и сохраните в надёжном месте.</strong> Больше он не будет
        показан: Домхаб хранит только его отпечаток. Если ключ потеряется, отзовите его и создайте новый.
      </p>
      {oauth ? (
        <>
          <SecretValue label="client_id" value={issued.clientId ?? ''} />
          <SecretValue label="client_secret" value={issued.clientSecret ?? ''} />
        </>
      ) : (
        <SecretValue label="Ключ API" value={issued.key ?? ''} />
      )}
      <div>
        <Button kind="secondary" onClick={onDone}>
          Я сохранил {oauth ? 'секрет' : 'ключ'}, скрыть
        </Button>
      </div>
    </section>
  );
}

function SecretValue({ label, value }: { label: string; value: string }) {
  const id = useId();
  const [copied, setCopied] = useState<boolean>();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      // No clipboard (an old browser, a refused permission): select the text for Ctrl+C.
      const range = document.createRange();
      const node = document.getElementById(id);
      if (node) {
        range.selectNodeContents(node);
        window.getSelection()?.removeAllRanges();
        window.getSelection()?.addRange(range);
      }
      setCopied(false);
    }
  };
  return (
    <div className="secret-value">
      <span className="label">{label}</span>
      <div className="secret-box">
        <code id={id} className="mono">
          {value}
        </code>
        <Button kind="secondary" onClick={() => void copy()}>
          Копировать
        </Button>
      </div>
      <span className="hint" role="status">
        {copied === true ? 'Скопировано.' : copied === false ? 'Не получилось скопировать: нажмите Ctrl+C.' : ''}
      </span>
    </div>
  );
}
