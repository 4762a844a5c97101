import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';
import { AppError } from '../errors.js';
import { MAX_JSON_DEPTH } from '../http/text-guard.js';

/** A row that could not be read (not JSON, not an object, too large, too deep): reported by its index. */
export class BadRow {
  constructor(readonly message: string) {}
}

/** The longest row read; a longer line or array element is reported as a bad row and skipped. */
export const MAX_ROW_CHARS = 64 * 1024;

export interface ReadOptions {
  format: 'json' | 'ndjson';
  limitBytes: number;
  batchSize: number;
  /** Sees every raw chunk as it arrives (the idempotency hash of the body). */
  onChunk?: (chunk: Buffer) => void;
}

const tooLarge = (limit: number) => new AppError(413, 'body_too_large', `The body is larger than ${limit} bytes`);
const malformed = (detail: string) => new AppError(400, 'malformed_body', detail);

function parseRow(text: string): unknown {
  try {
    const v = JSON.parse(text) as unknown;
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? v : new BadRow('The row is not a JSON object');
  } catch {
    return new BadRow('The row is not valid JSON');
  }
}

/** The decoded text of a body as it arrives, with the byte limit checked per chunk (413 past it). */
async function* textChunks(stream: Readable, { limitBytes, onChunk }: ReadOptions): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let bytes = 0;
  for await (const chunk of stream) {
    const buf = chunk as Buffer;
    bytes += buf.length;
    if (bytes > limitBytes) {
      stream.destroy();
      throw tooLarge(limitBytes);
    }
    onChunk?.(buf);
    yield decoder.write(buf);
  }
  yield decoder.end();
}

/** Reads the rest of a body without keeping it: for the hash of a replayed request. */
export async function drainBody(stream: Readable, options: ReadOptions): Promise<void> {
  for await (const _ of textChunks(stream, options));
}

/**
 * Reads an import body as it streams in, as batches of at most `batchSize` rows: NDJSON one row per
 * non-empty line, or a JSON array one row per element (a small scanner finds the element boundaries,
 * so the array is never held whole). Memory is bounded by the batch and MAX_ROW_CHARS per row,
 * whatever the body's size or nesting.
 */
export async function* readRowBatches(stream: Readable, options: ReadOptions): AsyncGenerator<unknown[]> {
  const text = textChunks(stream, options);
  const rows = options.format === 'ndjson' ? ndjsonRows(text) : jsonArrayRows(text);
  let batch: unknown[] = [];
  for await (const row of rows) {
    batch.push(row);
    if (batch.length >= options.batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

const lineTooLong = () => new BadRow(`The line is longer than ${MAX_ROW_CHARS} characters`);

async function* ndjsonRows(chunks: AsyncGenerator<string>): AsyncGenerator<unknown> {
  let rest = '';
  let skipping = false; // inside a line already reported as too long
  for await (const text of chunks) {
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      const line = rest + text.slice(start, nl);
      rest = '';
      start = nl + 1;
      if (skipping) skipping = false;
      else if (line.trim()) yield line.length > MAX_ROW_CHARS ? lineTooLong() : parseRow(line);
    }
    if (skipping) continue;
    rest += text.slice(start);
    if (rest.length > MAX_ROW_CHARS) {
      yield lineTooLong();
      rest = '';
      skipping = true;
    }
  }
  if (!skipping && rest.trim()) yield parseRow(rest);
}

/**
 * Splits a JSON array into its elements' texts: tracks strings, escapes and nesting only, and hands
 * each complete element to JSON.parse. Elements nested deeper than MAX_JSON_DEPTH or longer than
 * MAX_ROW_CHARS become bad rows without being kept.
 */
async function* jsonArrayRows(chunks: AsyncGenerator<string>): AsyncGenerator<unknown> {
  let state = 'before' as 'before' | 'between' | 'element' | 'after';
  let depth = 0; // inside the element
  let inString = false;
  let escaped = false;
  let text = ''; // the element so far, from earlier chunks
  let bad: BadRow | null = null;
  let slot: 'open' | 'comma' | 'value' = 'open'; // just after '[', after ',', after an element
  for await (const chunk of chunks) {
    let from = -1; // where the element started in this chunk
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (state === 'element') {
        if (inString) {
          if (escaped) escaped = false;
          else if (c === 0x5c) escaped = true;
          else if (c === 0x22) inString = false;
          continue;
        }
        if (c === 0x22) inString = true;
        else if (c === 0x7b || c === 0x5b) {
          if (++depth > MAX_JSON_DEPTH) bad ??= new BadRow(`The row nests deeper than ${MAX_JSON_DEPTH} levels`);
        } else if (c === 0x7d || c === 0x5d) {
          if (depth === 0 && c === 0x5d) {
            // the array's own ']' right after a scalar element
            yield finish(chunk.slice(from === -1 ? 0 : from, i));
            state = 'after';
            continue;
          }
          depth--;
        } else if (c === 0x2c && depth === 0) {
          yield finish(chunk.slice(from === -1 ? 0 : from, i));
          state = 'between';
          slot = 'comma';
          continue;
        }
        if (depth === 0 && (c === 0x7d || c === 0x5d)) {
          yield finish(chunk.slice(from === -1 ? 0 : from, i + 1));
          state = 'between';
          slot = 'value';
        }
        continue;
      }
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) continue;
      if (state === 'before') {
        if (c !== 0x5b) throw malformed('Send a JSON array of rows, or NDJSON (application/x-ndjson)');
        state = 'between';
        slot = 'open';
      } else if (state === 'between') {
        if (c === 0x5d && slot !== 'comma') state = 'after';
        else if (c === 0x2c && slot === 'value') slot = 'comma';
        else if (slot !== 'value' && c !== 0x5d && c !== 0x7d && c !== 0x2c && c !== 0x3a) {
          state = 'element';
          from = i;
          inString = c === 0x22;
          depth = c === 0x7b || c === 0x5b ? 1 : 0;
        } else throw malformed(`Unexpected "${String.fromCharCode(c)}" in the JSON array`);
      } else throw malformed('Nothing may follow the JSON array');
    }
    if (state === 'element') keep(chunk.slice(from === -1 ? 0 : from));
  }
  if (state !== 'after') throw malformed(state === 'before' ? 'The body is empty' : 'The JSON array is cut off');

  function keep(part: string) {
    if (bad) return;
    if (text.length + part.length <= MAX_ROW_CHARS) text += part;
    else bad = new BadRow(`The row is longer than ${MAX_ROW_CHARS} characters`);
  }
  function finish(last: string): unknown {
    keep(last);
    const row = bad ?? parseRow(text);
    text = '';
    bad = null;
    inString = false;
    escaped = false;
    depth = 0;
    return row;
  }
}
