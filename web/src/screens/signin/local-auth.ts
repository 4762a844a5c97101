// Sign-in without Gosuslugi: the calls of /auth/local/* and the field messages of their refusals.
import { useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api/client';
import { fieldMessages } from '../../lib/problems';

/** Russian hints per field when the API names it in a validation problem. */
const FIELD_HINTS: Record<string, string> = {
  email: 'Укажите адрес электронной почты полностью, например anna@mail.ru.',
  password: 'Введите пароль.',
  code: 'Введите 6 цифр из письма.',
  'account.houseId': 'Выберите дом из списка.',
  'account.accountNumber': 'Укажите номер лицевого счёта.',
  'account.surname': 'Укажите фамилию собственника, как в квитанции.',
  currentPassword: 'Неверный пароль.',
};

/**
 * Messages next to the fields of a failed request, by field path below `body`. A weak password
 * carries the API's own Russian advice (zxcvbn's warning and suggestions).
 */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out = fieldMessages(error.problem, 'body');
  for (const e of error.problem.errors ?? []) {
    const key = e.path.replace(/^body\./, '');
    if (error.code === 'password_too_weak') out[key] = e.message;
    else if (FIELD_HINTS[key] && out[key] === 'Проверьте это поле.') out[key] = FIELD_HINTS[key];
  }
  if (error.code === 'code_invalid') out.code = 'Код неверный, устарел или попытки исчерпаны.';
  return out;
}

/** After a session was set: the cabinet re-reads who is signed in. */
export function useSignedIn() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['me'] });
}
