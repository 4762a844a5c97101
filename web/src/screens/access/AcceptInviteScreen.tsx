import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'wouter';
import { api, ApiError, ok } from '../../api/client';
import { fieldMessages } from '../../lib/problems';
import { explain, Field } from '../../ui/fields';
import { Button, Card, ErrorMessage, Notice, Page } from '../../ui/ui';
import { roleName } from './roles';

function useAccept() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => ok(api.POST('/api/v1/me/invitations/accept', { body: { code: code.trim() } })),
    onSuccess: () => client.invalidateQueries(),
  });
}

function Accepted({ role }: { role: string }) {
  return (
    <Notice kind="success">
      Приглашение принято: вы — {roleName(role).toLowerCase()}. Помещение появилось в кабинете.{' '}
      <Link href="/">На главную</Link>
    </Notice>
  );
}

/** Entering a code received from an owner (on the access screen). */
export function AcceptByCode() {
  const [code, setCode] = useState('');
  const accept = useAccept();
  const errors = explain(fieldMessages(accept.error instanceof ApiError ? accept.error.problem : undefined), {
    code: 'Введите код из приглашения.',
  });
  if (accept.data) return <Accepted role={accept.data.role} />;
  return (
    <form
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        accept.mutate(code);
      }}
      noValidate
    >
      <Field label="Код приглашения" error={errors.code}>
        <input value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" autoCapitalize="characters" />
      </Field>
      {accept.isError && !errors.code ? <ErrorMessage error={accept.error} /> : null}
      <Button type="submit" kind="secondary" busy={accept.isPending}>
        Принять приглашение
      </Button>
    </form>
  );
}

/** The link from an invitation (/invite/<code>): one button to accept, after signing in. */
export default function AcceptInviteScreen() {
  const { code } = useParams<{ code: string }>();
  const accept = useAccept();
  const decoded = decodeURIComponent(code);
  return (
    <Page title="Приглашение">
      <Card>
        {accept.data ? (
          <Accepted role={accept.data.role} />
        ) : (
          <>
            <p>Вас пригласили в личный кабинет помещения. Примите приглашение, чтобы видеть его счета и показания.</p>
            <p>
              Код приглашения: <strong className="code">{decoded}</strong>
            </p>
            {accept.isError ? <ErrorMessage error={accept.error} /> : null}
            <div className="card-actions">
              <Button busy={accept.isPending} onClick={() => accept.mutate(decoded)}>
                Принять приглашение
              </Button>
              <Link href="/">Не сейчас</Link>
            </div>
          </>
        )}
      </Card>
    </Page>
  );
}
