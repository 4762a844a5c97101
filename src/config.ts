import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ESIA_HOSTS, esiaTokenIssuer } from '../contracts/esia.js';

// The one place that reads process.env (main.ts passes it in). Each variable's `.describe()` (and, where the
// default is computed at start, `computedDefault`) is rendered into docs/configuration.md by
// `npm run config:docs`; CI fails when that file drifts (`npm run config:docs:check`).

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const port = z.coerce.number().int().min(0).max(65535);

export const envSchema = z.object({
  NODE_ENV: z
    .enum(['development', 'test', 'production'])
    .default('development')
    .describe(
      'Runtime mode. `production` requires `ENCRYPTION_KEYS`, `SMTP_URL`, a state-system signing key and no sandbox.',
    ),
  HOST: z.string().min(1).default('0.0.0.0').describe('Interface to listen on.'),
  PORT: port.default(3000).describe('HTTP port.'),
  PUBLIC_URL: z
    .url()
    .optional()
    .describe('External base URL: redirects, callbacks, links in e-mails.')
    .meta({ computedDefault: '`http://localhost:$PORT`' }),
  ROLE: z
    .enum(['api', 'worker', 'all'])
    .default('all')
    .describe('`api` serves HTTP only, `worker` runs the queue workers and schedules only, `all` both.'),
  CLUSTER_API_PROCESSES: z.coerce
    .number()
    .int()
    .min(1)
    .max(64)
    .default(2)
    .describe('API processes that `npm run cluster` keeps running.'),
  CLUSTER_WORKER_PROCESSES: z.coerce
    .number()
    .int()
    .min(0)
    .max(64)
    .default(1)
    .describe('Worker processes that `npm run cluster` keeps running.'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info')
    .describe('pino log level; personal data and credentials are redacted at every level.'),
  DATABASE_URL: z
    .url()
    .optional()
    .describe('PostgreSQL to use. Without it an embedded PostgreSQL 17 starts, its cluster in `$DATA_DIR/pg`.'),
  DATA_DIR: z
    .string()
    .min(1)
    .default('./.data')
    .describe('Where the embedded PostgreSQL keeps its cluster (`$DATA_DIR/pg`) and local files go.'),
  EMBEDDED_PG_PORT: port
    .default(0)
    .describe('Port of the embedded PostgreSQL; `0` takes a free one (5432 is usually taken).'),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(500).default(10).describe('Database connections per process.'),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024)
    .describe('Largest JSON body accepted; a larger one gets a 413 problem.'),
  SHUTDOWN_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(10_000)
    .describe('How long SIGTERM waits for requests and jobs in flight.'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30).describe('A session unused this long ends.'),
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .default(12)
    .describe('A session ends this long after sign-in, used or not.'),
  TRUST_PROXY: bool.default(false).describe('Trust `X-Forwarded-*` headers (behind a load balancer).'),
  SANDBOX: z
    .enum(['auto', 'true', 'false'])
    .default('auto')
    .describe(
      'Mount the sandbox peers (ESIA, state system, bank, mail outbox) under `/sandbox` and point the adapters at them. `auto`: on unless `ESIA_ISSUER`, `GIS_BASE_URL` or `BANK_API_URL` is set.',
    ),
  SANDBOX_ALLOW_REMOTE: bool
    .default(false)
    .describe(
      'Let the sandbox peers answer other machines. Off, they answer loopback only (every `X-Forwarded-For`/`Forwarded` hop too; 403 `sandbox_loopback_only` otherwise), since they show one-time codes, sign anyone in and confirm payments.',
    ),
  DEMO_DATA: bool
    .optional()
    .describe('Load the demo organisation, houses, people, accounts, charges and meetings at start (idempotent).')
    .meta({ computedDefault: 'on in sandbox mode' }),
  SANDBOX_ORG_API_KEY: z
    .string()
    .regex(/^dh_[A-Za-z0-9]{12}_[A-Za-z0-9_-]{32,}$/, {
      message: 'expected dh_<12 letters or digits>_<32+ characters>',
    })
    .optional()
    .describe(
      "In sandbox mode this key (`dh_<12 letters or digits>_<32+ characters>`) becomes the demo organisation's API key with every scope.",
    ),
  ENCRYPTION_KEYS: z
    .string()
    .regex(/^[A-Za-z0-9_-]+:[A-Za-z0-9+/=]{43,44}(,[A-Za-z0-9_-]+:[A-Za-z0-9+/=]{43,44})*$/, {
      message: 'expected keyId:base64key[,keyId:base64key…] with 32-byte keys',
    })
    .optional()
    .describe(
      'AES-256-GCM keys for personal data at rest, `keyId:base64(32 bytes)[,keyId:key…]`: the first encrypts, all decrypt (rotation). Required in production.',
    )
    .meta({ computedDefault: 'a fixed sandbox key' }),
  UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(10 * 1024 * 1024)
    .describe('Largest uploaded file (photos, acts, scans); a larger one gets a 413 problem.'),
  WEB_DIST_DIR: z
    .string()
    .min(1)
    .optional()
    .describe('The built resident cabinet served at `/` (`npm start` builds it when missing or stale).')
    .meta({ computedDefault: '`web/dist`' }),
  IMPORT_BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(256 * 1024 * 1024)
    .describe(
      'Largest body of the organisation bulk imports (`/api/v1/org/…/import`, JSON or NDJSON) and largest file of the console imports (`/api/v1/org/imports/uploads`, CSV or XLSX).',
    ),
  SMTP_URL: z
    .url()
    .optional()
    .describe(
      'Outgoing mail server, `smtp://user:pass@host:587`; required in production. Without it mail goes to the sandbox outbox (`/sandbox/mail`).',
    ),
  MAIL_FROM: z.string().min(3).default('domhub <no-reply@domhub.local>').describe('Sender of outgoing mail.'),
  TICKET_REOPEN_DAYS: z.coerce
    .number()
    .int()
    .min(0)
    .max(365)
    .default(14)
    .describe('Days after a maintenance request is done or rejected during which its author may reopen it.'),
  VERIFICATION_REMINDER_DAYS: z.coerce
    .number()
    .int()
    .min(1)
    .max(365)
    .default(30)
    .describe(
      "Days before a meter's next verification date when its residents are reminded (once per person, meter and date).",
    ),
  GAR_IMPORT_DIR: z
    .string()
    .min(1)
    .optional()
    .describe('Where unpacked ГАР (FIAS) XML exports are put; the operator API imports folders inside it.')
    .meta({ computedDefault: '`$DATA_DIR/gar`' }),
  ACCOUNT_LINK_MAX_FAILURES: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(5)
    .describe(
      'Failed account-link proofs before linking locks for the person (in all, and on the account entered; never the account for everyone).',
    ),
  ACCOUNT_LINK_LOCKOUT_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15)
    .describe('How long an account-link lock (and its failure count) lasts.'),
  ACCOUNT_INVITATION_DAYS: z.coerce
    .number()
    .int()
    .min(1)
    .max(90)
    .default(7)
    .describe('How long an invitation to share an account stays valid.'),
  ESIA_ISSUER: z
    .union([z.enum(['test', 'production']), z.url()])
    .optional()
    .describe(
      'The real ESIA (turns the sandbox off): `test` (https://esia-portal1.test.gosuslugi.ru), `production` (https://esia.gosuslugi.ru) or a base URL.',
    )
    .meta({ computedDefault: '`$PUBLIC_URL/sandbox/esia` in sandbox mode' }),
  ESIA_API_URL: z
    .url()
    .optional()
    .describe("Base of the provider's REST API (`/rs/prns/{oid}`) when it differs from the issuer.")
    .meta({ computedDefault: 'the issuer' }),
  ESIA_TOKEN_ISSUER: z
    .string()
    .min(1)
    .optional()
    .describe("The `iss` of the provider's ID tokens.")
    .meta({ computedDefault: "`http://<issuer's host>/` (sandbox: its own URL)" }),
  ESIA_PROVIDER_CERT_PATH: z
    .string()
    .min(1)
    .optional()
    .describe(
      "The provider's certificate (PEM or DER, as ESIA publishes it) that verifies its tokens; required with `ESIA_ISSUER` in production.",
    )
    .meta({ computedDefault: "the sandbox provider's" }),
  ESIA_AUTHORIZE_PATH: z
    .string()
    .regex(/^\//)
    .optional()
    .describe("Path of the provider's authorize endpoint.")
    .meta({ computedDefault: '`/aas/oauth2/v2/ac` (legacy mode: `/aas/oauth2/ac`)' }),
  ESIA_TOKEN_PATH: z
    .string()
    .regex(/^\//)
    .optional()
    .describe("Path of the provider's token endpoint.")
    .meta({ computedDefault: '`/aas/oauth2/v3/te` (legacy mode: `/aas/oauth2/te`)' }),
  ESIA_LOGOUT_PATH: z
    .string()
    .regex(/^\//)
    .optional()
    .describe("Path of the provider's logout page.")
    .meta({ computedDefault: '`/idp/ext/Logout`' }),
  ESIA_CLIENT_ID: z.string().min(1).default('DOMHUB').describe('Our client id (мнемоника) at the provider.'),
  ESIA_CERT_PATH: z
    .string()
    .min(1)
    .optional()
    .describe(
      'PEM certificate that signs `client_secret`, with `ESIA_KEY_PATH` (or use `ESIA_PKCS12_PATH`). Required with `ESIA_ISSUER` in production; elsewhere sign-in answers 503 without it.',
    )
    .meta({ computedDefault: "the sandbox provider's client certificate" }),
  ESIA_KEY_PATH: z.string().min(1).optional().describe('PEM GOST private key of `ESIA_CERT_PATH`.'),
  ESIA_KEY_PASSPHRASE: z.string().optional().describe('Passphrase of `ESIA_KEY_PATH`.'),
  ESIA_PKCS12_PATH: z
    .string()
    .min(1)
    .optional()
    .describe('Certificate and key that sign `client_secret` as one PKCS#12 file, instead of the PEM pair.'),
  ESIA_PKCS12_PASSWORD: z.string().optional().describe('Password of `ESIA_PKCS12_PATH`.'),
  ESIA_SIGNATURE_MODE: z
    .enum(['legacy', 'v2'])
    .default('v2')
    .describe(
      '`v2`: bare GOST signature of client_id+scope+scope_org+timestamp+state+redirect_uri[+code], with `client_certificate_hash`; `legacy`: detached CMS of scope+timestamp+client_id+state, on the older endpoints.',
    ),
  ESIA_SCOPES: z
    .string()
    .regex(/^[a-z_]+( [a-z_]+)*$/)
    .default('openid fullname birthdate gender snils email mobile')
    .describe('Scopes asked for at sign-in, space-separated.'),
  ESIA_CLOCK_SKEW_SECONDS: z.coerce
    .number()
    .int()
    .default(0)
    .describe("Our clock's known offset from the provider's, in seconds."),
  ESIA_CLOCK_TOLERANCE_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .max(300)
    .default(30)
    .describe("Leeway for the ID token's `exp`, `nbf` and `iat`, in seconds."),
  AUTH_RATE_LIMIT_PER_MINUTE: z.coerce
    .number()
    .int()
    .min(1)
    .default(30)
    .describe(
      'Sign-in requests (ESIA, e-mail and passkey sign-in) per client IP and minute, across processes; `/oauth/token` gets twice this.',
    ),
  OAUTH_TOKEN_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .max(86_400)
    .default(3600)
    .describe('Lifetime of client-credentials access tokens.'),
  LOCAL_SIGN_IN_MAX_FAILURES: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(5)
    .describe('Failed e-mail sign-ins per address (known or not) before it locks.'),
  LOCAL_SIGN_IN_LOCKOUT_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15)
    .describe('How long an e-mail sign-in lock (and its failure count) lasts.'),
  TRUSTED_DEVICE_DAYS: z.coerce
    .number()
    .int()
    .min(1)
    .max(730)
    .default(180)
    .describe('How long a browser that passed a mailed code signs in by password alone.'),
  GIS_BASE_URL: z
    .url()
    .optional()
    .describe('The real state-system (GIS ЖКХ) endpoint (turns the sandbox off).')
    .meta({ computedDefault: 'the simulator, `$PUBLIC_URL/sandbox/gis`' }),
  BANK_API_URL: z
    .url()
    .optional()
    .describe('The real acquiring bank API (turns the sandbox off).')
    .meta({ computedDefault: 'the sandbox bank, `$PUBLIC_URL/sandbox/bank/v2`' }),
  BANK_TERMINAL_KEY: z
    .string()
    .min(1)
    .max(20)
    .optional()
    .describe("The bank's TerminalKey; required with `BANK_API_URL`.")
    .meta({ computedDefault: 'the sandbox terminal' }),
  BANK_PASSWORD: z
    .string()
    .min(1)
    .optional()
    .describe(
      "The terminal's password, for the request and notification `Token`; required with `BANK_API_URL`. Without it the sandbox bank and the adapter share a random password made once per installation and kept in the database (`sandbox_secrets`).",
    ),
  BANK_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(100)
    .default(10_000)
    .describe('How long one bank call may take before the bank counts as unavailable.'),
  PAYMENT_COMMISSION_BP: z.coerce
    .number()
    .int()
    .min(0)
    .max(10_000)
    .default(100)
    .describe("The payer's commission in basis points of the amount (100 = 1 %), shown before confirming."),
  PAYMENT_COMMISSION_MIN_KOPECKS: z.coerce
    .number()
    .int()
    .min(0)
    .default(0)
    .describe('The smallest commission, in kopecks.'),
  PAYMENT_TAXATION: z
    .enum(['osn', 'usn_income', 'usn_income_outcome', 'esn', 'patent'])
    .default('osn')
    .describe('Taxation system written into the 54-ФЗ receipt data sent with `Init`.'),
  PAYMENT_RECONCILE_AFTER_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .default(600)
    .describe(
      'A payment pending this long is settled with `GetState` by the `payments.reconcile` job (every 5 minutes).',
    ),
  // General meetings (ЖК РФ ст. 45 ч. 4, ст. 47.1): notice period and voting-duration bounds in days.
  MEETING_NOTICE_DAYS: z.coerce
    .number()
    .int()
    .min(0)
    .max(365)
    .default(10)
    .describe(
      'Calendar days (house time zone) between the notice of a general meeting and its date (ЖК РФ ст. 45 ч. 4).',
    ),
  MEETING_VOTING_MIN_DAYS: z.coerce
    .number()
    .int()
    .min(1)
    .max(365)
    .default(7)
    .describe('Shortest ballot voting, in calendar days with both ends included.'),
  MEETING_VOTING_MAX_DAYS: z.coerce
    .number()
    .int()
    .min(1)
    .max(365)
    .default(60)
    .describe('Longest ballot voting, in calendar days with both ends included.'),
  MEETING_LIVE_RESULTS: bool
    .default(false)
    .describe('Show running results to the administrator before the close (turnout is always shown).'),
  MEETING_STATE_SYSTEM_VOTE_URL: z
    .url()
    .default('https://dom.gosuslugi.ru/')
    .describe(
      'Where owners vote in a meeting held in the state system (organisations in `state-system` mode): the link the cabinet shows.',
    ),
  GIS_SCHEMA_DIR: z
    .string()
    .min(1)
    .optional()
    .describe('A directory holding a (newer) official schema package; the simulator validates requests against it.')
    .meta({ computedDefault: "the hub's subset in `contracts/gis/`" }),
  GIS_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(100)
    .default(60_000)
    .describe('State-system HTTP timeout; a timeout counts as a transport failure (a fresh resend).'),
  GIS_POLL_SCHEDULE: z
    .string()
    .regex(/^\d+(,\d+)*$/, { message: 'expected seconds, comma-separated' })
    .optional()
    .describe('Seconds from the Ack to each getState, comma-separated; the last step repeats.')
    .meta({ computedDefault: '`10,60,300,900,1800` (sandbox `1,2,3,5,10`)' }),
  GIS_SEND_ATTEMPTS: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(10)
    .describe('Fresh messages sent for a batch before its items go dead (retryable through the API).'),
  GIS_RETRY_DELAY_SECONDS: z.coerce
    .number()
    .min(0)
    .optional()
    .describe('Base of the exponential backoff between resends, in seconds.')
    .meta({ computedDefault: '`30` (sandbox `1`)' }),
  GIS_SIGN_KEY_FILE: z
    .string()
    .min(1)
    .optional()
    .describe(
      'PEM private key for the XAdES signatures of state-system messages: GOST R 34.10-2012 (256/512) or RSA, as the certificate says.',
    )
    .meta({
      computedDefault:
        'sandbox: a throwaway GOST key in `$DATA_DIR/sandbox-gost` (RSA when the GOST engine is missing, said in the log)',
    }),
  GIS_SIGN_CERT_FILE: z
    .string()
    .min(1)
    .optional()
    .describe('PEM certificate of `GIS_SIGN_KEY_FILE`, or of the key behind `GIS_SIGNER_URL`.'),
  GIS_SIGN_KEY_PASSPHRASE: z.string().optional().describe('Passphrase of `GIS_SIGN_KEY_FILE`.'),
  GIS_SIGN_PKCS12_FILE: z
    .string()
    .min(1)
    .optional()
    .describe(
      "Signing key and certificate as one PKCS#12 file (a qualified certificate's container exported with its key).",
    ),
  GIS_SIGN_PKCS12_PASSWORD: z.string().optional().describe('Password of `GIS_SIGN_PKCS12_FILE`.'),
  GIS_SIGNER_URL: z
    .url()
    .optional()
    .describe(
      'External signing service (CryptoPro DSS, an HSM gateway: `POST /digest`, `/sign` with `{data}` → `{value}`, base64); needs `GIS_SIGN_CERT_FILE`. See [gost-signing.md](gost-signing.md).',
    ),
  GIS_TLS_CERT_FILE: z
    .string()
    .min(1)
    .optional()
    .describe('Client certificate for mutual TLS with the state system (with `GIS_TLS_KEY_FILE`).'),
  GIS_TLS_KEY_FILE: z.string().min(1).optional().describe('Private key of `GIS_TLS_CERT_FILE`.'),
  GIS_TLS_CA_FILE: z
    .string()
    .min(1)
    .optional()
    .describe("CA certificates that verify the state system's server certificate (with mutual TLS)."),
  GIS_SIM_FAULT_RATE: z.coerce
    .number()
    .min(0)
    .max(1)
    .default(0)
    .describe('Simulator: share of calls that fail, 0 to 1.'),
  GIS_SIM_FAULTS: z
    .string()
    .regex(/^(503|502|timeout|fault|EXP001000)(,(503|502|timeout|fault|EXP001000))*$/)
    .default('503,timeout,EXP001000')
    .describe('Simulator: kinds of injected faults, comma-separated: `503`, `502`, `timeout`, `fault`, `EXP001000`.'),
  GIS_SIM_DELAY_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(1500)
    .describe('Simulator: processing time before getState answers RequestState 3 (done).'),
  GIS_SIM_HANG_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(5000)
    .describe('Simulator: how long an injected timeout holds the answer.'),
  GIS_SIM_VALIDATE: bool.default(true).describe('Simulator: validate requests against the schemas.'),
});

export type Env = z.input<typeof envSchema>;

// A fixed key for sandbox and tests only; production must name its own (checked below).
const SANDBOX_ENCRYPTION_KEY = 'sandbox:c2FuZGJveC1rZXktbm90LWZvci1wcm9kdWN0aW9uISE=';

/** The sandbox bank simulator's terminal (sandbox and tests only). */
export const SANDBOX_BANK = { terminalKey: 'DomhubSandbox' };

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Record<string, string | undefined>) {
  // Empty strings count as unset, as shells and compose files often export them that way.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`));
  }
  const e = parsed.data;
  const externalConfigured = Boolean(e.ESIA_ISSUER || e.GIS_BASE_URL || e.BANK_API_URL);
  const sandbox = e.SANDBOX === 'auto' ? !externalConfigured : e.SANDBOX === 'true';

  const problems: string[] = [];
  if (e.NODE_ENV === 'production' && !e.ENCRYPTION_KEYS) {
    problems.push('ENCRYPTION_KEYS: required in production');
  }
  if (e.NODE_ENV === 'production' && !e.SMTP_URL) {
    problems.push('SMTP_URL: required in production (mail goes to the sandbox outbox otherwise)');
  }
  if (e.NODE_ENV === 'production' && sandbox) {
    problems.push('SANDBOX: sandbox peers cannot run with NODE_ENV=production');
  }
  if (e.BANK_API_URL && (!e.BANK_TERMINAL_KEY || !e.BANK_PASSWORD)) {
    problems.push('BANK_TERMINAL_KEY, BANK_PASSWORD: required with BANK_API_URL');
  }
  // Outside production a provider without a key leaves sign-in off (503) rather than stopping the process.
  if (e.NODE_ENV === 'production' && e.ESIA_ISSUER && !e.ESIA_PKCS12_PATH && !(e.ESIA_CERT_PATH && e.ESIA_KEY_PATH)) {
    problems.push(
      'ESIA_CERT_PATH and ESIA_KEY_PATH (or ESIA_PKCS12_PATH): required with ESIA_ISSUER to sign client_secret',
    );
  }
  if (e.NODE_ENV === 'production' && e.ESIA_ISSUER && !e.ESIA_PROVIDER_CERT_PATH) {
    problems.push(
      "ESIA_PROVIDER_CERT_PATH: required with ESIA_ISSUER (the provider's certificate that verifies its tokens)",
    );
  }
  if (e.ESIA_CERT_PATH && e.ESIA_PKCS12_PATH)
    problems.push('ESIA_PKCS12_PATH: give either a PKCS#12 file or PEM paths, not both');
  if (Boolean(e.ESIA_CERT_PATH) !== Boolean(e.ESIA_KEY_PATH)) problems.push('ESIA_CERT_PATH, ESIA_KEY_PATH: give both');
  if (e.MEETING_VOTING_MIN_DAYS > e.MEETING_VOTING_MAX_DAYS) {
    problems.push('MEETING_VOTING_MIN_DAYS: must not exceed MEETING_VOTING_MAX_DAYS');
  }
  if (
    e.NODE_ENV === 'production' &&
    !e.GIS_SIGNER_URL &&
    !e.GIS_SIGN_PKCS12_FILE &&
    !(e.GIS_SIGN_KEY_FILE && e.GIS_SIGN_CERT_FILE)
  ) {
    problems.push(
      'GIS_SIGNER_URL or GIS_SIGN_KEY_FILE + GIS_SIGN_CERT_FILE: required in production (state-system messages are signed)',
    );
  }
  if (problems.length) throw new ConfigError(problems);
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  const esiaBase = e.ESIA_ISSUER
    ? e.ESIA_ISSUER === 'test' || e.ESIA_ISSUER === 'production'
      ? ESIA_HOSTS[e.ESIA_ISSUER]
      : e.ESIA_ISSUER.replace(/\/$/, '')
    : sandbox
      ? `${publicUrl}/sandbox/esia`
      : undefined;

  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    publicUrl,
    role: e.ROLE,
    /** `npm run cluster`: how many API and worker processes it keeps running. */
    cluster: { api: e.CLUSTER_API_PROCESSES, workers: e.CLUSTER_WORKER_PROCESSES },
    logLevel: e.LOG_LEVEL,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    dbPoolMax: e.DB_POOL_MAX,
    bodyLimit: e.BODY_LIMIT_BYTES,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    session: { idleMinutes: e.SESSION_IDLE_MINUTES, absoluteHours: e.SESSION_ABSOLUTE_HOURS },
    trustProxy: e.TRUST_PROXY,
    sandbox,
    sandboxAllowRemote: e.SANDBOX_ALLOW_REMOTE,
    demoData: e.DEMO_DATA ?? sandbox,
    sandboxOrgApiKey: e.SANDBOX_ORG_API_KEY,
    encryptionKeys: parseKeys(e.ENCRYPTION_KEYS ?? SANDBOX_ENCRYPTION_KEY),
    uploadMaxBytes: e.UPLOAD_MAX_BYTES,
    /** The built resident cabinet (web/dist); next to the sources, or next to dist/src in the image. */
    webDir: e.WEB_DIST_DIR ?? fileURLToPath(new URL('../web/dist', import.meta.url)),
    importBodyLimit: e.IMPORT_BODY_LIMIT_BYTES,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    ticketReopenDays: e.TICKET_REOPEN_DAYS,
    verificationReminderDays: e.VERIFICATION_REMINDER_DAYS,
    garImportDir: e.GAR_IMPORT_DIR ?? `${e.DATA_DIR}/gar`,
    accountLinking: {
      maxFailures: e.ACCOUNT_LINK_MAX_FAILURES,
      lockoutMinutes: e.ACCOUNT_LINK_LOCKOUT_MINUTES,
      invitationDays: e.ACCOUNT_INVITATION_DAYS,
    },
    /** Resident sign-in; in sandbox mode the provider is the in-process one under /sandbox/esia. */
    esia: {
      issuer: esiaBase,
      apiUrl: e.ESIA_API_URL,
      /** The `iss` of the provider's tokens: ESIA writes `http://<host>/`; the sandbox its own URL. */
      tokenIssuer:
        e.ESIA_TOKEN_ISSUER ?? (esiaBase ? (e.ESIA_ISSUER ? esiaTokenIssuer(esiaBase) : `${esiaBase}/`) : undefined),
      providerCertPath: e.ESIA_PROVIDER_CERT_PATH,
      paths: { authorize: e.ESIA_AUTHORIZE_PATH, token: e.ESIA_TOKEN_PATH, logout: e.ESIA_LOGOUT_PATH },
      /** The in-process sandbox provider is the issuer; its secrets sign and verify (src/sandbox/esia). */
      sandboxProvider: !e.ESIA_ISSUER && sandbox,
      /** The sandbox provider signs in a demo citizen named by login_hint (ESIA itself takes no hint). */
      passLoginHint: !e.ESIA_ISSUER && sandbox,
      clientId: e.ESIA_CLIENT_ID,
      certPath: e.ESIA_CERT_PATH,
      keyPath: e.ESIA_KEY_PATH,
      keyPassphrase: e.ESIA_KEY_PASSPHRASE,
      pkcs12Path: e.ESIA_PKCS12_PATH,
      pkcs12Password: e.ESIA_PKCS12_PASSWORD,
      signatureMode: e.ESIA_SIGNATURE_MODE,
      scopes: e.ESIA_SCOPES,
      clockSkewSeconds: e.ESIA_CLOCK_SKEW_SECONDS,
      clockToleranceSeconds: e.ESIA_CLOCK_TOLERANCE_SECONDS,
      redirectUri: `${publicUrl}/auth/callback`,
      postLogoutRedirectUri: `${publicUrl}/auth/logged-out`,
    },
    auth: { rateLimitPerMinute: e.AUTH_RATE_LIMIT_PER_MINUTE, oauthTokenTtlSeconds: e.OAUTH_TOKEN_TTL_SECONDS },
    /** Sign-in without Gosuslugi (e-mail + password). */
    localAuth: {
      maxFailures: e.LOCAL_SIGN_IN_MAX_FAILURES,
      lockoutMinutes: e.LOCAL_SIGN_IN_LOCKOUT_MINUTES,
      trustedDeviceDays: e.TRUSTED_DEVICE_DAYS,
    },
    // Without a real bank the adapter talks to the sandbox bank simulator of this same server.
    bank: {
      baseUrl: e.BANK_API_URL ?? `${publicUrl}/sandbox/bank/v2`,
      terminalKey: e.BANK_TERMINAL_KEY ?? SANDBOX_BANK.terminalKey,
      // Unset in sandbox mode: the installation's random sandbox password (src/sandbox/secrets.ts) is used.
      password: e.BANK_PASSWORD,
      timeoutMs: e.BANK_TIMEOUT_MS,
    },
    payments: {
      commissionBasisPoints: e.PAYMENT_COMMISSION_BP,
      commissionMinimum: BigInt(e.PAYMENT_COMMISSION_MIN_KOPECKS),
      taxation: e.PAYMENT_TAXATION,
      reconcileAfterSeconds: e.PAYMENT_RECONCILE_AFTER_SECONDS,
    },
    meetings: {
      noticeDays: e.MEETING_NOTICE_DAYS,
      votingMinDays: e.MEETING_VOTING_MIN_DAYS,
      votingMaxDays: e.MEETING_VOTING_MAX_DAYS,
      liveResults: e.MEETING_LIVE_RESULTS,
      stateSystemVoteUrl: e.MEETING_STATE_SYSTEM_VOTE_URL,
    },
    gis: {
      // Sandbox points the adapter at the simulator mounted on this server.
      baseUrl: e.GIS_BASE_URL ?? `${publicUrl}/sandbox/gis`,
      schemaDir: e.GIS_SCHEMA_DIR,
      timeoutMs: e.GIS_TIMEOUT_MS,
      // The operator's rule: first getState no sooner than 10 s after the Ack, then 60 s, 300 s, 900 s, then every 30 min.
      pollScheduleSeconds: (e.GIS_POLL_SCHEDULE ?? (sandbox ? '1,2,3,5,10' : '10,60,300,900,1800'))
        .split(',')
        .map(Number),
      sendAttempts: e.GIS_SEND_ATTEMPTS,
      retryDelaySeconds: e.GIS_RETRY_DELAY_SECONDS ?? (sandbox ? 1 : 30),
      signKeyFile: e.GIS_SIGN_KEY_FILE,
      signCertFile: e.GIS_SIGN_CERT_FILE,
      signKeyPassphrase: e.GIS_SIGN_KEY_PASSPHRASE,
      signPkcs12File: e.GIS_SIGN_PKCS12_FILE,
      signPkcs12Password: e.GIS_SIGN_PKCS12_PASSWORD,
      signerUrl: e.GIS_SIGNER_URL,
      tls:
        e.GIS_TLS_CERT_FILE && e.GIS_TLS_KEY_FILE
          ? { certFile: e.GIS_TLS_CERT_FILE, keyFile: e.GIS_TLS_KEY_FILE, caFile: e.GIS_TLS_CA_FILE }
          : undefined,
      simulator: {
        faultRate: e.GIS_SIM_FAULT_RATE,
        faults: e.GIS_SIM_FAULTS.split(',') as ('503' | '502' | 'timeout' | 'fault' | 'EXP001000')[],
        delayMs: e.GIS_SIM_DELAY_MS,
        hangMs: e.GIS_SIM_HANG_MS,
        validate: e.GIS_SIM_VALIDATE,
      },
    },
  };
}

export type Config = ReturnType<typeof loadConfig>;

function parseKeys(spec: string) {
  return spec.split(',').map((entry) => {
    const [id, b64] = entry.split(':') as [string, string];
    const key = Buffer.from(b64, 'base64');
    if (key.length !== 32) throw new ConfigError([`ENCRYPTION_KEYS: key "${id}" is not 32 bytes`]);
    return { id, key };
  });
}
