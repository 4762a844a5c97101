import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';
import { AppError } from '../http/errors.js';

/** Marks an NDJSON line that was not a JSON object, so it is reported by its index instead of failing the body. */
export const UNPARSABLE = Symbol('unparsable');

/**
 * Reads an NDJSON body as it arrives, one record per non-empty line, without holding the whole body
 * as one string. A line that is not a JSON object becomes UNPARSABLE (reported by its index).
 * The byte limit is checked as the bytes arrive (413 past it).
 */
export async function readNdjson(stream: Readable, limitBytes: number): Promise<unknown[]> {
  const decoder = new StringDecoder('utf8');
  const rows: unknown[] = [];
  let bytes = 0;
  let rest = '';
  const take = (line: string) => {
    if (!line.trim()) return;
    try {
      const v = JSON.parse(line);
      rows.push(v !== null && typeof v === 'object' && !Array.isArray(v) ? v : UNPARSABLE);
    } catch {
      rows.push(UNPARSABLE);
    }
  };
  for await (const chunk of stream) {
    bytes += (chunk as Buffer).length;
    if (bytes > limitBytes) {
      stream.destroy();
      throw new AppError(413, 'body_too_large', `The body is larger than ${limitBytes} bytes`);
    }
    const text = rest + decoder.write(chunk as Buffer);
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      take(text.slice(start, nl));
      start = nl + 1;
    }
    rest = text.slice(start);
  }
  take(rest + decoder.end());
  return rows;
}

/** A JSON value per line, for streaming exports. */
export async function* ndjsonLines<T>(pages: AsyncIterable<T[]>, view: (row: T) => unknown): AsyncGenerator<string> {
  for await (const page of pages) {
    if (page.length) yield page.map((r) => JSON.stringify(view(r))).join('\n') + '\n';
  }
}
