import type { FastifySerializerCompiler } from 'fastify';
import {
  ResponseSerializationError,
  serializerCompiler as encodingSerializerCompiler,
} from 'fastify-type-provider-zod';
import { $ZodType, safeParse } from 'zod/v4/core';

// Node types whose decode (parse) and encode can differ: transforms, pipes (codecs, preprocess), defaults,
// catch, success, readonly, promises and functions. Any other node parses and encodes alike.
const DIRECTIONAL = new Set([
  'transform',
  'pipe',
  'default',
  'prefault',
  'catch',
  'success',
  'readonly',
  'promise',
  'function',
]);
// Checks that can see more than the node's own value or change it: on an object or array, zod runs them on the
// raw value before an encode and on the parsed (stripped) one after a parse.
const VALUE_CHECKS = new Set(['custom', 'overwrite']);
const LEAVES = new Set([
  'string',
  'number',
  'int',
  'boolean',
  'bigint',
  'symbol',
  'null',
  'undefined',
  'void',
  'never',
  'any',
  'unknown',
  'date',
  'nan',
  'enum',
  'literal',
  'template_literal',
  'file',
  'custom',
]);

interface Def {
  type: string;
  checks?: { _zod: { def: { check: string } } }[];
  [key: string]: unknown;
}

/**
 * Whether zod's parse of this schema gives what its encode gives, for every value: true when no node of it
 * is directional (see DIRECTIONAL) and no container carries a refinement or an overwrite. Unknown node
 * types count as directional.
 */
export function parsesAsEncodes(schema: $ZodType, seen = new Set<$ZodType>()): boolean {
  if (seen.has(schema)) return true; // a recursive schema (z.lazy): its nodes are being checked already
  seen.add(schema);
  const def = schema._zod.def as unknown as Def;
  if (DIRECTIONAL.has(def.type)) return false;
  if (LEAVES.has(def.type)) return true;
  if (def.checks?.some((c) => VALUE_CHECKS.has(c._zod.def.check))) return false;
  const inner = (...schemas: unknown[]) =>
    schemas.every((s) => s === undefined || (s instanceof $ZodType && parsesAsEncodes(s, seen)));
  switch (def.type) {
    case 'object':
      return inner(...Object.values(def.shape as Record<string, unknown>), def.catchall);
    case 'array':
      return inner(def.element);
    case 'tuple':
      return inner(...(def.items as unknown[]), def.rest);
    case 'record':
    case 'map':
      return inner(def.keyType, def.valueType);
    case 'set':
      return inner(def.valueType);
    case 'intersection':
      return inner(def.left, def.right);
    case 'optional':
    case 'nullable':
    case 'nonoptional':
      return inner(def.innerType);
    case 'lazy':
      return inner((def.getter as () => unknown)());
    case 'union': {
      const options = def.options as $ZodType[];
      // A discriminated union picks its option by the tag when parsing but tries them in turn when encoding
      // a value without one: alike unless an option takes an absent tag.
      const tag = def.discriminator as string | undefined;
      if (tag && options.some((o) => o._zod.propValues?.[tag]?.has(undefined))) return false;
      return inner(...options);
    }
    default:
      return false;
  }
}

/**
 * Fastify's response serialiser, from the routes' zod schemas. The answer is checked against the schema
 * (a mismatch is a 500, ResponseSerializationError) and keys the schema does not declare are dropped, so
 * nothing a row carries beyond the contract reaches the client: fastify-type-provider-zod's serialiser,
 * which does this with zod's encode. Encoding runs every checked node twice (a pass without checks, then one
 * with them) and skips zod's compiled object parser, some 2–3 times the cost of a parse (~40 µs of a meter
 * list, issue 14); where the schema parses as it encodes (parsesAsEncodes), this parses instead. Schemas
 * with transforms, codecs, defaults and the like keep the encoding serialiser.
 */
export const serializerCompiler: FastifySerializerCompiler<unknown> = (route) => {
  const { schema, method, url } = route;
  if (!(schema instanceof $ZodType) || !parsesAsEncodes(schema))
    return encodingSerializerCompiler(route as Parameters<typeof encodingSerializerCompiler>[0]);
  return (data: unknown) => {
    const result = safeParse(schema, data);
    if (!result.success) throw new ResponseSerializationError(method, url, { cause: result.error });
    return JSON.stringify(result.data);
  };
};
