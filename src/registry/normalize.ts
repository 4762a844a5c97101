// One normaliser for both sides of address search: the registry's search_text and the query.
// Type words (г, ул, пр-т…) are dropped on both sides, so "ул Профсоюзная" and "Профсоюзная улица"
// meet; house parts become tokens of their own: д 43 → 43, корп 1 / к1 → к_1, стр 2 → стр_2,
// лит А → лит_а (the underscore keeps them out of the word list that corrects typos).

/** Kinds of address elements as written in ГАР type names (AS_ADDR_OBJ_TYPES) and in everyday use. */
const TYPE_WORDS = new Set([
  // settlements and territories
  'г',
  'гор',
  'город',
  'п',
  'пос',
  'поселок',
  'пгт',
  'рп',
  'с',
  'село',
  'д',
  'дер',
  'деревня',
  'ст-ца',
  'станица',
  'х',
  'хутор',
  'снт',
  'тер',
  'территория',
  'мкр',
  'мкрн',
  'микрорайон',
  'кв-л',
  'квартал',
  'промзона',
  'обл',
  'область',
  'край',
  'респ',
  'республика',
  'р-н',
  'район',
  'ао',
  'автономный',
  'округ',
  'го',
  'городской',
  'муниципальный',
  'мо',
  'м',
  'р',
  'вн',
  'внутригородская',
  'внутригородской',
  'поселение',
  'сп',
  'гп',
  'м-р-н',
  'россия',
  'рф',
  'федерации',
  'федерация',
  'российская',
  // streets
  'ул',
  'улица',
  'пр',
  'пр-т',
  'пр-кт',
  'просп',
  'проспект',
  'пер',
  'переулок',
  'ш',
  'шоссе',
  'б-р',
  'бул',
  'бульв',
  'бульвар',
  'пл',
  'площадь',
  'наб',
  'набережная',
  'пр-д',
  'проезд',
  'туп',
  'тупик',
  'ал',
  'аллея',
  'лн',
  'линия',
  'пр-лок',
  'проулок',
  'сквер',
  'спуск',
  'тракт',
  'тр-т',
  'дор',
  'дорога',
  'парк',
  'км',
]);

type Part = 'house' | 'building' | 'structure' | 'letter' | 'flat';

/** Words that introduce a part of the house address; the value follows them. */
const PART_WORDS: Record<string, Part> = {
  д: 'house',
  дом: 'house',
  вл: 'house',
  влд: 'house',
  владение: 'house',
  домовладение: 'house',
  двлд: 'house',
  зд: 'house',
  здание: 'house',
  к: 'building',
  корп: 'building',
  корпус: 'building',
  с: 'structure',
  стр: 'structure',
  строение: 'structure',
  соор: 'structure',
  сооружение: 'structure',
  л: 'letter',
  лит: 'letter',
  литер: 'letter',
  литера: 'letter',
  кв: 'flat',
  квартира: 'flat',
  оф: 'flat',
  офис: 'flat',
  пом: 'flat',
  помещение: 'flat',
  комн: 'flat',
  комната: 'flat',
};

const PART_PREFIX: Record<Exclude<Part, 'house' | 'flat'>, string> = {
  building: 'к_',
  structure: 'стр_',
  letter: 'лит_',
};

const PART_VALUE = /^(\d+(\/\d+)?[а-яa-z]?|[а-яa-z])$/;
// "43к1", "43корп2", "12стр3", "5лита" written without spaces
const GLUED_NUMBER_PART = /^(\d+(?:\/\d+)?[а-я]?)(к|корп|корпус|с|стр|строение|лит|литер|литера)(\d+[а-я]?|[а-я])$/;
// "д43", "к1", "стр2" written without spaces
const GLUED_PART_NUMBER = /^(д|дом|вл|влд|к|корп|корпус|с|стр|строение|лит|литер|литера|кв)(\d+(?:\/\d+)?[а-я]?)$/;
const POSTAL_CODE = /^\d{6}$/;

function rawTokens(text: string): string[] {
  const cleaned = text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[.,;:()"'«»№#!?+*]/g, ' ');
  const out: string[] = [];
  for (const token of cleaned.split(/\s+/)) {
    if (!token) continue;
    if (TYPE_WORDS.has(token) || token in PART_WORDS) {
      out.push(token);
      continue;
    }
    // "1-я", "43-а": an ordinal or a house letter joined by a hyphen
    if (/^\d+-[а-я]{1,2}$/.test(token)) {
      out.push(token.replace('-', ''));
      continue;
    }
    for (const piece of token.split(/-+/)) {
      if (!piece) continue;
      const a = GLUED_NUMBER_PART.exec(piece);
      const b = a ? null : GLUED_PART_NUMBER.exec(piece);
      if (a) out.push(a[1]!, a[2]!, a[3]!);
      else if (b) out.push(b[1]!, b[2]!);
      else out.push(piece);
    }
  }
  return out;
}

/** The normalised tokens of an address text, in the order written, without duplicates. */
export function addressTokens(text: string): string[] {
  const raw = rawTokens(text);
  const out: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const token = raw[i]!;
    const part = PART_WORDS[token];
    const next = raw[i + 1];
    if (part && next !== undefined && PART_VALUE.test(next)) {
      i++;
      if (part === 'house') out.push(next);
      else if (part !== 'flat') out.push(PART_PREFIX[part] + next);
      continue;
    }
    if (part || TYPE_WORDS.has(token) || POSTAL_CODE.test(token)) continue;
    if (!/[0-9а-яa-z]/.test(token)) continue;
    const previous = out[out.length - 1];
    // "43 а" is house 43а, as ГАР writes it
    if (/^[а-я]$/.test(token) && previous && /^\d+$/.test(previous)) {
      out[out.length - 1] = previous + token;
      continue;
    }
    out.push(token);
  }
  return [...new Set(out)];
}

export interface AddressParts {
  region: string;
  municipality?: string | null;
  settlement?: string | null;
  street?: string | null;
  houseNumber: string;
  building?: string | null;
  structure?: string | null;
  letter?: string | null;
  /** What the main number is ("д." unless ГАР says строение, владение…). */
  houseLabel?: string;
}

/** The search text stored for a house: its normalised address tokens joined by spaces. */
export function houseSearchText(a: AddressParts): string {
  const parts = [a.region, a.settlement, a.street, `д ${a.houseNumber}`];
  if (a.building) parts.push(`корп ${a.building}`);
  if (a.structure) parts.push(`стр ${a.structure}`);
  if (a.letter) parts.push(`лит ${a.letter}`);
  return addressTokens(parts.filter(Boolean).join(' ')).join(' ');
}

/** Whether a token is a name word (checked against the word list for typos) or an exact token (numbers, house parts). */
export const isNameWord = (token: string) => /^[а-яa-z]{2,}$/.test(token);

/** The address as people write it: "г. Москва, ул. Профсоюзная, д. 43, корп. 1". */
export function formatAddress(a: AddressParts): string {
  const house = [`${a.houseLabel ?? 'д.'} ${a.houseNumber}`];
  if (a.building) house.push(`корп. ${a.building}`);
  if (a.structure) house.push(`стр. ${a.structure}`);
  if (a.letter) house.push(`лит. ${a.letter}`);
  const head = [a.region, a.settlement && a.settlement !== a.region ? a.settlement : null, a.street].filter(Boolean);
  return [...head, house.join(', ')].join(', ');
}
