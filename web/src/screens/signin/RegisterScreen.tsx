import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { api, ok } from '../../api/client';
import { EmailField, FormError, PasswordField, TextField } from '../../ui/fields';
import { Button, ErrorMessage, Notice } from '../../ui/ui';
import { fieldErrors } from './local-auth';

type Variant = 'email' | 'account';
interface House {
  id: string;
  fullAddress: string;
}

/**
 * Registration without Gosuslugi: by e-mail and password, or also by account (house, account number
 * and the owner's surname, linked once the address is confirmed). The answer is a letter with a link.
 */
export default function RegisterScreen() {
  const [variant, setVariant] = useState<Variant>('email');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [lastName, setLastName] = useState('');
  const [firstName, setFirstName] = useState('');
  const [house, setHouse] = useState<House | null>(null);
  const [accountNumber, setAccountNumber] = useState('');
  const [surname, setSurname] = useState('');

  const register = useMutation({
    mutationFn: () =>
      ok(
        api.POST('/auth/local/register', {
          body: {
            email,
            password,
            ...(lastName.trim() ? { lastName: lastName.trim() } : {}),
            ...(firstName.trim() ? { firstName: firstName.trim() } : {}),
            ...(variant === 'account'
              ? {
                  account: {
                    // An empty house id fails validation at body.account.houseId, shown next to the search.
                    houseId: house?.id ?? '',
                    accountNumber: accountNumber.trim(),
                    surname: surname.trim(),
                  },
                }
              : {}),
          },
        }),
      ),
  });
  const errors = fieldErrors(register.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    register.mutate();
  };

  if (register.isSuccess) {
    return (
      <div className="card signin-card">
        <h1>Проверьте почту</h1>
        <Notice kind="success">
          <p>
            Мы отправили письмо на <strong>{email}</strong>. Откройте ссылку из письма, чтобы подтвердить адрес и войти.
            Ссылка действует 48 часов.
          </p>
        </Notice>
        <p className="hint">Письма нет? Проверьте папку «Спам» или зарегистрируйтесь ещё раз.</p>
        <Link href="/signin">Ко входу</Link>
      </div>
    );
  }

  return (
    <div className="card signin-card">
      <h1>Регистрация</h1>
      <p className="hint">
        Без Госуслуг. Голосовать на собраниях и подавать обращения с личными данными можно будет после входа через
        Госуслуги или подтверждения личности в управляющей организации.
      </p>
      <form onSubmit={submit} noValidate>
        <FormError error={register.error} fieldErrors={errors} />
        <fieldset>
          <legend>Как зарегистрироваться</legend>
          <label className="choice">
            <input type="radio" name="variant" checked={variant === 'email'} onChange={() => setVariant('email')} />
            <span>По электронной почте</span>
          </label>
          <label className="choice">
            <input type="radio" name="variant" checked={variant === 'account'} onChange={() => setVariant('account')} />
            <span>По лицевому счёту: помещение добавится сразу после подтверждения почты</span>
          </label>
        </fieldset>

        {variant === 'account' ? (
          <fieldset>
            <legend>Лицевой счёт</legend>
            <HousePicker house={house} onPick={setHouse} error={errors['account.houseId']} />
            <TextField
              label="Номер лицевого счёта"
              name="accountNumber"
              autoComplete="off"
              value={accountNumber}
              onChange={(e) => setAccountNumber(e.target.value)}
              error={errors['account.accountNumber']}
              hint="Указан в квитанции"
            />
            <TextField
              label="Фамилия собственника"
              name="surname"
              autoComplete="family-name"
              value={surname}
              onChange={(e) => setSurname(e.target.value)}
              error={errors['account.surname']}
            />
          </fieldset>
        ) : (
          <>
            <TextField
              label="Фамилия (необязательно)"
              name="lastName"
              autoComplete="family-name"
              value={lastName}
              onChange={(e) => setLastName(e.target.value)}
              error={errors.lastName}
            />
            <TextField
              label="Имя (необязательно)"
              name="firstName"
              autoComplete="given-name"
              value={firstName}
              onChange={(e) => setFirstName(e.target.value)}
              error={errors.firstName}
            />
          </>
        )}
        <EmailField value={email} onChange={setEmail} error={errors.email} />
        <PasswordField isNew value={password} onChange={setPassword} error={errors.password} />
        <Button type="submit" className="wide" busy={register.isPending}>
          Зарегистрироваться
        </Button>
      </form>
      <p className="signin-links">
        <Link href="/signin">Уже зарегистрированы? Войти</Link>
      </p>
    </div>
  );
}

/** The house by its address: suggestions from the registry as the person types (debounced). */
function HousePicker({
  house,
  onPick,
  error,
}: {
  house: House | null;
  onPick: (h: House | null) => void;
  error?: string;
}) {
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), 300);
    return () => clearTimeout(timer);
  }, [text]);
  const hits = useQuery({
    queryKey: ['registry-houses', query],
    queryFn: () => ok(api.GET('/api/v1/registry/houses', { params: { query: { q: query, limit: 8 } } })),
    enabled: query.length >= 3 && !house,
  });
  if (house) {
    return (
      <div className="field">
        <span className="label">Дом</span>
        <p>{house.fullAddress}</p>
        <Button kind="link" onClick={() => onPick(null)}>
          Выбрать другой дом
        </Button>
      </div>
    );
  }
  return (
    <>
      <TextField
        label="Адрес дома"
        hint="Начните вводить: улица и номер дома, например «Профсоюзная 43 к1»"
        name="house"
        autoComplete="off"
        value={text}
        onChange={(e) => setText(e.target.value)}
        error={error}
      />
      <div aria-live="polite">
        {hits.isError ? <ErrorMessage error={hits.error} /> : null}
        {hits.data ? (
          hits.data.items.length ? (
            <ul className="plain-list house-hits" aria-label="Найденные дома">
              {hits.data.items.map((h) => (
                <li key={h.id}>
                  <Button kind="secondary" className="wide house-hit" onClick={() => onPick(h)}>
                    {h.fullAddress}
                  </Button>
                </li>
              ))}
            </ul>
          ) : (
            <p className="hint">Дом не найден. Проверьте адрес.</p>
          )
        ) : null}
      </div>
    </>
  );
}
