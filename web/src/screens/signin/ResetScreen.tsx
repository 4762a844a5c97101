import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useSearch } from 'wouter';
import { api, ok } from '../../api/client';
import { EmailField, FormError, PasswordField } from '../../ui/fields';
import { Button, Notice } from '../../ui/ui';
import { fieldErrors } from './local-auth';

/** Password reset: without a token, ask for the letter; with the letter's token, set the new password. */
export default function ResetScreen() {
  const token = new URLSearchParams(useSearch()).get('token');
  return <div className="card signin-card">{token ? <NewPassword token={token} /> : <RequestLetter />}</div>;
}

function RequestLetter() {
  const [email, setEmail] = useState('');
  const request = useMutation({ mutationFn: () => ok(api.POST('/auth/local/password-reset', { body: { email } })) });
  const errors = fieldErrors(request.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    request.mutate();
  };
  return (
    <>
      <h1>Восстановление пароля</h1>
      {request.isSuccess ? (
        <>
          <Notice kind="success">
            Если адрес <strong>{email}</strong> зарегистрирован, на него придёт письмо со ссылкой для смены пароля.
            Ссылка действует 60 минут.
          </Notice>
          <Link href="/signin">Ко входу</Link>
        </>
      ) : (
        <form onSubmit={submit} noValidate>
          <p className="hint">Мы пришлём ссылку, по которой можно задать новый пароль.</p>
          <FormError error={request.error} fieldErrors={errors} />
          <EmailField value={email} onChange={setEmail} error={errors.email} />
          <Button type="submit" className="wide" busy={request.isPending}>
            Прислать ссылку
          </Button>
          <p className="signin-links">
            <Link href="/signin">Вспомнили пароль? Войти</Link>
          </p>
        </form>
      )}
    </>
  );
}

function NewPassword({ token }: { token: string }) {
  const [password, setPassword] = useState('');
  const complete = useMutation({
    mutationFn: () => ok(api.POST('/auth/local/password-reset/complete', { body: { token, password } })),
  });
  const errors = fieldErrors(complete.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    complete.mutate();
  };
  return (
    <>
      <h1>Новый пароль</h1>
      {complete.isSuccess ? (
        <>
          <Notice kind="success">Пароль изменён. Все входы на других устройствах завершены.</Notice>
          <Link className="button primary wide" href="/signin">
            Войти с новым паролем
          </Link>
        </>
      ) : (
        <form onSubmit={submit} noValidate>
          <FormError error={complete.error} fieldErrors={errors} />
          <PasswordField label="Новый пароль" isNew value={password} onChange={setPassword} error={errors.password} />
          <Button type="submit" className="wide" busy={complete.isPending}>
            Сохранить пароль
          </Button>
        </form>
      )}
    </>
  );
}
