// The baseline of `npm run bench -- resident-load`: a bare node:http + pg server that answers the same
// resident reads with the same SQL and the same domain functions as the service (session lookup
// included), with no framework, hooks, validation, serialisation schemas, logging or metrics.
// Started by bench/resident-load.ts as its own process (DATABASE_URL, PORT); not a benchmark itself.
import http from 'node:http';
import pg from 'pg';
import { requireAccountAccess } from '../src/accounts/access.js';
import { linkedAccountIds } from '../src/accounts/links.repo.js';
import { listMyAccounts } from '../src/accounts/sharing.service.js';
import { balances, listCharges } from '../src/billing/service.js';
import { loadConfig } from '../src/config.js';
import { createFieldCipher } from '../src/identity/crypto.js';
import { findPersonWithRoles } from '../src/identity/persons.repo.js';
import { maskPhone, maskSnils } from '../src/identity/snils.js';
import { sha256hex } from '../src/identity/tokens.js';
import { listMeters } from '../src/metering/service.js';

const config = loadConfig({
  NODE_ENV: 'test',
  SANDBOX: 'true',
  DATABASE_URL: process.env.DATABASE_URL,
  LOG_LEVEL: 'silent',
});
const cipher = createFieldCipher(config.encryptionKeys);
const db = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: config.dbPoolMax });

async function session(cookie: string | undefined) {
  const token = /(?:^|;\s*)domhub_sid=([^;]+)/.exec(cookie ?? '')?.[1];
  if (!token) return null;
  const { rows } = await db.query(
    `SELECT s.public_id, s.person_id, s.csrf_token, s.sign_in_method FROM sessions s
      WHERE s.id_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now()
        AND s.last_seen_at > now() - make_interval(mins => $2)`,
    [sha256hex(decodeURIComponent(token)), config.session.idleMinutes],
  );
  return (
    (rows[0] as { public_id: string; person_id: string; csrf_token: string; sign_in_method: string } | undefined) ??
    null
  );
}

const meters = /^\/api\/v1\/me\/accounts\/([^/]+)\/meters$/;

async function answer(req: http.IncomingMessage): Promise<[number, unknown]> {
  const s = await session(req.headers.cookie);
  if (!s) return [401, { code: 'unauthorized' }];
  const url = new URL(req.url ?? '/', 'http://x');
  if (url.pathname === '/api/v1/me') {
    const p = (await findPersonWithRoles(db, s.person_id))!;
    return [
      200,
      {
        id: p.id,
        lastName: p.last_name,
        firstName: p.first_name,
        middleName: p.middle_name,
        birthDate: p.birth_date,
        snils: p.snils_enc ? maskSnils(cipher.decrypt(p.snils_enc)) : null,
        email: p.email,
        emailVerified: p.email_verified,
        mobile: p.mobile_enc ? maskPhone(cipher.decrypt(p.mobile_enc)) : null,
        mobileVerified: p.mobile_verified,
        isOperator: p.is_operator,
        staff: p.staff,
        identityVerified: p.identity_verified,
        identityVerifiedBy: p.identity_verified_by,
        signInMethod: s.sign_in_method,
        csrfToken: s.csrf_token,
      },
    ];
  }
  if (url.pathname === '/api/v1/me/accounts') return [200, await listMyAccounts(db, s.person_id)];
  if (url.pathname === '/api/v1/me/balance') return [200, await balances(db, await linkedAccountIds(db, s.person_id))];
  if (url.pathname === '/api/v1/me/charges')
    return [200, await listCharges(db, await linkedAccountIds(db, s.person_id), {})];
  const m = meters.exec(url.pathname);
  if (m) return [200, await listMeters(db, await requireAccountAccess(db, s.person_id, m[1]!), new Date())];
  return [404, { code: 'route_not_found' }];
}

const server = http.createServer((req, res) => {
  answer(req).then(
    ([status, body]) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(body));
    },
    () => {
      res.writeHead(500);
      res.end();
    },
  );
});
server.keepAliveTimeout = 72_000;
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('listening'));
process.on('SIGTERM', () => server.close(() => void db.end().then(() => process.exit(0))));
