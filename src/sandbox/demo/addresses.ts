import { createHash } from 'node:crypto';
import type { HouseRow } from '../../registry/houses.repo.js';
import { formatAddress, houseSearchText } from '../../registry/normalize.js';

// Generated addresses with real Russian street names, for the demo registry and the search benchmark.

export const CITIES: { region: string; settlement: string; timezone: string }[] = [
  { region: 'г. Москва', settlement: 'г. Москва', timezone: 'Europe/Moscow' },
  { region: 'Приморский край', settlement: 'г. Владивосток', timezone: 'Asia/Vladivostok' },
  { region: 'г. Санкт-Петербург', settlement: 'г. Санкт-Петербург', timezone: 'Europe/Moscow' },
  { region: 'Новосибирская обл.', settlement: 'г. Новосибирск', timezone: 'Asia/Novosibirsk' },
  { region: 'Свердловская обл.', settlement: 'г. Екатеринбург', timezone: 'Asia/Yekaterinburg' },
  { region: 'Респ. Татарстан', settlement: 'г. Казань', timezone: 'Europe/Moscow' },
  { region: 'Нижегородская обл.', settlement: 'г. Нижний Новгород', timezone: 'Europe/Moscow' },
  { region: 'Челябинская обл.', settlement: 'г. Челябинск', timezone: 'Asia/Yekaterinburg' },
  { region: 'Самарская обл.', settlement: 'г. Самара', timezone: 'Europe/Samara' },
  { region: 'Омская обл.', settlement: 'г. Омск', timezone: 'Asia/Omsk' },
  { region: 'Ростовская обл.', settlement: 'г. Ростов-на-Дону', timezone: 'Europe/Moscow' },
  { region: 'Респ. Башкортостан', settlement: 'г. Уфа', timezone: 'Asia/Yekaterinburg' },
  { region: 'Красноярский край', settlement: 'г. Красноярск', timezone: 'Asia/Krasnoyarsk' },
  { region: 'Воронежская обл.', settlement: 'г. Воронеж', timezone: 'Europe/Moscow' },
  { region: 'Пермский край', settlement: 'г. Пермь', timezone: 'Asia/Yekaterinburg' },
  { region: 'Волгоградская обл.', settlement: 'г. Волгоград', timezone: 'Europe/Volgograd' },
  { region: 'Краснодарский край', settlement: 'г. Краснодар', timezone: 'Europe/Moscow' },
  { region: 'Саратовская обл.', settlement: 'г. Саратов', timezone: 'Europe/Saratov' },
  { region: 'Тюменская обл.', settlement: 'г. Тюмень', timezone: 'Asia/Yekaterinburg' },
  { region: 'Иркутская обл.', settlement: 'г. Иркутск', timezone: 'Asia/Irkutsk' },
  { region: 'Хабаровский край', settlement: 'г. Хабаровск', timezone: 'Asia/Vladivostok' },
  { region: 'Ярославская обл.', settlement: 'г. Ярославль', timezone: 'Europe/Moscow' },
  { region: 'Приморский край', settlement: 'г. Уссурийск', timezone: 'Asia/Vladivostok' },
  { region: 'Московская обл.', settlement: 'г. Подольск', timezone: 'Europe/Moscow' },
  { region: 'Московская обл.', settlement: 'г. Химки', timezone: 'Europe/Moscow' },
  { region: 'Калининградская обл.', settlement: 'г. Калининград', timezone: 'Europe/Kaliningrad' },
  { region: 'Тверская обл.', settlement: 'г. Тверь', timezone: 'Europe/Moscow' },
  { region: 'Тульская обл.', settlement: 'г. Тула', timezone: 'Europe/Moscow' },
  { region: 'Курская обл.', settlement: 'г. Курск', timezone: 'Europe/Moscow' },
  { region: 'Респ. Саха (Якутия)', settlement: 'г. Якутск', timezone: 'Asia/Yakutsk' },
];

export const STREET_NAMES = [
  'Ленина',
  'Пушкина',
  'Гагарина',
  'Советская',
  'Мира',
  'Профсоюзная',
  'Тверская',
  'Садовая',
  'Лесная',
  'Школьная',
  'Набережная',
  'Молодёжная',
  'Центральная',
  'Новая',
  'Заречная',
  'Комсомольская',
  'Октябрьская',
  'Первомайская',
  'Кирова',
  'Чехова',
  'Горького',
  'Лермонтова',
  'Маяковского',
  'Некрасова',
  'Толстого',
  'Гоголя',
  'Суворова',
  'Кутузова',
  'Жукова',
  'Островского',
  'Свердлова',
  'Калинина',
  'Фрунзе',
  'Дзержинского',
  'Чапаева',
  'Красноармейская',
  'Пролетарская',
  'Рабочая',
  'Заводская',
  'Строителей',
  'Энергетиков',
  'Космонавтов',
  'Победы',
  'Дружбы',
  'Юбилейная',
  'Северная',
  'Южная',
  'Восточная',
  'Западная',
  'Полевая',
  'Луговая',
  'Береговая',
  'Солнечная',
  'Светланская',
  'Алеутская',
  'Океанская',
  'Снеговая',
  'Вернадского',
  'Ломоносова',
  'Менделеева',
  'Павлова',
  'Королёва',
  'Циолковского',
  'Тимирязева',
  'Мичурина',
  'Чкалова',
  'Матросова',
  'Гастелло',
  'Шевченко',
  'Есенина',
  'Блока',
  'Тургенева',
  'Достоевского',
  'Грибоедова',
  'Крылова',
  'Радищева',
  'Герцена',
  'Белинского',
  'Чернышевского',
  'Добролюбова',
  'Рылеева',
  'Пестеля',
  'Декабристов',
  'Партизанская',
  'Краснознамённая',
  'Интернациональная',
  'Коммунистическая',
  'Социалистическая',
  'Революционная',
  'Пионерская',
  'Спортивная',
  'Парковая',
  'Вокзальная',
  'Железнодорожная',
  'Почтовая',
  'Торговая',
  'Рыночная',
  'Базарная',
  'Мельничная',
  'Кузнечная',
  'Гончарная',
  'Ткацкая',
  'Фабричная',
  'Большая Серпуховская',
  'Малая Бронная',
  'Большая Якиманка',
  'Новый Арбат',
  'Ленинский',
  'Кутузовский',
  'Мичуринский',
  'Вавилова',
  'Дмитрия Ульянова',
  'Академика Королёва',
  'Маршала Жукова',
  'Генерала Белова',
  'Героев Панфиловцев',
  'Льва Толстого',
  'Александра Невского',
  'Николая Островского',
  'Максима Горького',
  'Карла Маркса',
  'Фридриха Энгельса',
  'Розы Люксембург',
  'Клары Цеткин',
  '8 Марта',
  '1 Мая',
  '9 Января',
  '40 лет Победы',
  '50 лет Октября',
  'Бауманская',
  'Тимура Фрунзе',
  'Ярославская',
  'Владимирская',
  'Смоленская',
  'Рязанская',
  'Тульская',
  'Калужская',
  'Нижегородская',
  'Казанская',
  'Астраханская',
  'Волжская',
  'Камская',
  'Окская',
  'Донская',
  'Уральская',
  'Сибирская',
  'Амурская',
  'Байкальская',
  'Енисейская',
  'Иртышская',
  'Обская',
  'Ангарская',
  'Невская',
  'Двинская',
  'Печорская',
];

export const STREET_TYPES = ['ул.', 'ул.', 'ул.', 'ул.', 'пр-кт', 'пер.', 'б-р', 'ш.', 'наб.', 'проезд'];
const ORDINALS = ['', '', '', '', '1-я ', '2-я ', '3-я '];

/** A deterministic UUID from a text, so that generated houses keep their ids across runs. */
export function uuidFrom(text: string): string {
  const h = createHash('sha1').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${'89ab'[parseInt(h[16]!, 16) % 4]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A small deterministic generator (mulberry32), so every run builds the same registry. */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratedHouse extends HouseRow {
  city: string;
  streetName: string;
}

/**
 * Houses `from`..`from+count-1` of a generated registry: each city has streets named from the list
 * (with types and ordinals), each street has numbered houses, some with корпус, строение or a letter.
 */
export function generateHouses(from: number, count: number, cities = CITIES, seed = 42): GeneratedHouse[] {
  const out: GeneratedHouse[] = [];
  for (let i = from; i < from + count; i++) {
    const rnd = seededRandom(seed * 1_000_003 + i);
    const city = cities[i % cities.length]!;
    const streetIndex = Math.floor(i / cities.length) % 4000;
    const name = STREET_NAMES[streetIndex % STREET_NAMES.length]!;
    const ordinal = ORDINALS[Math.floor(streetIndex / STREET_NAMES.length) % ORDINALS.length]!;
    const type = STREET_TYPES[Math.floor(streetIndex / (STREET_NAMES.length * ORDINALS.length)) % STREET_TYPES.length]!;
    const street =
      type === 'ул.' || type === 'пер.' || type === 'проезд'
        ? `${type} ${ordinal}${name}`
        : `${ordinal}${name} ${type}`;
    const houseNo = 1 + Math.floor(i / (cities.length * 4000));
    const r = rnd();
    const address = {
      region: city.region,
      settlement: city.settlement,
      street,
      houseNumber: r < 0.08 ? `${houseNo}${'АБВ'[Math.floor(rnd() * 3)]}` : String(houseNo),
      building: r >= 0.08 && r < 0.3 ? String(1 + Math.floor(rnd() * 4)) : null,
      structure: r >= 0.3 && r < 0.38 ? String(1 + Math.floor(rnd() * 3)) : null,
      letter: null,
    };
    out.push({
      fiasHouseGuid: uuidFrom(`domhub-generated-house-${seed}-${i}`),
      ...address,
      fullAddress: formatAddress(address),
      timezone: city.timezone,
      totalArea: (1500 + Math.floor(rnd() * 9000)).toString(),
      searchText: houseSearchText(address),
      city: city.settlement,
      streetName: `${ordinal}${name}`,
    });
  }
  return out;
}
