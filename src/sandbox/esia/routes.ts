import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { AppDeps } from '../../deps.js';
import { formatSnils, maskSnils } from '../../identity/snils.js';
import { sandboxGostAvailable } from '../openssl.js';
import { citizenByOid, citizenBySnils, SANDBOX_CITIZENS } from './citizens.js';
import { esc, page } from './pages.js';
import { readTimestamp, registeredClient, signedString, type Flow } from './secret-check.js';
import { loadSandboxEsiaSecrets } from './secrets.js';
import { findEntry, putEntry, removeEntry, takeEntry } from './store.js';
import { createTokenSigner, idTokenClaims } from './tokens.js';
import { fullName } from '../../identity/names.js';

// A sandbox ESIA that behaves like the real one for a relying party: the same paths (aas/oauth2/v2/ac,
// aas/oauth2/v3/te, the older ac/te, rs/prns, idp/ext/Logout), the same request parameters and nothing
// else, client_secret checked against the registered certificate, tokens signed with GOST R 34.10-2012
// (RS256 without the engine) and verifiable with the certificate it publishes as a file. Its login page
// lists demo citizens; `login_hint` with a demo SNILS signs one in without pages (a sandbox convenience).

const TIMESTAMP_WINDOW_MS = 10 * 60_000;
const TOKEN_TTL = 3600;
const SESSION_COOKIE = 'esia_sandbox_sid';
// The authorization request's parameters in the method guide; anything else is refused, so that a relying
// party sending nonce or PKCE here finds out.
const AUTHORIZE_PARAMS = new Set([
  'client_id',
  'client_secret',
  'redirect_uri',
  'scope',
  'scope_org',
  'response_type',
  'state',
  'timestamp',
  'access_type',
  'client_certificate_hash',
  'obj_type',
  'person_filter',
  'login_hint',
]);
const TOKEN_PARAMS = new Set([
  'client_id',
  'code',
  'grant_type',
  'client_secret',
  'client_certificate_hash',
  'state',
  'redirect_uri',
  'scope',
  'scope_org',
  'timestamp',
  'token_type',
  'refresh_token',
]);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface FlowEntry {
  params: Record<string, string>;
  flow: Flow;
}
interface CodeEntry {
  oid: string;
  clientId: string;
  redirectUri: string;
  scope: string;
}
interface AccessEntry {
  oid: string;
  scope: string;
}

export async function sandboxEsiaRoutes(app: FastifyInstance, deps: AppDeps) {
  const esia = deps.config.esia;
  if (!esia.issuer || !esia.tokenIssuer) return;
  const mountPath = new URL(esia.issuer).pathname.replace(/\/$/, '');
  const secrets = await loadSandboxEsiaSecrets(deps.db);
  const gost = secrets.algorithm !== 'RS256' && (await sandboxGostAvailable());
  if (secrets.algorithm !== 'RS256' && !gost)
    throw new Error('the sandbox ESIA keys are GOST but the GOST engine is missing');
  if (!gost)
    deps.log.warn('OpenSSL GOST engine not found (Debian: libengine-gost-openssl): the sandbox ESIA signs with RSA');
  // Our client as registered at the provider: its mnemonic, redirect URIs and certificate.
  const client = {
    id: esia.clientId,
    redirectUri: esia.redirectUri,
    logoutRedirect: esia.postLogoutRedirectUri,
    ...registeredClient(secrets.clientCertificatePem, gost),
  };
  const signJwt = createTokenSigner(secrets);
  const db = deps.db;

  app.addHook('onRoute', (route) => {
    route.config = { ...(route.config as object), auth: false };
  });
  await app.register(formbody);

  /** Timestamp, certificate hash and client_secret of an authorize or token request; a refusal text or null. */
  async function refusal(flow: Flow, p: Record<string, string | undefined>, code?: string): Promise<string | null> {
    const at = readTimestamp(p.timestamp);
    if (!at || Math.abs(at.getTime() - Date.now()) > TIMESTAMP_WINDOW_MS)
      return 'ESIA-007005: timestamp is missing or out of range';
    if (flow === 'v2' && p.client_certificate_hash !== (await client.certificateHash())) {
      return 'ESIA-007055: client_certificate_hash does not match the registered certificate';
    }
    const content = signedString(flow, p, code);
    const ok = p.client_secret
      ? flow === 'v2'
        ? client.verifySignature(content, p.client_secret)
        : client.verifyCms(content, p.client_secret)
      : false;
    return (await ok) ? null : 'ESIA-007053: client_secret signature does not verify against the client certificate';
  }

  const back = (reply: FastifyReply, redirectUri: string, params: Record<string, string>) => {
    const url = new URL(redirectUri);
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    return reply.redirect(url.href, 302);
  };

  /** Ends the authorization: a one-time code for the citizen, and the browser back to the client. */
  async function issueCode(reply: FastifyReply, uid: string, oid: string) {
    const flow = await takeEntry<FlowEntry>(db, 'flow', uid);
    if (!flow)
      return reply.code(400).type('text/html').send(page('Ошибка', '<p>Сеанс входа истёк или уже завершён.</p>'));
    const code = randomBytes(32).toString('base64url');
    await putEntry(
      db,
      'code',
      code,
      { oid, clientId: flow.params.client_id!, redirectUri: flow.params.redirect_uri!, scope: flow.params.scope ?? '' },
      60,
    );
    return back(reply, flow.params.redirect_uri!, { code, state: flow.params.state! });
  }

  async function startSession(reply: FastifyReply, oid: string) {
    const sid = randomBytes(24).toString('base64url');
    await putEntry(db, 'session', sid, { oid }, 8 * 3600);
    reply.setCookie(SESSION_COOKIE, sid, { path: mountPath || '/', httpOnly: true, sameSite: 'lax' });
  }

  const sessionOf = async (request: FastifyRequest) => {
    const sid = request.cookies[SESSION_COOKIE];
    return sid ? findEntry<{ oid: string }>(db, 'session', sid) : undefined;
  };

  const authorize =
    (flow: Flow) => async (request: FastifyRequest<{ Querystring: Record<string, string> }>, reply: FastifyReply) => {
      const q = request.query;
      // An unknown client or redirect URI is never redirected to.
      if (q.client_id !== client.id || q.redirect_uri !== client.redirectUri) {
        return reply
          .code(400)
          .send({ error: 'invalid_client', error_description: 'ESIA-007004: unknown client or redirect_uri' });
      }
      const extra = Object.keys(q).filter((k) => !AUTHORIZE_PARAMS.has(k));
      if (extra.length)
        return back(reply, client.redirectUri, {
          error: 'invalid_request',
          error_description: `ESIA-007002: unknown parameters ${extra.join(', ')}`,
          state: q.state ?? '',
        });
      if (q.response_type !== 'code')
        return back(reply, client.redirectUri, { error: 'unsupported_response_type', state: q.state ?? '' });
      if (!q.state || !UUID.test(q.state))
        return back(reply, client.redirectUri, {
          error: 'invalid_request',
          error_description: 'ESIA-007014: state must be a UUID',
        });
      const refused = await refusal(flow, q);
      if (refused)
        return back(reply, client.redirectUri, { error: 'invalid_client', error_description: refused, state: q.state });
      const uid = randomUUID();
      await putEntry(db, 'flow', uid, { params: q, flow }, 600);
      const session = await sessionOf(request);
      if (session && !q.login_hint) return issueCode(reply, uid, session.oid);
      return reply.redirect(`${mountPath}/interaction/${uid}`, 302);
    };
  app.get('/aas/oauth2/v2/ac', authorize('v2'));
  app.get('/aas/oauth2/ac', authorize('legacy'));

  const token =
    (flow: Flow) => async (request: FastifyRequest<{ Body: Record<string, string> }>, reply: FastifyReply) => {
      const f = (request.body ?? {}) as Record<string, string>;
      if (f.client_id !== client.id)
        return reply.code(401).send({ error: 'invalid_client', error_description: 'ESIA-007004: unknown client' });
      const extra = Object.keys(f).filter((k) => !TOKEN_PARAMS.has(k));
      if (extra.length)
        return reply
          .code(400)
          .send({ error: 'invalid_request', error_description: `unknown parameters ${extra.join(', ')}` });
      if (f.grant_type !== 'authorization_code') return reply.code(400).send({ error: 'unsupported_grant_type' });
      const refused = await refusal(flow, f, flow === 'v2' ? f.code : undefined);
      if (refused) return reply.code(401).send({ error: 'invalid_client', error_description: refused });
      const code = f.code ? await takeEntry<CodeEntry>(db, 'code', f.code) : undefined;
      if (!code || code.redirectUri !== f.redirect_uri || code.clientId !== f.client_id) {
        return reply
          .code(400)
          .send({ error: 'invalid_grant', error_description: 'ESIA-007012: the code is unknown, expired or used' });
      }
      const now = Math.floor(Date.now() / 1000);
      const oid = Number(code.oid);
      const accessToken = await signJwt('access', {
        iss: esia.tokenIssuer,
        client_id: client.id,
        'urn:esia:sbj_id': oid,
        scope: code.scope,
        nbf: now,
        iat: now,
        exp: now + TOKEN_TTL,
        'urn:esia:sid': randomUUID(),
      });
      const idToken = await signJwt(
        'id',
        idTokenClaims({ issuer: esia.tokenIssuer!, clientId: client.id, oid: code.oid, ttlSeconds: TOKEN_TTL }),
      );
      await putEntry(
        db,
        'access',
        createHash('sha256').update(accessToken).digest('hex'),
        { oid: code.oid, scope: code.scope },
        TOKEN_TTL,
      );
      return reply.header('cache-control', 'no-store').send({
        access_token: accessToken,
        id_token: idToken,
        state: f.state,
        token_type: 'Bearer',
        expires_in: TOKEN_TTL,
        refresh_token: randomUUID(),
      });
    };
  app.post('/aas/oauth2/v3/te', token('v2'));
  app.post('/aas/oauth2/te', token('legacy'));

  // The certificate the provider signs its tokens with, published as a file as ESIA does.
  app.get('/public/esia.pem', async (_request, reply) =>
    reply.type('application/x-pem-file').send(secrets.providerCertificatePem),
  );

  app.get<{ Params: { uid: string } }>('/interaction/:uid', async (request, reply) => {
    const flow = await findEntry<FlowEntry>(db, 'flow', request.params.uid);
    if (!flow)
      return reply.code(400).type('text/html').send(page('Ошибка', '<p>Сеанс входа истёк или уже завершён.</p>'));
    const hinted = flow.params.login_hint ? citizenBySnils(flow.params.login_hint) : undefined;
    if (hinted) {
      await startSession(reply, hinted.oid);
      return issueCode(reply, request.params.uid, hinted.oid);
    }
    const uid = esc(request.params.uid);
    const cards = SANDBOX_CITIZENS.map(
      (c) => `<form class="card" method="post" action="${mountPath}/interaction/${uid}/login">
        <input type="hidden" name="oid" value="${c.oid}">
        <b>${esc(fullName(c))}</b><br><small>СНИЛС ${maskSnils(c.snils)} · ${esc(c.birthDate)}${c.trusted ? '' : ' · учётная запись не подтверждена'}${c.demo ? ` · ${esc(c.demo)}` : ''}</small><br>
        <button type="submit">Войти</button></form>`,
    ).join('');
    return reply
      .type('text/html')
      .send(page('Вход через Госуслуги (песочница)', `<p>Выберите гражданина:</p>${cards}`));
  });

  app.post<{ Params: { uid: string }; Body: { oid?: string } }>('/interaction/:uid/login', async (request, reply) => {
    const citizen = request.body?.oid ? citizenByOid(request.body.oid) : undefined;
    const flow = await findEntry<FlowEntry>(db, 'flow', request.params.uid);
    if (!citizen || !flow)
      return reply.code(400).type('text/html').send(page('Ошибка', '<p>Гражданин или сеанс входа не найден.</p>'));
    await startSession(reply, citizen.oid);
    const uid = esc(request.params.uid);
    return reply.type('text/html').send(
      page(
        'Предоставление прав доступа',
        `<p>Система «${esc(client.id)}» запрашивает доступ к вашим данным: <b>${esc(flow.params.scope ?? '')}</b>.</p>
         <form method="post" action="${mountPath}/interaction/${uid}/confirm"><button type="submit">Предоставить</button></form>
         <form method="post" action="${mountPath}/interaction/${uid}/abort"><button type="submit">Отказать</button></form>`,
      ),
    );
  });

  app.post<{ Params: { uid: string } }>('/interaction/:uid/confirm', async (request, reply) => {
    const session = await sessionOf(request);
    if (!session) return reply.code(400).type('text/html').send(page('Ошибка', '<p>Сеанс не найден.</p>'));
    return issueCode(reply, request.params.uid, session.oid);
  });

  app.post<{ Params: { uid: string } }>('/interaction/:uid/abort', async (request, reply) => {
    const flow = await takeEntry<FlowEntry>(db, 'flow', request.params.uid);
    if (!flow) return reply.code(400).type('text/html').send(page('Ошибка', '<p>Сеанс входа истёк.</p>'));
    return back(reply, flow.params.redirect_uri!, {
      error: 'access_denied',
      error_description: 'The citizen refused access',
      state: flow.params.state!,
    });
  });

  // Logout: client_id and redirect_url, as ESIA takes them.
  app.get<{ Querystring: { client_id?: string; redirect_url?: string } }>('/idp/ext/Logout', async (request, reply) => {
    const sid = request.cookies[SESSION_COOKIE];
    if (sid) await removeEntry(db, 'session', sid);
    reply.clearCookie(SESSION_COOKIE, { path: mountPath || '/' });
    const { client_id: clientId, redirect_url: redirectUrl } = request.query;
    if (clientId === client.id && redirectUrl === client.logoutRedirect) return reply.redirect(redirectUrl, 302);
    return reply.type('text/html').send(page('Выход выполнен', '<p>Сеанс в ЕСИА (песочница) завершён.</p>'));
  });

  // Person data (ESIA REST API), protected by the access token issued above.
  const personFor = async (request: FastifyRequest<{ Params: { oid: string } }>, reply: FastifyReply) => {
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const found = bearer
      ? await findEntry<AccessEntry>(db, 'access', createHash('sha256').update(bearer).digest('hex'))
      : undefined;
    if (!found) {
      reply.code(401).send({ error: 'invalid_token' });
      return null;
    }
    const citizen = citizenByOid(request.params.oid);
    if (!citizen || found.oid !== citizen.oid) {
      reply.code(403).send({ error: 'access_denied', error_description: 'The token was issued for another person' });
      return null;
    }
    return { citizen, scopes: new Set(found.scope.split(' ')) };
  };

  app.get<{ Params: { oid: string } }>('/rs/prns/:oid', async (request, reply) => {
    const r = await personFor(request, reply);
    if (!r) return reply;
    const { citizen: c, scopes } = r;
    return {
      stateFacts: ['EntityRoot'],
      eTag: `sandbox-${c.oid}`,
      ...(scopes.has('fullname') ? { firstName: c.firstName, lastName: c.lastName, middleName: c.middleName } : {}),
      ...(scopes.has('birthdate') ? { birthDate: c.birthDate } : {}),
      ...(scopes.has('gender') ? { gender: c.gender } : {}),
      ...(scopes.has('snils') ? { snils: formatSnils(c.snils) } : {}),
      trusted: c.trusted,
      citizenship: 'RUS',
      status: 'REGISTERED',
      verifying: false,
      rIdDoc: 1,
      containsUpCfmCode: false,
    };
  });

  app.get<{ Params: { oid: string }; Querystring: { embed?: string } }>(
    '/rs/prns/:oid/ctts',
    async (request, reply) => {
      const r = await personFor(request, reply);
      if (!r) return reply;
      const { citizen: c, scopes } = r;
      const elements = [
        ...(scopes.has('email')
          ? [{ id: 1, type: 'EML', vrfStu: c.emailVerified ? 'VERIFIED' : 'NOT_VERIFIED', value: c.email }]
          : []),
        ...(scopes.has('mobile')
          ? [{ id: 2, type: 'MBT', vrfStu: c.mobileVerified ? 'VERIFIED' : 'NOT_VERIFIED', value: c.mobile }]
          : []),
      ];
      const base = `${esia.issuer}/rs/prns/${c.oid}/ctts`;
      return {
        stateFacts: ['hasSize'],
        size: elements.length,
        elements: request.query.embed === '(elements)' ? elements : elements.map((e) => `${base}/${e.id}`),
      };
    },
  );
}
