import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import { formatDate, formatDateTime } from '../../lib/format';
import { addPasskey, passkeysSupported } from '../../lib/passkeys';
import { Button, Card, ErrorMessage, Notice, Skeleton } from '../../ui/ui';

/** Passkeys of this person: sign-in with the phone's fingerprint or face, without password or code. */
export function Passkeys({ deviceName }: { deviceName: string }) {
  const client = useQueryClient();
  const q = useQuery({ queryKey: ['passkeys'], queryFn: () => ok(api.GET('/api/v1/me/passkeys')) });
  const refresh = () => client.invalidateQueries({ queryKey: ['passkeys'] });
  const add = useMutation({ mutationFn: () => addPasskey(deviceName), onSuccess: refresh });
  const remove = useMutation({
    mutationFn: (id: string) => ok(api.DELETE('/api/v1/me/passkeys/{id}', { params: { path: { id } } })),
    onSuccess: refresh,
  });
  const supported = passkeysSupported();
  return (
    <Card>
      <h2>Ключи доступа</h2>
      <p className="muted">
        Вход по отпечатку пальца, лицу или PIN-коду этого устройства — без пароля и кода из письма.
      </p>
      {q.isPending ? (
        <Skeleton height={48} />
      ) : q.isError ? (
        <ErrorMessage error={q.error} retry={() => void q.refetch()} />
      ) : q.data.items.length ? (
        <ul className="people" aria-label="Добавленные ключи доступа">
          {q.data.items.map((p) => (
            <li key={p.id} className="person">
              <div>
                <strong>{p.name}</strong>
                <br />
                <span className="muted">
                  добавлен {formatDate(p.createdAt)}
                  {p.lastUsedAt ? ` · вход ${formatDateTime(p.lastUsedAt)}` : ''}
                </span>
              </div>
              <Button
                kind="secondary"
                busy={remove.isPending && remove.variables === p.id}
                onClick={() => remove.mutate(p.id)}
                aria-label={`Удалить ключ доступа: ${p.name}`}
              >
                Удалить
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <p>Ключей доступа пока нет.</p>
      )}
      {add.isSuccess ? <Notice kind="success">Ключ доступа добавлен. Теперь можно входить с ним.</Notice> : null}
      {add.isError ? <ErrorMessage error={add.error} /> : null}
      {remove.isError ? <ErrorMessage error={remove.error} /> : null}
      {supported ? (
        <Button kind="secondary" busy={add.isPending} onClick={() => add.mutate()}>
          Добавить ключ доступа
        </Button>
      ) : (
        <Notice>Этот браузер не умеет работать с ключами доступа.</Notice>
      )}
    </Card>
  );
}
