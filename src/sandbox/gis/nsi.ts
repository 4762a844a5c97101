import { createHash } from 'node:crypto';

// The simulator's copy of the common reference books (НСИ) the hub refers to, served by exportNsiItem.
// Codes and names follow the published books as the schemas name them (НСИ 2 «Вид коммунального
// ресурса», НСИ 16 «Межповерочный интервал», НСИ 95 «Документ, удостоверяющий личность»); the GUIDs
// are the simulator's own, stable across restarts, so a reference to anything else is refused. НСИ 63
// (a meeting question's type) is not published with the schemas: its codes and names here are the
// simulator's, the two long names being those the schema's annotations quote (house-management DecisionList).

export interface SimNsiElement {
  code: string;
  guid: string;
  fields: Record<string, string>;
}

export interface SimNsiBook {
  registryNumber: number;
  name: string;
  elements: SimNsiElement[];
}

const guidOf = (registry: number, code: string) => {
  const h = createHash('sha256').update(`gis-sim-nsi:${registry}:${code}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

const book = (
  registryNumber: number,
  name: string,
  field: string,
  values: [string, string, Record<string, string>?][],
): SimNsiBook => ({
  registryNumber,
  name,
  elements: values.map(([code, value, extra]) => ({
    code,
    guid: guidOf(registryNumber, code),
    fields: { [field]: value, ...extra },
  })),
});

const YEARS = ['год', 'года', 'года', 'года', 'лет'];

export const SIM_NSI: SimNsiBook[] = [
  book(2, 'Вид коммунального ресурса', 'Вид коммунального ресурса', [
    ['1', 'Холодная вода'],
    ['2', 'Горячая вода'],
    ['3', 'Электрическая энергия'],
    ['4', 'Газ'],
    ['5', 'Тепловая энергия'],
    ['6', 'Бытовой газ в баллонах'],
    ['7', 'Твердое топливо'],
    ['8', 'Сточные воды'],
  ]),
  book(
    16,
    'Межповерочный интервал',
    'Межповерочный интервал',
    Array.from({ length: 16 }, (_, i): [string, string, Record<string, string>] => {
      const n = i + 1;
      return [String(n), `${n} ${n < 5 ? YEARS[n - 1] : YEARS[4]}`, { 'Количество лет': String(n) }];
    }),
  ),
  book(95, 'Документ, удостоверяющий личность', 'Документ, удостоверяющий личность', [
    ['1', 'Паспорт гражданина Российской Федерации'],
    ['2', 'Паспорт гражданина СССР'],
    ['3', 'Паспорт моряка'],
    ['4', 'Военный билет'],
    ['5', 'Временное удостоверение личности гражданина Российской Федерации'],
    ['6', 'Свидетельство о рождении'],
    ['7', 'Вид на жительство в Российской Федерации'],
    ['8', 'Паспорт иностранного гражданина'],
  ]),
  book(63, 'Тип вопроса повестки общего собрания собственников', 'Тип вопроса', [
    ['1', 'Выбор способа управления многоквартирным домом'],
    ['2', 'Выбор способа формирования фонда капитального ремонта'],
    [
      '3',
      'Использование иной информационной системы при проведении общего собрания собственников помещений в многоквартирном доме в форме заочного голосования',
    ],
    ['4', 'Определение администратора общего собрания с указанием СНИЛС и(или) ОГРН'],
    ['5', 'Иной вопрос'],
  ]),
];

/** Which book a reference element names (by its local name in the request), for the simulator's checks. */
export const NSI_OF_REFERENCE: Record<string, number> = {
  MunicipalResource: 2,
  VerificationInterval: 16,
  Type: 95,
  DecisionsType: 63,
};

export const simNsiBook = (registryNumber: number) => SIM_NSI.find((b) => b.registryNumber === registryNumber);

/** Whether a reference (code and GUID) names an actual element of its book. */
export function knownNsiRef(reference: string, code: string, guid: string) {
  const registry = NSI_OF_REFERENCE[reference];
  if (registry === undefined) return true;
  return simNsiBook(registry)?.elements.some((e) => e.guid === guid.toLowerCase() && e.code === code) ?? false;
}
