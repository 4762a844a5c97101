export const RESOURCES: Record<string, string> = {
  cold_water: 'Холодная вода',
  hot_water: 'Горячая вода',
  electricity: 'Электроэнергия',
  heat: 'Отопление',
  gas: 'Газ',
};

/** Who gave a reading (meter_readings.source). */
export const READING_SOURCES: Record<string, string> = {
  resident: 'Личный кабинет',
  organisation: 'Управляющая организация',
  state_system: 'Госуслуги.Дом',
  call_centre: 'Диспетчерская',
};

export const TARIFF_NAMES: Record<number, string[]> = {
  1: [''],
  2: ['день', 'ночь'],
  3: ['пик', 'полупик', 'ночь'],
};

export type Tariff = 't1' | 't2' | 't3';
export const tariffsOf = (count: number): Tariff[] => (['t1', 't2', 't3'] as const).slice(0, Math.max(1, count));

/** "Т1 (день)" for meters with more than one tariff, "" otherwise. */
export function tariffLabel(count: number, index: number): string {
  if (count < 2) return '';
  return `Т${index + 1} (${TARIFF_NAMES[count]?.[index] ?? ''})`;
}

const UNITS: Record<string, string> = { m3: 'м³', kWh: 'кВт·ч', Gcal: 'Гкал', 'm³': 'м³' };
/** The API's unit symbol in Russian: m3 → м³, kWh → кВт·ч, Gcal → Гкал. */
export const unitOf = (unit: string) => UNITS[unit] ?? unit;
