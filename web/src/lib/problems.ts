// Problem codes of the API (src/http/errors.ts and the modules' refusals) as Russian messages. Every
// error a person sees goes through here: an unknown code gets a general message by HTTP status, never
// the raw code.

export interface FieldProblem {
  path: string;
  message: string;
}

export interface Problem {
  status: number;
  code: string;
  detail?: string;
  errors?: FieldProblem[];
  [extra: string]: unknown;
}

const MESSAGES: Record<string, string> = {
  // transport and generic
  network_error: 'Нет связи с сервером. Ничего не отправлено — повторите, когда связь появится.',
  offline: 'Нет связи. Эти данные ещё не открывались на этом устройстве.',
  validation_failed: 'Проверьте заполненные поля.',
  invalid_value: 'Одно из значений указано в неверном формате.',
  bad_request: 'Запрос не удалось обработать. Обновите страницу и попробуйте ещё раз.',
  malformed_body: 'Запрос не удалось обработать. Обновите страницу и попробуйте ещё раз.',
  body_too_large: 'Слишком большой объём данных.',
  too_deep: 'Запрос слишком сложный. Обновите страницу и попробуйте ещё раз.',
  invalid_text: 'В тексте есть недопустимые символы. Удалите их и попробуйте ещё раз.',
  malformed_multipart: 'Файл не удалось передать. Приложите его ещё раз.',
  headers_too_large: 'Запрос не удалось обработать. Обновите страницу и попробуйте ещё раз.',
  uri_too_long: 'Адрес запроса слишком длинный. Вернитесь на предыдущую страницу и попробуйте ещё раз.',
  malformed_request: 'Запрос не удалось обработать. Обновите страницу и попробуйте ещё раз.',
  malformed_url: 'Адрес запроса неверен. Вернитесь на предыдущую страницу и попробуйте ещё раз.',
  request_timeout: 'Сервер не дождался запроса. Попробуйте ещё раз.',
  upload_too_large: 'Файл слишком большой.',
  unsupported_media_type: 'Такой тип файла не поддерживается.',
  file_type_not_allowed: 'Такой тип файла не подходит: приложите PDF или фотографию.',
  file_missing: 'Файл не найден — загрузите его ещё раз.',
  unauthorized: 'Войдите в личный кабинет.',
  csrf_failed: 'Сессия устарела. Обновите страницу и повторите действие.',
  forbidden: 'Это действие вам недоступно.',
  permission_missing: 'Вашей роли это действие недоступно. Обратитесь к администратору организации.',
  invitation_invalid:
    'Ссылка-приглашение неверна, уже использована, отозвана или устарела. Попросите новое приглашение.',
  last_staff_manager:
    'Нельзя: в организации не останется никого, кто управляет сотрудниками. Сначала дайте эту роль другому.',
  role_in_use: 'Эта роль выдана сотрудникам: сначала назначьте им другую.',
  built_in_role: 'Встроенные роли менять нельзя — создайте свою.',
  not_found: 'Не найдено.',
  route_not_found: 'Такой страницы нет.',
  conflict: 'Такая запись уже есть.',
  reference_conflict: 'Запись связана с другими данными и не может быть изменена.',
  rate_limited: 'Слишком много попыток. Подождите немного и повторите.',
  internal: 'Что-то пошло не так на нашей стороне. Попробуйте ещё раз чуть позже.',
  unavailable: 'Сервис временно недоступен. Попробуйте чуть позже.',
  database_unavailable: 'Сервис временно недоступен. Попробуйте чуть позже.',
  queue_unavailable: 'Сервис временно недоступен. Попробуйте чуть позже.',
  idempotency_in_progress: 'Запрос уже обрабатывается. Подождите несколько секунд.',
  idempotency_key_reused: 'Этот запрос уже был отправлен с другими данными. Обновите страницу.',
  idempotency_key_invalid: 'Запрос не удалось обработать. Обновите страницу и попробуйте ещё раз.',
  invalid_cursor: 'Список изменился. Обновите страницу.',
  // sign-in
  login_refused: 'Вход не выполнен: Госуслуги отказали во входе.',
  login_state_invalid: 'Вход не завершён: начните заново.',
  login_token_invalid: 'Вход не завершён: начните заново.',
  identity_provider_unavailable: 'Госуслуги сейчас недоступны. Попробуйте войти позже.',
  email_required: 'Укажите адрес электронной почты.',
  invalid_token: 'Ссылка устарела или уже использована.',
  token_invalid: 'Ссылка устарела или уже использована.',
  credentials_invalid: 'Неверная почта или пароль.',
  password_too_weak: 'Пароль слишком простой. Возьмите длиннее или из нескольких слов.',
  code_required: 'Введите код из письма.',
  sign_in_locked: 'Слишком много неудачных попыток входа. Попробуйте позже.',
  identity_verification_required:
    'Нужна подтверждённая личность: войдите через Госуслуги или попросите управляющую организацию подтвердить вас.',
  no_password: 'Вы входите через Госуслуги — пароля у вас нет.',
  passkey_invalid: 'Ключ доступа не подошёл. Попробуйте ещё раз или войдите по почте.',
  passkey_exists: 'Этот ключ доступа уже добавлен.',
  // the browser's side of a passkey (lib/passkeys.ts), not the API's
  passkey_cancelled: 'Ключ доступа не использован: действие отменено или время вышло.',
  passkey_unsupported: 'Этот браузер или устройство не умеет работать с ключами доступа.',
  // accounts
  account_not_found: 'Лицевой счёт не найден. Проверьте номер и дом.',
  account_not_in_house: 'Этот лицевой счёт относится к другому дому.',
  account_required: 'Сначала добавьте помещение.',
  account_not_closed: 'Лицевой счёт ещё открыт.',
  already_linked: 'Это помещение уже добавлено в ваш кабинет.',
  duplicate_account: 'Такой лицевой счёт уже есть.',
  link_locked: 'Слишком много неудачных попыток. Добавить помещение можно будет позже.',
  code_invalid: 'Неверный код.',
  request_not_pending: 'Заявка на подключение уже рассмотрена.',
  house_not_found: 'Дом не найден.',
  invitation_not_found: 'Приглашение не найдено или устарело.',
  link_not_confirmed:
    'Помещение добавлено по фамилии: это станет доступно после подтверждения — кодом, отправленным ' +
    'на контакт из лицевого счёта, или управляющей организацией.',
  role_not_allowed: 'Это доступно только собственнику: совладелец может приглашать только жильцов и представителей.',
  revoke_self: 'Свой собственный доступ так отозвать нельзя — отключите помещение.',
  resident_change_pending: 'Предыдущее изменение ещё рассматривается.',
  change_not_pending: 'Изменение уже рассмотрено.',
  owner_ambiguous: 'Не удалось однозначно определить собственника. Обратитесь в управляющую организацию.',
  not_an_owner: 'Это действие доступно только собственнику помещения.',
  // meters and readings
  meter_not_found: 'Счётчик не найден.',
  meter_archived: 'Счётчик снят с учёта — показания по нему не принимаются.',
  tariff_values_mismatch: 'Укажите показание для каждого тарифа счётчика.',
  reading_exceeds_capacity: 'Значение больше, чем помещается на табло счётчика.',
  reading_below_previous: 'Показание меньше предыдущего.',
  meter_verification_overdue: 'Срок поверки счётчика истёк — показания по нему не принимаются.',
  consumption_confirmation_required: 'Расход намного выше среднего. Проверьте значение и подтвердите.',
  reading_window_closed: 'Приём показаний сейчас закрыт.',
  registration_decided: 'Заявка на регистрацию счётчика уже рассмотрена.',
  house_meter_exists: 'В доме уже есть прибор учёта этого ресурса с таким заводским номером.',
  // billing and payments
  charges_not_found: 'Начислений за этот период нет.',
  payment_document_not_issued: 'Квитанция за этот период ещё не сформирована.',
  invalid_period_range: 'Неверный период.',
  period_range_invalid: 'Неверный период.',
  nothing_to_pay: 'Задолженности нет — оплачивать нечего.',
  quote_changed: 'Сумма изменилась. Проверьте её и подтвердите оплату ещё раз.',
  bank_unavailable: 'Банк сейчас не отвечает. Деньги не списаны — попробуйте позже.',
  bank_refused: 'Банк не начал платёж. Деньги не списаны — попробуйте позже.',
  mixed_organisations: 'Выбранные счета обслуживают разные организации — оплатите их по отдельности.',
  payment_not_refundable: 'Этот платёж нельзя вернуть.',
  payee_details_invalid: 'Реквизиты получателя неполные. Обратитесь в управляющую организацию.',
  payment_qr_invalid: 'Не удалось сформировать QR-код для оплаты.',
  // requests and appeals
  ticket_closed: 'Заявка закрыта.',
  ticket_not_closed: 'Оценить работу можно после того, как заявка выполнена или закрыта.',
  ticket_already_rated: 'Вы уже оценили эту заявку.',
  reopen_not_allowed: 'Заявку уже нельзя открыть повторно.',
  not_author: 'Это может сделать только автор.',
  status_transition_not_allowed: 'Такое изменение статуса невозможно.',
  appeal_closed: 'Обращение закрыто.',
  debt_request_answered: 'На этот запрос уже отправлен ответ.',
  court_decision_exists: 'Такое судебное решение по этому лицевому счёту уже записано.',
  appeal_not_returned: 'Обращение не возвращено на доработку — изменить его нельзя.',
  appeal_role_missing: 'Нет прав на это обращение.',
  // meetings
  meeting_not_open: 'Голосование не идёт.',
  meeting_not_announced: 'Собрание ещё не объявлено.',
  voting_not_open: 'Голосование ещё не началось или уже закончилось.',
  voting_not_ended: 'Голосование ещё идёт.',
  ballot_outside_voting: 'Голосование ещё не началось или уже закончилось.',
  ballot_already_cast: 'Вы уже проголосовали — бюллетень принят.',
  electronic_voting_not_offered: 'В этом собрании нет электронного голосования.',
  voting_in_state_system: 'Это собрание проходит в ГИС ЖКХ: голосуйте на Госуслугах или сдайте бумажный бюллетень.',
  notice_not_in_state_system: 'Сообщение о собрании ещё не размещено в ГИС ЖКХ.',
  snils_required: 'Укажите СНИЛС собственника.',
  title_registration_date_required: 'Укажите дату государственной регистрации права.',
  protocol_not_ready: 'Протокол ещё не готов.',
  proxy_exists: 'Доверенность уже загружена.',
  proxy_for_self: 'Доверенность на самого себя не нужна.',
  owner_not_found: 'В реестре собственников нет такого собственника этого помещения. Проверьте номер и фамилию.',
  proxy_not_accepted: 'Доверенность ещё не принята администратором собрания.',
  proxy_already_reviewed: 'Доверенность уже рассмотрена.',
  // meetings, as the console's administrator sees them
  meeting_already_announced: 'Сообщение о собрании уже разослано: собрание больше не черновик.',
  meeting_not_draft: 'Собрание уже объявлено: повестку и материалы менять нельзя.',
  notice_period_too_short:
    'Сообщение о собрании нужно разослать не позднее чем за 10 дней до его даты (ЖК РФ ст. 45 ч. 4). Перенесите даты.',
  register_empty: 'Реестр собственников дома пуст. Заполните его перед объявлением собрания.',
  register_inconsistent: 'В реестре собственников доли помещения в сумме больше целого. Исправьте реестр.',
  sitting_required: 'Для очного и очно-заочного собрания укажите дату и время очного обсуждения.',
  sitting_after_voting: 'Очное обсуждение должно быть до окончания приёма решений.',
  voting_duration_out_of_bounds: 'Срок голосования вне допустимых границ. Измените даты начала и окончания.',
  voting_ends_before_start: 'Окончание голосования должно быть позже начала.',
};

const BY_STATUS: Record<number, string> = {
  400: 'Проверьте введённые данные.',
  401: 'Войдите в личный кабинет.',
  403: 'Это действие вам недоступно.',
  404: 'Не найдено.',
  409: 'Действие не выполнено: данные уже изменились. Обновите страницу.',
  413: 'Слишком большой объём данных.',
  422: 'Действие не выполнено: оно противоречит правилам.',
  429: 'Слишком много попыток. Подождите немного и повторите.',
};

const FALLBACK = 'Не получилось. Попробуйте ещё раз; если не выйдет — обратитесь в управляющую организацию.';

/** The Russian message for a problem code (status picks the message of an unknown code). */
export function problemMessage(code: string | undefined, status?: number): string {
  if (code && MESSAGES[code]) return MESSAGES[code];
  if (status && status >= 500) return MESSAGES.internal!;
  return (status && BY_STATUS[status]) || FALLBACK;
}

/** Whether a code has its own message (tests check the API's codes are all known). */
export function hasMessage(code: string): boolean {
  return code in MESSAGES;
}

/**
 * Field errors keyed by path relative to `prefix` ("body.readings.0.t1" with prefix "body.readings"
 * → "0.t1"). The message is taken from the code the API puts before a colon ("reading_below_previous:
 * …"), else a general one for the field.
 */
export function fieldMessages(problem: Problem | undefined, prefix = 'body'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of problem?.errors ?? []) {
    if (e.path !== prefix && !e.path.startsWith(`${prefix}.`)) continue;
    const key = e.path === prefix ? '' : e.path.slice(prefix.length + 1);
    const code = /^([a-z]+(?:_[a-z0-9]+)+):/.exec(e.message)?.[1];
    out[key] ??= code && MESSAGES[code] ? MESSAGES[code] : 'Проверьте это поле.';
  }
  return out;
}
