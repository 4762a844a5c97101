import {
  MUNICIPAL_RESOURCE_CODES,
  NSI,
  type AccountItem,
  type MeterItem,
  type Payer,
  type ReadingItem,
} from '../../../contracts/gis/items.js';
import { accountsForSync, payersOf, saveAccountGisIdentifiers } from '../../accounts/accounts.repo.js';
import { registeredResidentsFor } from '../../accounts/residents.repo.js';
import { currentPeriod } from '../../calendar.js';
import { snilsCiphersOf } from '../../identity/persons.repo.js';
import { metersForSync, saveMeterGisIdentifiers } from '../../metering/meters.repo.js';
import { readingsForSync } from '../../metering/readings.repo.js';
import { nsiRefsByCode, nsiRefsByField } from './nsi.repo.js';
import { queueHouseExport, queueNsiRefresh } from './reference-sources.js';
import { byId, type Loaded, needs, type SyncSource } from './source.js';

// Sources of the core objects: accounts, meters, readings. Each waits for what the state system must
// know first (a meter needs its account's AccountGUID, a reading its meter's MeteringDeviceVersionGUID).

/** Trailing zeros of numeric(15,3) are fine for MeteringValueType but dropping them keeps messages short. */
const decimal = (v: string | null) =>
  v === null ? undefined : v.includes('.') ? v.replace(/0+$/, '').replace(/\.$/, '') : v;

export const accountSource: SyncSource<'importAccountData'> = {
  objectType: 'account',
  async load(db, enqueue, organisationId, items) {
    const rows = await accountsForSync(
      db,
      organisationId,
      items.map((i) => i.objectId),
    );
    const found = new Map(rows.map((r) => [r.id, r]));
    const payers = await payersOf(
      db,
      rows.map((r) => r.id),
    );
    const snils = await snilsCiphersOf(
      db,
      [...payers.values()].flatMap((p) => (p.personId && !p.snilsCipher ? [p.personId] : [])),
    );
    const idTypes = await nsiRefsByCode(
      db,
      NSI.identityDocument,
      [...payers.values()].flatMap((p) => (p.idDocument ? [p.idDocument.typeCode] : [])),
    );
    const houses: string[] = [];
    const orgLookups: string[] = [];
    let nsiMissing = false;
    const out = new Map<string, Loaded<AccountItem>>();
    for (const i of items) {
      const a = found.get(i.objectId);
      if (!a) {
        out.set(i.id, { error: { code: 'object_missing', text: 'The account no longer exists' } });
        continue;
      }
      if (!a.fiasHouseGuid) {
        out.set(i.id, { error: { code: 'house_without_fias', text: 'The house has no FIAS HouseGUID' } });
        continue;
      }
      // The premise's GUID comes from exportHouseData; until the house was asked about, wait for it.
      if (a.premiseId && !a.gisPremisesGuid && !a.houseExported) {
        houses.push(a.houseId);
        out.set(i.id, { wait: 'house' });
        continue;
      }
      const p = payers.get(a.id);
      const org = p?.organisation;
      let payer: Payer | undefined;
      if (org?.orgVersionGuid) payer = { kind: 'organisation', orgVersionGuid: org.orgVersionGuid };
      else if (org?.ogrn && !org.registryChecked) {
        // PayerInfo names an organisation only by its version in the register: ask the register by OGRN first.
        orgLookups.push(org.ownerId);
        out.set(i.id, { wait: 'org_registry' });
        continue;
      } else if (p && !p.organisation && p.firstName) {
        const snilsCipher = p.snilsCipher ?? (p.personId ? snils.get(p.personId) : undefined);
        const type = p.idDocument ? idTypes.get(p.idDocument.typeCode) : undefined;
        if (!snilsCipher && p.idDocument && !type) {
          nsiMissing = true;
          out.set(i.id, { wait: 'nsi' });
          continue;
        }
        payer = {
          kind: 'person',
          lastName: p.lastName,
          firstName: p.firstName,
          middleName: p.middleName ?? undefined,
          ...(snilsCipher
            ? { snilsCipher }
            : p.idDocument && type
              ? {
                  idDocument: {
                    type,
                    series: p.idDocument.series ?? undefined,
                    numberCipher: p.idDocument.numberCipher,
                    issuedOn: p.idDocument.issuedOn,
                  },
                }
              : {}),
        };
      }
      const residents = await registeredResidentsFor(db, a.id, currentPeriod(new Date(), 'Europe/Moscow'));
      const item: AccountItem = {
        transportGuid: i.transportGuid,
        accountNumber: a.number,
        accountGuid: a.gisAccountGuid ?? undefined,
        fiasHouseGuid: a.fiasHouseGuid,
        premisesGuid: a.gisPremisesGuid ?? undefined,
        sharePercent: a.gisPremisesGuid && p ? percent(p.shareNumerator, p.shareDenominator) : undefined,
        totalArea: a.premiseArea ?? undefined,
        livingPersons: residents ?? undefined,
        payer,
      };
      out.set(i.id, { item });
    }
    if (houses.length) await queueHouseExport(db, enqueue, organisationId, houses);
    if (nsiMissing) await queueNsiRefresh(db, enqueue, organisationId, [NSI.identityDocument]);
    await needs(db, enqueue, organisationId, 'exportOrgRegistry', 'account_owner', orgLookups);
    return out;
  },
  async apply(db, accepted) {
    await saveAccountGisIdentifiers(
      db,
      accepted.map((a) => ({
        id: a.objectId,
        guid: a.result.guid ?? null,
        uniqueNumber: a.result.uniqueNumber ?? null,
        unifiedNumber: a.result.extra?.UnifiedAccountNumber ?? null,
        serviceId: a.result.extra?.ServiceID ?? null,
      })),
    );
  },
};

/** n/d as a percentage with two decimals, by integer arithmetic (SharePercent: 0–100, 2 decimals). */
function percent(n: number, d: number) {
  const hundredths = Math.round((n * 10000) / d);
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`.replace(/\.00$/, '');
}

export const meterSource: SyncSource<'importMeteringDeviceData'> = {
  objectType: 'meter',
  async load(db, enqueue, organisationId, items) {
    const meters = await metersForSync(
      db,
      organisationId,
      items.map((i) => i.objectId),
    );
    const found = new Map(meters.map((m) => [m.id, m]));
    const resources = await nsiRefsByCode(
      db,
      NSI.municipalResource,
      meters.map((m) => resourceCode(m.resource)),
    );
    const intervals = await nsiRefsByField(
      db,
      NSI.verificationInterval,
      NSI16_YEARS,
      meters.flatMap((m) => (m.collective ? [intervalYears(m) ?? ''] : [])),
    );
    const missingAccounts: string[] = [];
    const houses: string[] = [];
    const missingBooks = new Set<number>();
    const out = new Map<string, Loaded<MeterItem>>();
    for (const i of items) {
      const m = found.get(i.objectId);
      if (!m) {
        out.set(i.id, { error: { code: 'object_missing', text: 'The meter no longer exists' } });
        continue;
      }
      if (!m.fiasHouseGuid) {
        out.set(i.id, { error: { code: 'house_without_fias', text: 'The house has no FIAS HouseGUID' } });
        continue;
      }
      const resource = resources.get(resourceCode(m.resource));
      if (!resource) {
        missingBooks.add(NSI.municipalResource);
        out.set(i.id, { wait: 'nsi' });
        continue;
      }
      let placement: MeterItem['placement'];
      let verificationInterval: MeterItem['verificationInterval'];
      if (m.collective) {
        // A house meter (ОДПУ) is a collective device; its verification interval (NSI 16) is required.
        const years = intervalYears(m);
        verificationInterval = years ? intervals.get(years) : undefined;
        if (!years) {
          out.set(i.id, {
            error: {
              code: 'verification_interval_missing',
              text: 'A house meter needs its last and next verification dates',
            },
          });
          continue;
        }
        if (!verificationInterval) {
          missingBooks.add(NSI.verificationInterval);
          out.set(i.id, { wait: 'nsi' });
          continue;
        }
        placement = { kind: 'collective', fiasHouseGuid: m.fiasHouseGuid };
      } else {
        if (!m.gisAccountGuid) {
          missingAccounts.push(m.accountId!);
          out.set(i.id, { wait: 'account' });
          continue;
        }
        if (!m.gisPremisesGuid) {
          if (m.houseExported) {
            out.set(i.id, {
              error: { code: 'premise_not_in_state_system', text: 'The state system has no such premise in the house' },
            });
            continue;
          }
          houses.push(m.houseId);
          out.set(i.id, { wait: 'house' });
          continue;
        }
        // A flat's meter is the premise's device, with the premise's GUID from exportHouseData.
        placement = {
          kind: m.residential ? 'residential' : 'nonResidential',
          premisesGuid: m.gisPremisesGuid,
          accountGuids: [m.gisAccountGuid],
        };
      }
      const item: MeterItem = {
        transportGuid: i.transportGuid,
        placement,
        serialNumber: m.serialNumber,
        resource,
        tariffs: m.tariffs,
        installedOn: m.installedOn ?? undefined,
        verifiedOn: m.verifiedOn ?? undefined,
        sealedOn: m.sealedOn ?? undefined,
        verificationInterval,
        firstReading: m.tariffs > 1 ? { t1: '0', t2: '0', ...(m.tariffs > 2 ? { t3: '0' } : {}) } : { t1: '0' },
      };
      out.set(i.id, { item });
    }
    await needs(db, enqueue, organisationId, 'importAccountData', 'account', missingAccounts);
    if (houses.length) await queueHouseExport(db, enqueue, organisationId, houses);
    if (missingBooks.size) await queueNsiRefresh(db, enqueue, organisationId, [...missingBooks]);
    return out;
  },
  async apply(db, accepted) {
    await saveMeterGisIdentifiers(
      db,
      accepted.map((a) => ({
        id: a.objectId,
        versionGuid: a.result.guid ?? null,
        deviceGuid: a.result.extra?.MeteringDeviceGUID ?? null,
      })),
    );
  },
};

/** The field of NSI 16 that states the interval in years (the simulator's copy names it so; unverified for the real book). */
export const NSI16_YEARS = 'Количество лет';
const resourceCode = (resource: string) =>
  MUNICIPAL_RESOURCE_CODES[resource as keyof typeof MUNICIPAL_RESOURCE_CODES] ?? '';
/** Whole years between the last and the next verification: the meter's interval. */
function intervalYears(m: { verifiedOn: string | null; nextVerification: string | null }) {
  if (!m.verifiedOn || !m.nextVerification) return null;
  const months =
    (Number(m.nextVerification.slice(0, 4)) - Number(m.verifiedOn.slice(0, 4))) * 12 +
    Number(m.nextVerification.slice(5, 7)) -
    Number(m.verifiedOn.slice(5, 7));
  const years = Math.round(months / 12);
  return years > 0 ? String(years) : null;
}

export const readingSource: SyncSource<'importMeteringDeviceValues'> = {
  objectType: 'reading',
  async load(db, enqueue, organisationId, items) {
    const rows = await readingsForSync(
      db,
      organisationId,
      items.map((i) => i.objectId),
    );
    const found = byId(rows);
    const resources = await nsiRefsByCode(
      db,
      NSI.municipalResource,
      rows.map((r) => resourceCode(r.resource)),
    );
    const missingMeters: string[] = [];
    let nsiMissing = false;
    const out = new Map(
      items.map((i): [string, Loaded<ReadingItem>] => {
        const r = found.get(i.objectId);
        if (!r) return [i.id, { error: { code: 'object_missing', text: 'The reading no longer exists' } }];
        const resource = resources.get(resourceCode(r.resource));
        if (!resource) {
          nsiMissing = true;
          return [i.id, { wait: 'nsi' }];
        }
        if (!r.gis_guid) {
          missingMeters.push(r.meter_id);
          return [i.id, { wait: 'meter' }];
        }
        const item: ReadingItem = {
          transportGuid: i.transportGuid,
          meterVersionGuid: r.gis_guid,
          electric: r.resource === 'electricity',
          resource,
          t1: decimal(r.t1)!,
          t2: decimal(r.t2),
          t3: decimal(r.t3),
          takenOn: r.taken_on,
          period: r.period,
        };
        return [i.id, { item }];
      }),
    );
    await needs(db, enqueue, organisationId, 'importMeteringDeviceData', 'meter', missingMeters);
    if (nsiMissing) await queueNsiRefresh(db, enqueue, organisationId, [NSI.municipalResource]);
    return out;
  },
  // Readings keep no state-system identifier of their own; the sync item holds the result.
  async apply() {},
};
