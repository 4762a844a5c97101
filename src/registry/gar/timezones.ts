// Time zone of a house from its region code (the ГАР REGIONCODE, the two-digit subject code).
// Regions not listed keep Moscow time. A few subjects span two zones (Якутия, Сахалин): the
// organisation sets the exact zone of such a house through its house upsert.
const ZONES: Record<string, number[]> = {
  'Europe/Kaliningrad': [39],
  'Europe/Samara': [18, 63],
  'Europe/Ulyanovsk': [73],
  'Europe/Astrakhan': [30],
  'Europe/Saratov': [64],
  'Asia/Yekaterinburg': [2, 45, 56, 59, 66, 72, 74, 86, 89],
  'Asia/Omsk': [55],
  'Asia/Novosibirsk': [54],
  'Asia/Barnaul': [4, 22],
  'Asia/Tomsk': [70],
  'Asia/Novokuznetsk': [42],
  'Asia/Krasnoyarsk': [17, 19, 24],
  'Asia/Irkutsk': [3, 38],
  'Asia/Chita': [75],
  'Asia/Yakutsk': [14, 28],
  'Asia/Vladivostok': [25, 27, 79],
  'Asia/Sakhalin': [65],
  'Asia/Magadan': [49],
  'Asia/Kamchatka': [41],
  'Asia/Anadyr': [87],
};

const BY_CODE = new Map<number, string>(
  Object.entries(ZONES).flatMap(([zone, codes]) => codes.map((c) => [c, zone] as [number, string])),
);

export const regionTimezone = (regionCode: number | null | undefined) =>
  (regionCode && BY_CODE.get(regionCode)) || 'Europe/Moscow';
