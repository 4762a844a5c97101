import { request as httpRequest } from 'node:http';
import { Readable } from 'node:stream';

/** Samples this process's RSS while `work` runs; answers the peak growth over the RSS before it, in MiB. */
export async function peakRssGrowth<T>(
  work: () => Promise<T>,
): Promise<{ result: T; growthMiB: number; beforeMiB: number; peakMiB: number }> {
  global.gc?.();
  const before = process.memoryUsage.rss();
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 10);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage.rss());
    const mib = (n: number) => Math.round(n / 1024 / 1024);
    return { result, growthMiB: mib(peak - before), beforeMiB: mib(before), peakMiB: mib(peak) };
  } finally {
    clearInterval(timer);
  }
}

/**
 * POSTs a body generated chunk by chunk (never held whole by the client) over real HTTP, chunked or
 * with a Content-Length. Resolves with the answer even when the server answers before reading it all.
 */
export function postStream(
  url: string,
  headers: Record<string, string>,
  chunks: () => Generator<string | Buffer> | AsyncGenerator<string | Buffer>,
  contentLength?: number,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      {
        method: 'POST',
        headers: { ...headers, ...(contentLength ? { 'content-length': String(contentLength) } : {}) },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
        res.on('error', reject);
      },
    );
    let answered = false;
    req.on('response', () => (answered = true));
    // A server that answers early (413) and closes makes the unfinished upload fail with EPIPE or a
    // reset; its answer may still be on the way, so the error counts only if none arrives.
    req.on('error', (err) => setTimeout(() => !answered && reject(err), 1000));
    // Chunks go out one event-loop turn apart and stop at the answer, so an early answer is read
    // before the next write would meet the closed socket.
    async function* paced() {
      for await (const chunk of chunks()) {
        if (answered) return;
        yield chunk;
        await new Promise((r) => setImmediate(r));
      }
    }
    const source = Readable.from(paced(), { highWaterMark: 1 });
    source.on('error', reject);
    source.pipe(req);
    req.on('response', () => source.unpipe(req));
    req.on('close', () => source.destroy());
  });
}
