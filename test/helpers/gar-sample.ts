import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

// A small ГАР export written the way the official files are: one element per record version,
// values in attributes, region folders, file names AS_<KIND>_<date>_<guid>.XML.

const guid = (n: number) => `00000000-0000-4000-9000-${n.toString(16).padStart(12, '0')}`;
const attrs = (a: Record<string, string | number | undefined>) =>
  Object.entries(a)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}="${String(v).replace(/"/g, '&quot;')}"`)
    .join(' ');
const common = {
  CHANGEID: 1,
  OPERTYPEID: 1,
  PREVID: 0,
  NEXTID: 0,
  UPDATEDATE: '2026-11-01',
  STARTDATE: '2026-11-01',
  ENDDATE: '2079-06-06',
};

export const GAR_SAMPLE = {
  // 43 корп. 1 is the demo house (src/sandbox/demo/core.ts): ГАР completes it and keeps its organisation
  houseGuids: {
    profsoyuznaya43k1: 'b6f0a7d2-3c41-4e8f-9a2d-6c1e5f4a3b21',
    profsoyuznaya45: guid(2002),
    tverskaya7s2: guid(2003),
    svetlanskaya10a: guid(2004),
  },
  objects: {
    moscow: 1001,
    profsoyuznaya: 1002,
    tverskaya: 1003,
    primorye: 1101,
    vladivostok: 1102,
    svetlanskaya: 1103,
  },
};

/** Writes the sample to a new temporary directory and returns its path. */
export async function writeGarSample(options: { profsoyuznayaName?: string } = {}): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'gar-sample-'));
  const o = GAR_SAMPLE.objects;
  const objects = [
    { OBJECTID: o.moscow, OBJECTGUID: guid(o.moscow), NAME: 'Москва', TYPENAME: 'г', LEVEL: 1, region: 77 },
    // an old version of the street, no longer actual
    {
      OBJECTID: o.profsoyuznaya,
      OBJECTGUID: guid(o.profsoyuznaya),
      NAME: 'Старое название',
      TYPENAME: 'ул',
      LEVEL: 8,
      region: 77,
      ISACTUAL: 0,
    },
    {
      OBJECTID: o.profsoyuznaya,
      OBJECTGUID: guid(o.profsoyuznaya),
      NAME: options.profsoyuznayaName ?? 'Профсоюзная',
      TYPENAME: 'ул',
      LEVEL: 8,
      region: 77,
    },
    { OBJECTID: o.tverskaya, OBJECTGUID: guid(o.tverskaya), NAME: 'Тверская', TYPENAME: 'ул', LEVEL: 8, region: 77 },
    { OBJECTID: o.primorye, OBJECTGUID: guid(o.primorye), NAME: 'Приморский', TYPENAME: 'край', LEVEL: 1, region: 25 },
    {
      OBJECTID: o.vladivostok,
      OBJECTGUID: guid(o.vladivostok),
      NAME: 'Владивосток',
      TYPENAME: 'г',
      LEVEL: 5,
      region: 25,
    },
    {
      OBJECTID: o.svetlanskaya,
      OBJECTGUID: guid(o.svetlanskaya),
      NAME: 'Светланская',
      TYPENAME: 'ул',
      LEVEL: 8,
      region: 25,
    },
  ];
  const houses = [
    {
      OBJECTID: 2001,
      OBJECTGUID: GAR_SAMPLE.houseGuids.profsoyuznaya43k1,
      HOUSENUM: '43',
      ADDNUM1: '1',
      HOUSETYPE: 2,
      ADDTYPE1: 1,
      street: o.profsoyuznaya,
      region: 77,
    },
    {
      OBJECTID: 2002,
      OBJECTGUID: GAR_SAMPLE.houseGuids.profsoyuznaya45,
      HOUSENUM: '45',
      HOUSETYPE: 2,
      street: o.profsoyuznaya,
      region: 77,
    },
    {
      OBJECTID: 2003,
      OBJECTGUID: GAR_SAMPLE.houseGuids.tverskaya7s2,
      HOUSENUM: '7',
      ADDNUM1: '2',
      HOUSETYPE: 2,
      ADDTYPE1: 2,
      street: o.tverskaya,
      region: 77,
    },
    {
      OBJECTID: 2004,
      OBJECTGUID: GAR_SAMPLE.houseGuids.svetlanskaya10a,
      HOUSENUM: '10А',
      HOUSETYPE: 2,
      street: o.svetlanskaya,
      region: 25,
    },
    // a demolished house: known to ГАР, not active
    {
      OBJECTID: 2005,
      OBJECTGUID: guid(2005),
      HOUSENUM: '99',
      HOUSETYPE: 2,
      street: o.tverskaya,
      region: 77,
      ISACTIVE: 0,
    },
  ];
  const apartments = [
    { OBJECTID: 3001, OBJECTGUID: guid(3001), NUMBER: '1', APARTTYPE: 2, house: 2001, region: 77 },
    { OBJECTID: 3002, OBJECTGUID: guid(3002), NUMBER: '2', APARTTYPE: 2, house: 2001, region: 77 },
  ];
  const parentOf = (region: number) => (region === 77 ? [o.moscow] : [o.primorye, o.vladivostok]);

  for (const region of [77, 25]) {
    const folder = path.join(dir, String(region));
    await mkdir(folder, { recursive: true });
    const file = (kind: string) => path.join(folder, `AS_${kind}_20261101_${guid(region)}.XML`);
    const xml = (root: string, element: string, rows: Record<string, string | number | undefined>[]) =>
      `\uFEFF<?xml version="1.0" encoding="utf-8"?><${root}>${rows.map((r) => `<${element} ${attrs(r)} />`).join('\n')}</${root}>`;
    let id = region * 100000;
    const objs = objects.filter((x) => x.region === region);
    await writeFile(
      file('ADDR_OBJ'),
      xml(
        'ADDRESSOBJECTS',
        'OBJECT',
        objs.map(({ region: _r, ISACTUAL, ...x }) => ({
          ID: ++id,
          ...x,
          ...common,
          ISACTUAL: ISACTUAL ?? 1,
          ISACTIVE: 1,
        })),
      ),
    );
    const hs = houses.filter((x) => x.region === region);
    await writeFile(
      file('HOUSES'),
      xml(
        'HOUSES',
        'HOUSE',
        hs.map(({ region: _r, street: _s, ISACTIVE, ...x }) => ({
          ID: ++id,
          ...x,
          ...common,
          ISACTUAL: 1,
          ISACTIVE: ISACTIVE ?? 1,
        })),
      ),
    );
    const aps = apartments.filter((x) => x.region === region);
    await writeFile(
      file('APARTMENTS'),
      xml(
        'APARTMENTS',
        'APARTMENT',
        aps.map(({ region: _r, house: _h, ...x }) => ({
          ID: ++id,
          ...x,
          ...common,
          ISACTUAL: 1,
          ISACTIVE: 1,
        })),
      ),
    );
    const items: Record<string, string | number>[] = [];
    const chain = parentOf(region);
    chain.forEach((obj, i) => {
      items.push({ OBJECTID: obj, PARENTOBJID: i ? chain[i - 1]! : 0, PATH: chain.slice(0, i + 1).join('.') });
    });
    for (const s of objs.filter((x) => x.LEVEL === 8))
      items.push({ OBJECTID: s.OBJECTID, PARENTOBJID: chain.at(-1)!, PATH: [...chain, s.OBJECTID].join('.') });
    for (const h of hs)
      items.push({ OBJECTID: h.OBJECTID, PARENTOBJID: h.street, PATH: [...chain, h.street, h.OBJECTID].join('.') });
    for (const a of aps) {
      const h = hs.find((x) => x.OBJECTID === a.house)!;
      items.push({
        OBJECTID: a.OBJECTID,
        PARENTOBJID: h.OBJECTID,
        PATH: [...chain, h.street, h.OBJECTID, a.OBJECTID].join('.'),
      });
    }
    // an inactive link that must be ignored
    items.push({ OBJECTID: hs[0]!.OBJECTID, PARENTOBJID: 999, PATH: `999.${hs[0]!.OBJECTID}`, ISACTIVE: 0 });
    await writeFile(
      file('ADM_HIERARCHY'),
      xml(
        'ITEMS',
        'ITEM',
        items.map((x) => ({
          ID: ++id,
          ...x,
          CHANGEID: 1,
          REGIONCODE: region,
          PREVID: 0,
          NEXTID: 0,
          UPDATEDATE: '2026-11-01',
          STARTDATE: '2026-11-01',
          ENDDATE: '2079-06-06',
          ISACTIVE: x.ISACTIVE ?? 1,
        })),
      ),
    );
  }
  return dir;
}
