import {
  isResponseSerializationError,
  serializerCompiler as encodingSerializerCompiler,
} from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { meSchema } from '../../contracts/identity.js';
import { meterListSchema } from '../../contracts/metering.js';
import { parsesAsEncodes, serializerCompiler } from '../../src/http/serializer.js';

const route = (schema: unknown) => ({ schema, method: 'GET', url: '/x', httpStatus: '200' });
const ours = (schema: z.ZodType) => serializerCompiler(route(schema));
const library = (schema: z.ZodType) => encodingSerializerCompiler(route(schema) as never);

/** What each serialiser writes for the value, or that it refused it (a 500 to the client). */
function both(schema: z.ZodType, value: unknown) {
  const run = (serialize: (data: unknown) => string) => {
    try {
      return serialize(value);
    } catch (err) {
      return isResponseSerializationError(err) ? 'refused' : `threw ${String(err)}`;
    }
  };
  return [run(ours(schema)), run(library(schema))];
}

type Tree = { name: string; children: Tree[] };
const tree: z.ZodType<Tree> = z.lazy(() => z.object({ name: z.string(), children: z.array(tree) }));

const item = z.object({
  id: z.uuid(),
  kind: z.enum(['a', 'b']),
  amount: z.string().regex(/^-?\d+$/),
  note: z.string().nullable(),
  at: z.iso.datetime().optional(),
  tags: z.array(z.string().min(1)),
  extra: z.record(z.string(), z.number()),
  shape: z.discriminatedUnion('type', [
    z.object({ type: z.literal('circle'), r: z.number() }),
    z.object({ type: z.literal('square'), side: z.number() }),
  ]),
  tree: tree.optional(),
});
const list = z.object({ items: z.array(item), total: z.number().int() });
const good = {
  id: '00000000-0000-4000-8000-000000000001',
  kind: 'a',
  amount: '-120',
  note: null,
  tags: ['x'],
  extra: { k: 1 },
  shape: { type: 'square', side: 2, secret: 'dropped' },
  tree: { name: 'root', hidden: 1, children: [{ name: 'leaf', children: [], hidden: 2 }] },
  internalId: 42,
};

describe('response serialiser', () => {
  it('parses instead of encoding only where zod parses as it encodes', () => {
    expect(parsesAsEncodes(list)).toBe(true);
    expect(parsesAsEncodes(meSchema)).toBe(true);
    expect(parsesAsEncodes(meterListSchema)).toBe(true);
    expect(parsesAsEncodes(z.object({ a: z.string().transform((s) => s.length) }))).toBe(false);
    expect(parsesAsEncodes(z.object({ a: z.string().default('x') }))).toBe(false);
    expect(parsesAsEncodes(z.object({ a: z.array(z.number().catch(0)) }))).toBe(false);
    expect(parsesAsEncodes(z.object({ a: z.preprocess((v) => v, z.string()) }))).toBe(false);
    expect(parsesAsEncodes(z.object({ a: z.string().readonly() }))).toBe(false);
    const isoDate = z.codec(z.iso.datetime(), z.date(), {
      decode: (s) => new Date(s),
      encode: (d) => d.toISOString(),
    });
    expect(parsesAsEncodes(z.object({ at: isoDate }))).toBe(false);
    // Refinements and overwrites of a container see the raw value when encoding, the stripped one when parsing.
    expect(parsesAsEncodes(z.object({ a: z.string() }).refine((o) => Object.keys(o).length === 1))).toBe(false);
    // A discriminated union with an option for an absent tag picks differently when encoding.
    const absentTag = z.discriminatedUnion('t', [z.object({ t: z.literal('a') }), z.object({ t: z.undefined() })]);
    expect(parsesAsEncodes(absentTag)).toBe(false);
  });

  it('writes what the encoding serialiser writes: undeclared keys dropped at every depth', () => {
    const [a, b] = both(list, { items: [good, { ...good, kind: 'b', at: '2026-12-07T10:00:00Z' }], total: 2 });
    expect(a).toBe(b);
    expect(a).not.toMatch(/internalId|secret|hidden/);
    expect(JSON.parse(a!).items[0].tree.children[0]).toEqual({ name: 'leaf', children: [] });
  });

  it('refuses what the encoding serialiser refuses (a 500, not a wrong answer)', () => {
    for (const bad of [
      { items: [{ ...good, id: 'not-a-uuid' }], total: 1 },
      { items: [{ ...good, kind: 'c' }], total: 1 },
      { items: [{ ...good, note: undefined }], total: 1 },
      { items: [{ ...good, amount: 5 }], total: 1 },
      { items: [{ ...good, shape: { type: 'hexagon' } }], total: 1 },
      { items: [], total: 1.5 },
      { items: [] },
    ]) {
      expect(both(list, bad)).toEqual(['refused', 'refused']);
    }
  });

  it('keeps the encoding serialiser for codecs and transforms', () => {
    const at = z.codec(z.iso.datetime(), z.date(), { decode: (s) => new Date(s), encode: (d) => d.toISOString() });
    const schema = z.object({ at });
    const [a, b] = both(schema, { at: new Date('2026-12-07T10:00:00.000Z') });
    expect(a).toBe('{"at":"2026-12-07T10:00:00.000Z"}');
    expect(b).toBe(a);
  });
});
