// The notices' words and the time zone their dates are typed and shown in.
import type { Schemas } from '../../api';

export type News = Schemas['News'];
export type NewsState = NonNullable<News['state']>;
export type NewsKind = News['kind'];
export type House = { id: string; fullAddress: string; timezone: string };

export const STATES = ['scheduled', 'live', 'ended', 'withdrawn'] as const satisfies readonly NewsState[];

/** A state's badge text and tone. */
export const STATE: Record<NewsState, [string, string]> = {
  scheduled: ['Запланировано', 'badge'],
  live: ['Опубликовано', 'badge-success'],
  ended: ['Завершено', 'badge-muted'],
  withdrawn: ['Отозвано', 'badge-warning'],
};

export const KIND: Record<NewsKind, string> = {
  common: 'Новость',
  emergency: 'Отключение или авария',
};

/** The time zone shared by the houses (their wall clock), or undefined when they differ or are unknown. */
export function zoneOf(houseIds: readonly string[], houses: readonly House[] | undefined): string | undefined {
  const zones = new Set(houses?.filter((h) => houseIds.includes(h.id)).map((h) => h.timezone));
  return zones.size === 1 ? [...zones][0] : undefined;
}

/** "UTC+10" when the zone's clock differs from this browser's now, else '' (nothing to say). */
export function zoneNote(timeZone: string | undefined, at = new Date()): string {
  if (!timeZone) return '';
  const offset = (tz?: string) =>
    new Intl.DateTimeFormat('en-GB', { timeZone: tz, timeZoneName: 'shortOffset' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value ?? '';
  const theirs = offset(timeZone);
  return theirs && theirs !== offset() ? theirs.replace('GMT', 'UTC') : '';
}

/** The houses of a notice in words: «все дома» when it is for every house of the organisation. */
export function housesText(houseIds: readonly string[], houses: readonly House[] | undefined): string {
  if (!houses) return `${houseIds.length}`;
  if (houses.length > 1 && houses.every((h) => houseIds.includes(h.id))) return 'Все дома';
  const named = houseIds.map((id) => houses.find((h) => h.id === id)?.fullAddress ?? 'дом другой организации');
  return named.length > 3 ? `${named.slice(0, 2).join('; ')} и ещё ${named.length - 2}` : named.join('; ');
}
