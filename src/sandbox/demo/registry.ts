import type { SqlExecutor } from '../../../contracts/ports.js';
import { upsertHouses } from '../../registry/houses.repo.js';
import { reindexMissingSearchText } from '../../registry/service.js';
import { CITIES, generateHouses } from './addresses.js';

/**
 * The registry of the demo: the core houses made searchable, and 400 generated houses in Moscow and
 * Vladivostok (not managed by any organisation) so that address search has something to choose from.
 */
export async function seedRegistry(db: SqlExecutor) {
  await reindexMissingSearchText(db);
  const cities = CITIES.filter((c) => c.settlement === 'г. Москва' || c.settlement === 'г. Владивосток');
  const houses = generateHouses(0, 400, cities, 7).map(({ city: _c, streetName: _s, ...h }) => h);
  await upsertHouses(db, houses, { kind: 'gar' });
}
