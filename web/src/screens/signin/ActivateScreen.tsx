import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Link, useSearch } from 'wouter';
import { api, ok } from '../../api/client';
import { problemMessage } from '../../lib/problems';
import { ErrorMessage, Notice, Skeleton } from '../../ui/ui';
import { useSignedIn } from './local-auth';

/** The page of the activation letter's link: confirms the address (once), signs in, reports the account link. */
export default function ActivateScreen() {
  const token = new URLSearchParams(useSearch()).get('token') ?? '';
  const signedIn = useSignedIn();
  const activate = useMutation({
    mutationFn: () => ok(api.POST('/auth/local/activate', { body: { token } })),
    onSuccess: () => signedIn(),
  });
  // The link works once: React's development double effects must not spend it twice.
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current || !token) return;
    sent.current = true;
    activate.mutate();
  }, [token, activate]);

  const link = activate.data?.accountLink;
  return (
    <div className="card signin-card">
      <h1>Подтверждение почты</h1>
      {!token ? (
        <Notice kind="error">В ссылке нет кода подтверждения. Откройте ссылку из письма целиком.</Notice>
      ) : activate.isError ? (
        <>
          <ErrorMessage error={activate.error} />
          <p>
            <Link href="/signin/register">Зарегистрироваться ещё раз</Link> или <Link href="/signin">войти</Link>.
          </p>
        </>
      ) : activate.isSuccess ? (
        <>
          <Notice kind="success">Адрес подтверждён, вы вошли в личный кабинет.</Notice>
          {link?.status === 'linked' ? (
            <Notice kind="success">Лицевой счёт добавлен в ваш кабинет.</Notice>
          ) : link ? (
            <Notice kind="warning">
              Лицевой счёт не добавлен: {problemMessage(link.code, 404)} Добавьте помещение в разделе «Помещения».
            </Notice>
          ) : null}
          <p className="hint">
            Голосовать на собраниях и подавать обращения с личными данными можно после входа через Госуслуги или
            подтверждения личности в управляющей организации.
          </p>
          <Link className="button primary wide" href="/">
            Перейти в кабинет
          </Link>
        </>
      ) : (
        <Skeleton height={48} label="Подтверждаем адрес" />
      )}
    </div>
  );
}
