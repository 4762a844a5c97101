import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BadRow, MAX_ROW_CHARS, readRowBatches } from '../../src/metering/import-body.js';

const read = async (chunks: (string | Buffer)[], format: 'json' | 'ndjson', batchSize = 3) => {
  const batches: unknown[][] = [];
  for await (const b of readRowBatches(Readable.from(chunks.map((c) => Buffer.from(c))), {
    format,
    limitBytes: 1e9,
    batchSize,
  }))
    batches.push(b);
  return batches;
};

/** Cuts a text's UTF-8 bytes at the given points (multi-byte characters may be split). */
const cut = (text: string, points: number[]) => {
  const bytes = Buffer.from(text);
  const at = [...new Set(points.map((p) => p % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Buffer[] = [];
  let from = 0;
  for (const p of at) {
    out.push(bytes.subarray(from, p));
    from = p;
  }
  out.push(bytes.subarray(from));
  return out.map((b) => b.toString('latin1')).map((s) => Buffer.from(s, 'latin1'));
};

const row = fc.dictionary(
  fc.string({ maxLength: 8 }),
  fc.oneof(
    fc.string(),
    fc.constantFrom('a"b', '\\', '[{', '}]', ',', 'Иванов', '😀'),
    fc.integer(),
    fc.constant(null),
    fc.array(fc.string(), { maxLength: 3 }),
  ),
  { maxKeys: 5 },
);

describe('the import body reader', () => {
  it('splits a JSON array into the same rows as JSON.parse, however the bytes are cut', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { maxLength: 12 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        fc.boolean(),
        async (rows, points, pretty) => {
          const text = pretty ? JSON.stringify(rows, null, 2) : JSON.stringify(rows);
          const batches = [];
          for await (const b of readRowBatches(Readable.from(cut(text, points)), {
            format: 'json',
            limitBytes: 1e9,
            batchSize: 5,
          }))
            batches.push(b);
          expect(batches.flat()).toEqual(JSON.parse(text));
          expect(batches.every((b) => b.length <= 5)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads NDJSON the same way, blank lines skipped', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 12 }), fc.array(fc.nat(), { maxLength: 8 }), async (rows, points) => {
        const text = `${rows.map((r) => JSON.stringify(r)).join('\n\n')}\n`;
        const batches = [];
        for await (const b of readRowBatches(Readable.from(cut(text, points)), {
          format: 'ndjson',
          limitBytes: 1e9,
          batchSize: 4,
        }))
          batches.push(b);
        expect(batches.flat()).toEqual(rows);
      }),
      { numRuns: 300 },
    );
  });

  it('turns rows that are not objects, too deep or too long into bad rows and goes on', async () => {
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    const long = JSON.stringify({ a: 'x'.repeat(MAX_ROW_CHARS + 10) });
    const json = (await read([`[{"a":1}, 5, "s", ${deep}, ${long}, {"b":2}]`], 'json', 100)).flat();
    expect(json.map((r) => (r instanceof BadRow ? r.message : r))).toEqual([
      { a: 1 },
      'The row is not a JSON object',
      'The row is not a JSON object',
      expect.stringContaining('deeper than'),
      expect.stringContaining('longer than'),
      { b: 2 },
    ]);
    const nd = (await read([`{"a":1}\n{not json\n${deep}\n${long}\n{"b":2}`], 'ndjson', 100)).flat();
    expect(nd.map((r) => (r instanceof BadRow ? r.message : r))).toEqual([
      { a: 1 },
      'The row is not valid JSON',
      'The row is not a JSON object',
      expect.stringContaining('longer than'),
      { b: 2 },
    ]);
  });

  it('refuses a body that is not one JSON array, or is cut off, or too large', async () => {
    for (const body of ['{"rows":[]}', '[{"a":1}', '[{"a":1},]', '[{"a":1}] x', '']) {
      await expect(read([body], 'json'), body).rejects.toMatchObject({ status: 400, code: 'malformed_body' });
    }
    expect((await read(['[]'], 'json')).flat()).toEqual([]);
    const big = readRowBatches(Readable.from([Buffer.from('[{"a":1},'), Buffer.from('{"a":2}]')]), {
      format: 'json',
      limitBytes: 12,
      batchSize: 10,
    });
    await expect(
      (async () => {
        for await (const _ of big);
      })(),
    ).rejects.toMatchObject({ status: 413, code: 'body_too_large' });
  });
});
