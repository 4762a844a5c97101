import { ZxcvbnFactory, type TranslationKeys } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';

// Password strength by zxcvbn-ts (https://zxcvbn-ts.github.io/zxcvbn/): the common and English
// packs (there is no Russian one), plus the Russian passwords and keyboard rows people actually
// use, typed in either layout. Feedback is in Russian: the UI shows it next to the field.

/** zxcvbn score 3: "safely unguessable", the level OWASP ASVS 2.1.7-style checks ask for. */
export const MIN_SCORE = 3;
export const MIN_LENGTH = 8;

const russian = [
  'пароль',
  'parol',
  'parol123',
  'privet',
  'privet123',
  'lubov',
  'lyubov',
  'lubimaya',
  'solnce',
  'solnyshko',
  'kotik',
  'zayka',
  'zaychik',
  'rybka',
  'malysh',
  'nastya',
  'natasha',
  'masha',
  'dasha',
  'sasha',
  'sergey',
  'andrey',
  'dmitriy',
  'aleksandr',
  'vladimir',
  'tatyana',
  'svetlana',
  'ekaterina',
  'moskva',
  'rossiya',
  'russia',
  'spartak',
  'zenit',
  'cska',
  'dinamo',
  'kvartira',
  'domofon',
  'uprava',
  'gosuslugi',
  'domhub',
  'zhkh',
  'йцукен',
  'йцукенгшщзхъ',
  'фывапролджэ',
  'ячсмитьбю',
  'фыва',
  'любовь',
  'привет',
  'солнышко',
  'котик',
  'зайка',
  'россия',
  'москва',
  'квартира',
  'qazwsx',
  'ytrewq',
  'gfhjkm',
  'ghbdtn',
  'k.,jdm',
  'cjkysirj', // "пароль", "привет", "любовь", "солнышко" in the Latin layout
];

const ru: TranslationKeys = {
  warnings: {
    straightRow: 'Ряд соседних клавиш легко угадать.',
    keyPattern: 'Узор из соседних клавиш легко угадать.',
    simpleRepeat: 'Повторы вроде «ааа» легко угадать.',
    extendedRepeat: 'Повторы вроде «абвабвабв» легко угадать.',
    sequences: 'Последовательности вроде «абв» или «6543» легко угадать.',
    recentYears: 'Недавние годы легко угадать.',
    dates: 'Даты легко угадать.',
    topTen: 'Это один из самых частых паролей.',
    topHundred: 'Это очень частый пароль.',
    common: 'Это распространённый пароль.',
    similarToCommon: 'Похоже на распространённый пароль.',
    wordByItself: 'Одно слово легко угадать.',
    namesByThemselves: 'Имена и фамилии сами по себе легко угадать.',
    commonNames: 'Распространённые имена и фамилии легко угадать.',
    userInputs: 'Пароль не должен содержать ваши данные или адрес почты.',
    pwned: 'Этот пароль встречался в утечках данных.',
  },
  suggestions: {
    l33t: 'Замены вроде «@» вместо «a» не помогают.',
    reverseWords: 'Слова задом наперёд не помогают.',
    allUppercase: 'Делайте заглавными некоторые буквы, а не все.',
    capitalization: 'Заглавная первая буква почти не помогает.',
    dates: 'Не используйте даты, связанные с вами.',
    recentYears: 'Не используйте недавние годы.',
    associatedYears: 'Не используйте годы, связанные с вами.',
    sequences: 'Не используйте последовательности символов.',
    repeated: 'Не повторяйте слова и символы.',
    longerKeyboardPattern: 'Не используйте ряды клавиш.',
    anotherWord: 'Добавьте ещё несколько редких слов.',
    useWords: 'Лучше несколько случайных слов подряд.',
    noNeed: 'Можно обойтись без символов, цифр и заглавных: важнее длина.',
    pwned: 'Если этот пароль где-то используется, смените его.',
  },
  timeEstimation: {
    ltSecond: 'меньше секунды',
    second: '{base} секунда',
    seconds: '{base} секунд',
    minute: '{base} минута',
    minutes: '{base} минут',
    hour: '{base} час',
    hours: '{base} часов',
    day: '{base} день',
    days: '{base} дней',
    month: '{base} месяц',
    months: '{base} месяцев',
    year: '{base} год',
    years: '{base} лет',
    centuries: 'века',
  },
};

let factory: ZxcvbnFactory | undefined;
const zxcvbn = () =>
  (factory ??= new ZxcvbnFactory({
    translations: ru,
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...en.dictionary, russian },
    useLevenshteinDistance: false,
  }));

export interface StrengthVerdict {
  ok: boolean;
  score: number;
  /** Russian text for the field: the warning and suggestions, or empty when strong. */
  message: string;
}

/** Judges a password against the dictionaries and the person's own data (e-mail, names). */
export function checkPasswordStrength(password: string, userInputs: (string | undefined | null)[]): StrengthVerdict {
  if (password.length < MIN_LENGTH) {
    return { ok: false, score: 0, message: `Пароль слишком короткий: нужно не меньше ${MIN_LENGTH} символов.` };
  }
  // The whole value, the e-mail's local part and each word of it.
  const inputs = userInputs
    .flatMap((v) => (v ? [v, v.split('@')[0]!, ...v.split(/[@.\s_-]+/)] : []))
    .filter((v) => v.length >= 3);
  const result = zxcvbn().check(password, inputs);
  if (result.score >= MIN_SCORE) return { ok: true, score: result.score, message: '' };
  const parts = [result.feedback.warning, ...result.feedback.suggestions].filter(Boolean);
  return {
    ok: false,
    score: result.score,
    message:
      ['Пароль слишком простой.', ...parts].join(' ') + (parts.length ? '' : ' Добавьте ещё несколько редких слов.'),
  };
}
