/** A JSON value per line, for streaming exports. */
export async function* ndjsonLines<T>(pages: AsyncIterable<T[]>, view: (row: T) => unknown): AsyncGenerator<string> {
  for await (const page of pages) {
    if (page.length) yield `${page.map((r) => JSON.stringify(view(r))).join('\n')}\n`;
  }
}
