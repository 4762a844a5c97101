import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { esiaSecretString, parseEsiaTimestamp } from '../../../contracts/esia.js';
import type { AppDeps } from '../../deps.js';
import { formatSnils, maskSnils } from '../../identity/snils.js';
import { citizenByOid, citizenBySnils, SANDBOX_CITIZENS, type SandboxCitizen } from './citizens.js';
import { esc, page } from './pages.js';
import { createSandboxProvider, ESIA_ROUTES } from './provider.js';
import { loadSandboxEsiaSecrets } from './secrets.js';
import { certificateHash, verifyDetachedSignature } from './signature-check.js';

// ESIA refuses a client_secret that does not verify as invalid_client (ESIA-007053 in its error list).
const BAD_SECRET = 'ESIA-007053: client_secret signature does not verify against the client certificate';
const TIMESTAMP_WINDOW_MS = 10 * 60_000;

/**
 * The sandbox ESIA: oidc-provider mounted under /sandbox/esia, its login and consent pages, and
 * the person REST endpoints. Every route opts out of the hub's own session handling.
 */
export async function sandboxEsiaRoutes(app: FastifyInstance, deps: AppDeps) {
  const esia = deps.config.esia;
  if (!esia.issuer) return;
  const mountPath = new URL(esia.issuer).pathname.replace(/\/$/, '');
  const secrets = await loadSandboxEsiaSecrets(deps.db);
  const clientCertHash = certificateHash(secrets.clientCertificatePem);
  const provider = createSandboxProvider({
    issuer: esia.issuer,
    mountPath,
    clientId: esia.clientId,
    redirectUri: esia.redirectUri,
    postLogoutRedirectUri: esia.postLogoutRedirectUri,
    secrets,
    db: deps.db,
    trustProxy: deps.config.trustProxy,
  });
  const handle = provider.callback();

  app.addHook('onRoute', (route) => {
    route.config = { ...(route.config as object), auth: false };
  });

  /** The ESIA check of client_secret (and of timestamp and client_certificate_hash); a refusal text or null. */
  function checkClientSecret(p: Record<string, string | undefined>, code?: string): string | null {
    if (p.client_id !== esia.clientId) return null; // unknown clients are the provider's to refuse
    const at = p.timestamp ? parseEsiaTimestamp(p.timestamp) : null;
    if (!at || Math.abs(at.getTime() - Date.now()) > TIMESTAMP_WINDOW_MS) return 'ESIA-007005: timestamp is missing or out of range';
    const mode = p.client_certificate_hash ? 'v2' : 'legacy';
    if (mode === 'v2' && p.client_certificate_hash !== clientCertHash) return 'ESIA-007055: client_certificate_hash does not match the registered certificate';
    const content = esiaSecretString(mode, {
      clientId: p.client_id,
      scope: p.scope ?? '',
      scopeOrg: p.scope_org,
      timestamp: p.timestamp!,
      state: p.state ?? '',
      redirectUri: p.redirect_uri ?? '',
      code,
    });
    return p.client_secret && verifyDetachedSignature(p.client_secret, content, secrets.clientCertificatePem) ? null : BAD_SECRET;
  }

  // oidc-provider reads its own bodies: in this scope the buffered body is handed over untouched.
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 64 * 1024 }, (_req, body, done) => done(null, body));
    scope.all('/*', async (request, reply) => {
      const path = request.url.slice(mountPath.length).split('?')[0];
      if (path === ESIA_ROUTES.authorization && request.method === 'GET') {
        const q = request.query as Record<string, string | undefined>;
        const refusal = checkClientSecret(q);
        if (refusal) {
          if (q.redirect_uri !== esia.redirectUri) return reply.code(400).send({ error: 'invalid_client', error_description: refusal });
          const back = new URL(esia.redirectUri);
          back.search = new URLSearchParams({ error: 'invalid_client', error_description: refusal, state: q.state ?? '' }).toString();
          return reply.redirect(back.href, 302);
        }
      }
      if (path === ESIA_ROUTES.token && request.method === 'POST' && Buffer.isBuffer(request.body)) {
        const form = Object.fromEntries(new URLSearchParams(request.body.toString('utf8')));
        const refusal = checkClientSecret(form, form.code);
        if (refusal) return reply.code(401).send({ error: 'invalid_client', error_description: refusal });
      }
      reply.hijack();
      const raw = request.raw as IncomingMessage & { originalUrl?: string; body?: unknown };
      raw.originalUrl = request.url;
      raw.url = request.url.slice(mountPath.length) || '/';
      if (request.body !== undefined) raw.body = request.body;
      await handle(raw, reply.raw);
    });
  });

  // Login and consent pages (form posts parsed here only).
  await app.register(async (scope) => {
    await scope.register(formbody);

    const finish = async (request: FastifyRequest, reply: FastifyReply, result: Record<string, unknown>) =>
      reply.redirect(await provider.interactionResult(request.raw, reply.raw, result, { mergeWithLastSubmission: false }), 303);

    const grantFor = async (citizen: SandboxCitizen, params: Record<string, string | undefined>, grantId?: string) => {
      const grant = (grantId && (await provider.Grant.find(grantId))) || new provider.Grant({ accountId: citizen.oid, clientId: params.client_id! });
      grant.addOIDCScope(params.scope ?? 'openid');
      return grant.save();
    };

    scope.get<{ Params: { uid: string } }>('/interaction/:uid', async (request, reply) => {
      const details = await provider.interactionDetails(request.raw, reply.raw);
      const { uid, prompt, params } = details;
      // Scripted sign-in: login_hint naming a demo citizen's SNILS signs them in and grants consent.
      const hinted = params.login_hint ? citizenBySnils(params.login_hint) : undefined;
      if (prompt.name === 'login' && hinted) {
        return finish(request, reply, { login: { accountId: hinted.oid }, consent: { grantId: await grantFor(hinted, params) } });
      }
      if (prompt.name === 'consent') {
        const citizen = details.session?.accountId ? citizenByOid(details.session.accountId) : undefined;
        if (citizen && hinted?.oid === citizen.oid) return finish(request, reply, { consent: { grantId: await grantFor(citizen, params, details.grantId) } });
        return reply.type('text/html').send(
          page(
            'Предоставление прав доступа',
            `<p>Система «domhub» запрашивает доступ к вашим данным: <b>${esc(params.scope ?? '')}</b>.</p>
             <form method="post" action="${mountPath}/interaction/${esc(uid)}/confirm"><button type="submit">Предоставить</button></form>
             <form method="post" action="${mountPath}/interaction/${esc(uid)}/abort"><button type="submit">Отказать</button></form>`,
          ),
        );
      }
      const cards = SANDBOX_CITIZENS.map(
        (c) => `<form class="card" method="post" action="${mountPath}/interaction/${esc(uid)}/login">
          <input type="hidden" name="oid" value="${c.oid}">
          <b>${esc(`${c.lastName} ${c.firstName} ${c.middleName}`)}</b><br><small>СНИЛС ${maskSnils(c.snils)} · ${esc(c.birthDate)}</small><br>
          <button type="submit">Войти</button></form>`,
      ).join('');
      return reply.type('text/html').send(page('Вход через Госуслуги (песочница)', `<p>Выберите гражданина:</p>${cards}`));
    });

    scope.post<{ Params: { uid: string }; Body: { oid?: string } }>('/interaction/:uid/login', async (request, reply) => {
      const citizen = request.body?.oid ? citizenByOid(request.body.oid) : undefined;
      if (!citizen) return reply.code(400).type('text/html').send(page('Ошибка', '<p>Гражданин не найден.</p>'));
      return finish(request, reply, { login: { accountId: citizen.oid } });
    });

    scope.post<{ Params: { uid: string } }>('/interaction/:uid/confirm', async (request, reply) => {
      const details = await provider.interactionDetails(request.raw, reply.raw);
      const citizen = details.session?.accountId ? citizenByOid(details.session.accountId) : undefined;
      if (!citizen) return reply.code(400).type('text/html').send(page('Ошибка', '<p>Сеанс не найден.</p>'));
      return finish(request, reply, { consent: { grantId: await grantFor(citizen, details.params, details.grantId) } });
    });

    scope.post<{ Params: { uid: string } }>('/interaction/:uid/abort', async (request, reply) =>
      finish(request, reply, { error: 'access_denied', error_description: 'The citizen refused access' }),
    );
  });

  // Person data (ESIA REST API), protected by the access token issued above.
  const personFor = async (request: FastifyRequest<{ Params: { oid: string } }>, reply: FastifyReply) => {
    const token = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const found = token ? await provider.AccessToken.find(token) : undefined;
    if (!found || found.isExpired) {
      reply.code(401).send({ error: 'invalid_token' });
      return null;
    }
    const citizen = citizenByOid(request.params.oid);
    if (!citizen || found.accountId !== citizen.oid) {
      reply.code(403).send({ error: 'access_denied', error_description: 'The token was issued for another person' });
      return null;
    }
    return { citizen, scopes: new Set((found.scope ?? '').split(' ')) };
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
      trusted: true,
      citizenship: 'RUS',
      status: 'REGISTERED',
      verifying: false,
      rIdDoc: 1,
      containsUpCfmCode: false,
    };
  });

  app.get<{ Params: { oid: string }; Querystring: { embed?: string } }>('/rs/prns/:oid/ctts', async (request, reply) => {
    const r = await personFor(request, reply);
    if (!r) return reply;
    const { citizen: c, scopes } = r;
    const elements = [
      ...(scopes.has('email') ? [{ id: 1, type: 'EML', vrfStu: c.emailVerified ? 'VERIFIED' : 'NOT_VERIFIED', value: c.email }] : []),
      ...(scopes.has('mobile') ? [{ id: 2, type: 'MBT', vrfStu: c.mobileVerified ? 'VERIFIED' : 'NOT_VERIFIED', value: c.mobile }] : []),
    ];
    const base = `${esia.issuer}/rs/prns/${c.oid}/ctts`;
    return {
      stateFacts: ['hasSize'],
      size: elements.length,
      elements: request.query.embed === '(elements)' ? elements : elements.map((e) => `${base}/${e.id}`),
    };
  });
}
