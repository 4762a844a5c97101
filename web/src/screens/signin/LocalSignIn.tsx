import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { api, ok } from '../../api/client';
import { passkeysSupported, signInWithPasskey } from '../../lib/passkeys';
import { CodeField, EmailField, FormError, PasswordField } from '../../ui/fields';
import { Button, ErrorMessage, Notice } from '../../ui/ui';
import { fieldErrors, useSignedIn } from './local-auth';

interface Challenge {
  challengeId: string;
  email: string;
}

/**
 * Sign-in without Gosuslugi: e-mail and password; from a device not seen before, the second step asks
 * for the code mailed to the address. `next` is where the sign-in screen sends the person afterwards.
 */
export function LocalSignIn({ next }: { next: string }) {
  const [challenge, setChallenge] = useState<Challenge | null>(null);
  return (
    <section className="local-signin" aria-labelledby="local-signin-title">
      <h2 id="local-signin-title" className="signin-or">
        Или по электронной почте
      </h2>
      {challenge ? (
        <CodeStep challenge={challenge} onRestart={() => setChallenge(null)} />
      ) : (
        <PasswordStep next={next} onCode={setChallenge} />
      )}
    </section>
  );
}

/** Sign-in with a passkey added in the profile: no e-mail, password or code. Hidden where unsupported. */
export function PasskeySignIn() {
  const signedIn = useSignedIn();
  const signIn = useMutation({ mutationFn: signInWithPasskey, onSuccess: () => signedIn() });
  if (!passkeysSupported()) return null;
  return (
    <>
      {signIn.isError ? <ErrorMessage error={signIn.error} /> : null}
      <Button kind="secondary" className="wide" busy={signIn.isPending} onClick={() => signIn.mutate()}>
        Войти с ключом доступа
      </Button>
    </>
  );
}

function PasswordStep({ next, onCode }: { next: string; onCode: (c: Challenge) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const signedIn = useSignedIn();
  const signIn = useMutation({
    mutationFn: () => ok(api.POST('/auth/local/sign-in', { body: { email, password } })),
    onSuccess: async (result) => {
      if (result.status === 'code_required') onCode({ challengeId: result.challengeId, email });
      else await signedIn();
    },
  });
  const errors = fieldErrors(signIn.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    signIn.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <FormError error={signIn.error} fieldErrors={errors} />
      <EmailField autoComplete="username" value={email} onChange={setEmail} error={errors.email} />
      <PasswordField value={password} onChange={setPassword} error={errors.password} />
      <Button type="submit" kind="secondary" className="wide" busy={signIn.isPending}>
        Войти по почте
      </Button>
      <p className="signin-links">
        <Link href={`/signin/register${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`}>Регистрация</Link>
        <Link href="/signin/reset">Забыли пароль?</Link>
      </p>
    </form>
  );
}

function CodeStep({ challenge, onRestart }: { challenge: Challenge; onRestart: () => void }) {
  const [code, setCode] = useState('');
  const [remember, setRemember] = useState(true);
  const signedIn = useSignedIn();
  const verify = useMutation({
    mutationFn: () =>
      ok(
        api.POST('/auth/local/sign-in/code', {
          body: { challengeId: challenge.challengeId, code: code.trim(), rememberDevice: remember },
        }),
      ),
    onSuccess: () => signedIn(),
  });
  const errors = fieldErrors(verify.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    verify.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Notice>
        Вы входите с нового устройства. Мы отправили код на <strong>{challenge.email}</strong> — он действует 10 минут.
      </Notice>
      <FormError error={verify.error} fieldErrors={errors} />
      <CodeField focus value={code} onChange={setCode} error={errors.code} />
      <label className="choice">
        <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
        <span>Запомнить это устройство — в следующий раз код не понадобится</span>
      </label>
      <Button type="submit" className="wide" busy={verify.isPending}>
        Подтвердить и войти
      </Button>
      <Button kind="link" onClick={onRestart}>
        Начать вход заново
      </Button>
    </form>
  );
}
