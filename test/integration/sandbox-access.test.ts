import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquiringToken } from '../../contracts/acquiring.js';
import { SANDBOX_BANK } from '../../src/config.js';
import { sandboxBankPassword } from '../../src/sandbox/secrets.js';
import { startTestApp, type TestApp } from '../helpers/app.js';

// Finding 8 of issue 14: /sandbox/mail showed every one-time code to anyone, and the sandbox bank's
// password was in the repository, so anyone could sign "payment succeeded".
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ label: 'sandbox-access' });
});
afterAll(() => t?.close());

const paths = [
  '/sandbox/mail',
  '/sandbox',
  '/sandbox/bank/pay/1',
  '/sandbox/gis/stats',
  '/sandbox/esia/public/esia.pem',
];

describe('sandbox tools', () => {
  it('answer a client on another machine with a 403 problem, on every peer', async () => {
    for (const url of paths) {
      const res = await t.app.inject({ method: 'GET', url, remoteAddress: '203.0.113.7' });
      expect(res.statusCode, url).toBe(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe('sandbox_loopback_only');
    }
    const init = await t.app.inject({
      method: 'POST',
      url: '/sandbox/bank/v2/Init',
      remoteAddress: '198.51.100.1',
      payload: {},
    });
    expect(init.statusCode).toBe(403);
  });

  it('refuse a remote client relayed by a proxy on this machine, even with a forged loopback hop', async () => {
    for (const headers of [
      { 'x-forwarded-for': '203.0.113.7' },
      { 'x-forwarded-for': '127.0.0.1, 203.0.113.7' },
      { forwarded: 'for=203.0.113.7;proto=https' },
      { 'x-real-ip': '203.0.113.7' },
    ]) {
      const res = await t.app.inject({ method: 'GET', url: '/sandbox/mail', headers });
      expect(res.statusCode, JSON.stringify(headers)).toBe(403);
    }
    // TRUST_PROXY does not let a remote peer claim 127.0.0.1 either.
    const trusting = await startTestApp({ label: 'sandbox-proxy', env: { TRUST_PROXY: 'true' }, seed: false });
    try {
      const res = await trusting.app.inject({
        method: 'GET',
        url: '/sandbox/mail',
        remoteAddress: '203.0.113.7',
        headers: { 'x-forwarded-for': '127.0.0.1' },
      });
      expect(res.statusCode).toBe(403);
    } finally {
      await trusting.close();
    }
  });

  it('work on this machine (loopback, IPv4 and IPv6, through a local proxy)', async () => {
    for (const remoteAddress of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) {
      const res = await t.app.inject({ method: 'GET', url: '/sandbox/mail', remoteAddress });
      expect(res.statusCode, remoteAddress).toBe(200);
    }
    const proxied = await t.app.inject({
      method: 'GET',
      url: '/sandbox/mail',
      headers: { 'x-forwarded-for': '127.0.0.1', forwarded: 'for="[::1]:5050"' },
    });
    expect(proxied.statusCode).toBe(200);
  });

  it('open to the network only when SANDBOX_ALLOW_REMOTE says so', async () => {
    const open = await startTestApp({ label: 'sandbox-open', env: { SANDBOX_ALLOW_REMOTE: 'true' }, seed: false });
    try {
      const res = await open.app.inject({ method: 'GET', url: '/sandbox/mail', remoteAddress: '203.0.113.7' });
      expect(res.statusCode).toBe(200);
    } finally {
      await open.close();
    }
  });
});

describe('the sandbox bank terminal password', () => {
  it('is generated per installation and kept; the old repository password signs nothing', async () => {
    const password = await sandboxBankPassword(t.deps.db);
    expect(password).toMatch(/^[\w-]{32}$/);
    expect(await sandboxBankPassword(t.deps.db)).toBe(password);
    const other = await startTestApp({ label: 'sandbox-other', seed: false });
    try {
      expect(await sandboxBankPassword(other.deps.db)).not.toBe(password);
    } finally {
      await other.close();
    }
    // The password printed in the repository before is refused by the sandbox bank.
    const request = { TerminalKey: SANDBOX_BANK.terminalKey, PaymentId: '1' };
    const old = await t.app.inject({
      method: 'POST',
      url: '/sandbox/bank/v2/GetState',
      payload: { ...request, Token: acquiringToken(request, 'sandbox-bank-password') },
    });
    expect(old.json()).toMatchObject({ Success: false });
    const current = await t.app.inject({
      method: 'POST',
      url: '/sandbox/bank/v2/GetState',
      payload: { ...request, Token: acquiringToken(request, password) },
    });
    expect(current.json().ErrorCode).not.toBe(old.json().ErrorCode);
    // No password of a terminal is written in the source any more.
    expect(readFileSync('src/config.ts', 'utf8')).not.toMatch(/sandbox-bank-password/);
  });
});
