import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';
import { SaxesParser } from 'saxes';
import { withTransaction } from '../../db/pool.js';
import { upsertHouses, type HouseRow } from '../houses.repo.js';
import { formatAddress, houseSearchText } from '../normalize.js';
import {
  clearDirtyHouses,
  dirtyHouses,
  linkApartments,
  markHousesUnder,
  openCheckpoint,
  saveCheckpoint,
  upsertAddrObjects,
  upsertGarApartments,
  upsertGarHouses,
  upsertHierarchy,
} from './gar.repo.js';
import {
  GAR_FILES,
  addrObjectRecord,
  addressLevels,
  apartmentRecord,
  garFileKind,
  hierarchyRecord,
  houseLabel,
  houseParts,
  houseRecord,
  type GarAddrObject,
  type GarApartment,
  type GarFileKind,
  type GarHierarchyItem,
  type GarHouse,
} from './records.js';
import { regionTimezone } from './timezones.js';

export interface GarFileReport {
  file: string;
  kind: GarFileKind;
  records: number;
  written: number;
  resumedFrom: number;
  skipped: boolean;
}

export interface GarImportReport {
  files: GarFileReport[];
  houses: { created: number; updated: number; unchanged: number; waiting: number };
  premisesLinked: number;
}

export interface GarImportOptions {
  batchSize?: number;
  /** Called after each committed batch (progress display; tests use it to interrupt an import). */
  onBatch?: (progress: { file: string; recordsDone: number }) => void | Promise<void>;
  log?: (message: string) => void;
}

/** The ГАР files under `dir` (region folders included), in import order. */
export async function listGarFiles(dir: string): Promise<{ file: string; key: string; kind: GarFileKind }[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && /\.xml$/i.test(e.name))
    .map((e) => {
      const file = path.join(e.parentPath, e.name);
      return { file, key: path.relative(dir, file).split(path.sep).join('/'), kind: garFileKind(e.name) };
    })
    .filter((f): f is { file: string; key: string; kind: GarFileKind } => f.kind !== null);
  const order = (k: GarFileKind) => GAR_FILES.findIndex((f) => f.kind === k);
  return files.sort((a, b) => order(a.kind) - order(b.kind) || a.key.localeCompare(b.key));
}

/**
 * Imports a ГАР export directory: each file is streamed through a SAX parser (constant memory at
 * any file size) and written in batches, each batch committing with the file's checkpoint, so a
 * stopped import resumes after its last batch and a finished file is skipped. Then the houses
 * whose data changed are built into the registry.
 */
export async function importGarDirectory(
  pool: pg.Pool,
  dir: string,
  options: GarImportOptions = {},
): Promise<GarImportReport> {
  const files = await listGarFiles(dir);
  const reports: GarFileReport[] = [];
  for (const f of files) reports.push(await importGarFile(pool, f.file, f.key, f.kind, options));
  const houses = await buildHouses(pool, options);
  const premisesLinked = await linkApartments(pool);
  return { files: reports, houses, premisesLinked };
}

export async function importGarFile<K extends GarFileKind>(
  pool: pg.Pool,
  file: string,
  key: string,
  kind: K,
  options: GarImportOptions = {},
): Promise<GarFileReport> {
  const batchSize = options.batchSize ?? 2000;
  const { size } = await stat(file);
  const checkpoint = await openCheckpoint(pool, key, kind, size);
  const report: GarFileReport = {
    file: key,
    kind,
    records: 0,
    written: 0,
    resumedFrom: checkpoint.recordsDone,
    skipped: false,
  };
  if (checkpoint.status === 'done') {
    report.skipped = true;
    report.records = checkpoint.recordsDone;
    return report;
  }
  options.log?.(`${key}: ${checkpoint.recordsDone ? `resuming after record ${checkpoint.recordsDone}` : 'importing'}`);

  const element = GAR_FILES.find((f) => f.kind === kind)!.element;
  const toRecord: (a: Record<string, string>) => GarRecords[K] | null = RECORD_OF[kind];
  const write: (tx: pg.PoolClient, rows: GarRecords[K][]) => Promise<number> = WRITE_OF[kind];
  let seen = 0;
  // Keyed by object id: a file may repeat an object, and one statement may not write a row twice.
  let batch = new Map<string, GarRecords[K]>();

  const flush = async () => {
    const rows = [...batch.values()];
    batch = new Map();
    const done = seen;
    await withTransaction(pool, async (tx) => {
      report.written += await write(tx, rows);
      await saveCheckpoint(tx, key, done);
    });
    await options.onBatch?.({ file: key, recordsDone: done });
  };

  const parser = new SaxesParser();
  let parseError: Error | null = null;
  parser.on('error', (err) => {
    parseError ??= err;
  });
  parser.on('opentag', (tag) => {
    if (tag.name !== element) return;
    seen++;
    if (seen <= checkpoint.recordsDone) return;
    const record = toRecord(tag.attributes as Record<string, string>);
    if (record) batch.set(record.objectId, record);
  });

  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 256 * 1024 });
  let first = true;
  for await (const chunk of stream as AsyncIterable<string>) {
    parser.write(first ? chunk.replace(/^\uFEFF/, '') : chunk);
    first = false;
    if (parseError) break;
    // The stream stays paused while a batch is written, which bounds memory to about one batch.
    if (batch.size >= batchSize) await flush();
  }
  if (!parseError) parser.close();
  if (parseError) {
    stream.destroy();
    throw new Error(`${key}: not a well-formed ГАР file (${(parseError as Error).message})`);
  }
  await flush();
  await saveCheckpoint(pool, key, seen, true);
  report.records = seen;
  return report;
}

/** The record each file kind holds. */
interface GarRecords {
  addr_obj: GarAddrObject;
  houses: GarHouse;
  apartments: GarApartment;
  adm_hierarchy: GarHierarchyItem;
  mun_hierarchy: GarHierarchyItem;
}

const RECORD_OF: { [K in GarFileKind]: (a: Record<string, string>) => GarRecords[K] | null } = {
  addr_obj: addrObjectRecord,
  houses: houseRecord,
  apartments: apartmentRecord,
  adm_hierarchy: hierarchyRecord,
  mun_hierarchy: hierarchyRecord,
};

const WRITE_OF: { [K in GarFileKind]: (tx: pg.PoolClient, rows: GarRecords[K][]) => Promise<number> } = {
  addr_obj: async (tx, rows) => {
    const r = await upsertAddrObjects(tx, rows);
    await markHousesUnder(tx, r.renamed);
    return r.written;
  },
  houses: upsertGarHouses,
  apartments: upsertGarApartments,
  adm_hierarchy: (tx, rows) => upsertHierarchy(tx, 'adm', rows),
  mun_hierarchy: (tx, rows) => upsertHierarchy(tx, 'mun', rows),
};

/**
 * Builds registry houses from the ГАР houses marked dirty. A house whose hierarchy or region has
 * not arrived yet stays marked and is built by a later import.
 */
export async function buildHouses(pool: pg.Pool, options: GarImportOptions = {}) {
  const totals = { created: 0, updated: 0, unchanged: 0, waiting: 0 };
  let after = '0';
  for (;;) {
    const batch = await dirtyHouses(pool, after, options.batchSize ?? 2000);
    if (!batch.length) break;
    after = batch[batch.length - 1]!.house.objectId;
    const rows: HouseRow[] = [];
    const settled: string[] = [];
    const seenGuids = new Set<string>();
    for (const d of batch) {
      const h = d.house;
      if (!h.isActive || !h.houseNum) {
        // A removed house stays in the registry (accounts may point to it); it is no longer updated.
        settled.push(h.objectId);
        continue;
      }
      const levels = d.adm ? addressLevels(d.adm, d.mun) : null;
      if (!levels?.region) {
        totals.waiting++;
        continue;
      }
      if (seenGuids.has(h.objectGuid)) {
        settled.push(h.objectId);
        continue;
      }
      seenGuids.add(h.objectGuid);
      const parts = houseParts(h);
      const address = {
        region: levels.region,
        municipality: levels.municipality,
        settlement: levels.settlement ?? (levels.regionIsCity ? levels.region : null),
        street: levels.street,
        houseNumber: h.houseNum,
        ...parts,
        houseLabel: houseLabel(h.houseType),
      };
      rows.push({
        fiasHouseGuid: h.objectGuid,
        garObjectId: h.objectId,
        ...address,
        fullAddress: formatAddress(address),
        timezone: regionTimezone(d.regionCode),
        searchText: houseSearchText(address),
      });
      settled.push(h.objectId);
    }
    await withTransaction(pool, async (tx) => {
      for (const r of await upsertHouses(tx, rows, { kind: 'gar' })) totals[r.outcome]++;
      await clearDirtyHouses(tx, settled);
    });
  }
  return totals;
}
