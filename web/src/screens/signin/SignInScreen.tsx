import { Redirect, useSearch } from 'wouter';
import { useMe } from '../../app/session';
import { BrandMark, Skeleton } from '../../ui/ui';
import { LocalSignIn, PasskeySignIn } from './LocalSignIn';

/** Only paths of this site; anything else goes home (the server checks return_to again). */
export function safeNext(value: string | null): string {
  return value?.startsWith('/') && !value.startsWith('//') && !value.startsWith('/signin') ? value : '/';
}

export default function SignInScreen() {
  const params = new URLSearchParams(useSearch());
  const next = safeNext(params.get('next'));
  const me = useMe();
  if (me.data) return <Redirect to={next} replace />;
  const error = params.get('error');
  return (
    <div className="signin">
      <div className="signin-brand">
        <BrandMark size={56} />
        <h1>Домхаб</h1>
        <p>Личный кабинет жителя: счётчики, начисления и оплата, заявки, собрания собственников.</p>
      </div>
      <div className="card signin-card">
        <h2>Вход</h2>
        {error ? (
          <p className="alert alert-error" role="alert">
            Вход не выполнен. Попробуйте ещё раз.
          </p>
        ) : null}
        {me.isPending ? (
          <Skeleton height={48} />
        ) : (
          <a className="button primary wide" href={`/auth/login?return_to=${encodeURIComponent(next)}`}>
            Войти через Госуслуги
          </a>
        )}
        <p className="hint">Понадобится подтверждённая учётная запись Госуслуг.</p>
        <PasskeySignIn />
        <LocalSignIn next={next} />
      </div>
    </div>
  );
}
