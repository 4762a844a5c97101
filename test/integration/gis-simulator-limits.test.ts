import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NS } from '../../contracts/gis/operations.js';
import { SIM_LIMITS } from '../../src/sandbox/gis/screen.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { peakRssGrowth, postStream } from '../helpers/rss.js';

// Finding 1 of issue 14: one unauthenticated request to the state-system simulator must not take the
// process down. Bodies past the limit are refused unread, hostile XML before any DOM is built.

let t: TestApp;
let url: string;
beforeAll(async () => {
  t = await startTestApp({ label: 'gis_limits', listen: true, seed: false });
  url = `${t.baseUrl}/sandbox/gis/ext-bus-home-management-service/services/HomeManagementAsync`;
});
afterAll(() => t?.close());

const XML = { 'content-type': 'text/xml; charset=utf-8', soapaction: 'urn:getState' };
const OPEN = `<?xml version="1.0"?><soap:Envelope xmlns:soap="${NS.soap}"><soap:Body><x>`;
const CLOSE = '</x></soap:Body></soap:Envelope>';

/** An envelope of `bytes` bytes that is nearly all empty elements, produced in 1 MiB chunks. */
function* emptyElements(bytes: number) {
  yield OPEN;
  const chunk = '<a/>'.repeat(256 * 1024); // 1 MiB
  let left = bytes - OPEN.length - CLOSE.length;
  while (left >= chunk.length) {
    yield chunk;
    left -= chunk.length;
  }
  yield '<a/>'.repeat(Math.floor(left / 4)) + ' '.repeat(left % 4);
  yield CLOSE;
}

const stillAnswers = async () => {
  expect((await fetch(`${t.baseUrl}/healthz`)).status).toBe(200);
  // A well-formed envelope that is not a known request still gets its SOAP fault.
  const res = await fetch(url, { method: 'POST', headers: XML, body: `${OPEN}${CLOSE}` });
  expect(res.status).toBe(500);
  expect(await res.text()).toContain('FMT001300');
};

describe('the simulator under a hostile body', () => {
  it('answers a body past the limit with a 413 problem', async () => {
    const body = [...emptyElements(SIM_LIMITS.bodyBytes + 1024)].join('');
    const res = await t.app.inject({ method: 'POST', url: url.slice(t.baseUrl.length), headers: XML, payload: body });
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe('body_too_large');
  });

  it('stops reading a 50 MB envelope of empty elements at the limit, chunked or with a length', async () => {
    const size = 50 * 1024 * 1024;
    // The server answers 413 and closes while the client is still sending: the client sees the answer,
    // or, when the close overtakes it, a reset. Either way the body is not read past the limit.
    const refused = (res: { status: number }) => res.status;
    const reset = (err: NodeJS.ErrnoException) =>
      ['EPIPE', 'ECONNRESET'].includes(err.code ?? '') ? 0 : Promise.reject(err);
    const { result, growthMiB } = await peakRssGrowth(async () => [
      await postStream(url, XML, () => emptyElements(size)).then(refused, reset),
      await postStream(url, XML, () => emptyElements(size), size).then(refused, reset),
    ]);
    console.log(`50 MB envelope: answers ${result.join(', ')} (0: reset), RSS growth ${growthMiB} MiB`);
    for (const status of result) expect([413, 0]).toContain(status);
    expect(growthMiB).toBeLessThan(100);
    await stillAnswers();
  });

  it('refuses an envelope just under the size limit but of a million elements, in bounded memory', async () => {
    const size = SIM_LIMITS.bodyBytes - 1024;
    const { result: res, growthMiB } = await peakRssGrowth(() => postStream(url, XML, () => emptyElements(size)));
    console.log(
      `${(size / 1024 / 1024).toFixed(1)} MB envelope of ${Math.round(size / 4)} elements: RSS growth ${growthMiB} MiB`,
    );
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ code: 'xml_too_large' });
    expect(growthMiB).toBeLessThan(100);
    await stillAnswers();
  });

  it('refuses XML bombs, external entities and deep nesting before building a document', async () => {
    const bomb =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">' +
      Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('') +
      `]><soap:Envelope xmlns:soap="${NS.soap}"><soap:Body><x>&lol9;</x></soap:Body></soap:Envelope>`;
    const external =
      `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>` +
      `<soap:Envelope xmlns:soap="${NS.soap}"><soap:Body><x>&xxe;</x></soap:Body></soap:Envelope>`;
    const deep = `${OPEN}${'<d>'.repeat(10_000)}${'</d>'.repeat(10_000)}${CLOSE}`;
    const cases: [string, string, string][] = [
      ['bomb', bomb, 'xml_dtd_refused'],
      ['external entity', external, 'xml_dtd_refused'],
      ['deep', deep, 'xml_too_deep'],
      ['not XML', 'hello', 'malformed_xml'],
      ['undefined entity', `${OPEN}&nope;${CLOSE}`, 'malformed_xml'],
      ['empty', '', 'malformed_xml'],
    ];
    for (const [name, body, code] of cases) {
      const res = await t.app.inject({ method: 'POST', url: url.slice(t.baseUrl.length), headers: XML, payload: body });
      expect(res.statusCode, name).toBe(400);
      expect(res.headers['content-type'], name).toContain('application/problem+json');
      expect(res.json().code, name).toBe(code);
      expect(res.body).not.toContain('root:');
    }
    await stillAnswers();
  });
});
