import { randomUUID } from 'node:crypto';
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { ExclusiveCanonicalization } from 'xml-crypto';
import { canonicalizeById } from '../../adapters/gis/c14n.js';
import { envelope, renderImport, SIGNED_CONTAINER_ID } from '../../adapters/gis/render.js';
import { MUNICIPAL_RESOURCE_CODES } from '../../contracts/gis/items.js';

// The one-pass exclusive C14N of the signer against xml-crypto's (a DOM canonicaliser of its own).
const theirs = (xml: string) => {
  const all = new DOMParser().parseFromString(xml, 'text/xml').getElementsByTagName('*');
  for (let i = 0; i < all.length; i++)
    if (all[i]!.getAttribute('Id') === SIGNED_CONTAINER_ID) return new ExclusiveCanonicalization().process(all[i]!, {});
  throw new Error('no container');
};

describe('exclusive C14N in one pass', () => {
  it('equals xml-crypto on a rendered message of 1,000 readings', () => {
    const items = Array.from({ length: 1000 }, (_, i) => ({
      transportGuid: randomUUID(),
      meterVersionGuid: randomUUID(),
      electric: i % 2 === 0,
      resource: { code: MUNICIPAL_RESOURCE_CODES.electricity, guid: randomUUID(), name: 'Электрическая энергия' },
      t1: '12.345',
      t2: '1',
      takenOn: '2026-01-20',
      period: '2026-01',
    }));
    const xml = envelope({
      messageGuid: randomUUID(),
      date: new Date().toISOString(),
      orgPpaGuid: randomUUID(),
      body: renderImport('importMeteringDeviceValues', items),
    });
    expect(canonicalizeById(xml, SIGNED_CONTAINER_ID)!.canonical).toBe(theirs(xml));
  });

  it('equals xml-crypto on namespaces, attribute order, escapes and empty elements; leaves other markup to the DOM path', () => {
    const xml =
      `<r xmlns="urn:d" xmlns:a="urn:a"><x Id="signed-data-container" b="2" a:z="&quot;&lt;&#xD;&#9;'&gt;" a="1"><a:y/>t&amp;&gt;&quot;` +
      `<z xmlns="" q="1"/><w xmlns:a="urn:a2" a:k="v"><a:u/></w></x></r>`;
    const ours = canonicalizeById(xml, SIGNED_CONTAINER_ID)!;
    expect(ours.canonical).toBe(theirs(xml));
    expect(ours.inScope).toEqual({ '': 'urn:d', a: 'urn:a' });
    expect(canonicalizeById(xml.replace('<a:y/>', '<!-- c --><a:y/>'), SIGNED_CONTAINER_ID)).toBeNull();
  });
});
