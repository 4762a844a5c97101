import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ESIA_HOSTS, esiaTokenIssuer } from '../contracts/esia.js';

// The one place that reads process.env (main.ts passes it in). Every variable is listed in the README.

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const port = z.coerce.number().int().min(0).max(65535);

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: port.default(3000),
  PUBLIC_URL: z.url().optional(),
  ROLE: z.enum(['api', 'worker', 'all']).default('all'),
  CLUSTER_API_PROCESSES: z.coerce.number().int().min(1).max(64).default(2),
  CLUSTER_WORKER_PROCESSES: z.coerce.number().int().min(0).max(64).default(1),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: z.url().optional(),
  DATA_DIR: z.string().min(1).default('./.data'),
  EMBEDDED_PG_PORT: port.default(0),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(500).default(10),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).default(12),
  TRUST_PROXY: bool.default(false),
  SANDBOX: z.enum(['auto', 'true', 'false']).default('auto'),
  SANDBOX_ALLOW_REMOTE: bool.default(false),
  DEMO_DATA: bool.optional(),
  SANDBOX_ORG_API_KEY: z
    .string()
    .regex(/^dh_[A-Za-z0-9]{12}_[A-Za-z0-9_-]{32,}$/, {
      message: 'expected dh_<12 letters or digits>_<32+ characters>',
    })
    .optional(),
  // Comma-separated `keyId:base64(32 bytes)`; the first key encrypts, all keys decrypt (rotation).
  ENCRYPTION_KEYS: z
    .string()
    .regex(/^[A-Za-z0-9_-]+:[A-Za-z0-9+/=]{43,44}(,[A-Za-z0-9_-]+:[A-Za-z0-9+/=]{43,44})*$/, {
      message: 'expected keyId:base64key[,keyId:base64key…] with 32-byte keys',
    })
    .optional(),
  UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(10 * 1024 * 1024),
  WEB_DIST_DIR: z.string().min(1).optional(),
  IMPORT_BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(256 * 1024 * 1024),
  SMTP_URL: z.url().optional(),
  MAIL_FROM: z.string().min(3).default('domhub <no-reply@domhub.local>'),
  TICKET_REOPEN_DAYS: z.coerce.number().int().min(0).max(365).default(14),
  VERIFICATION_REMINDER_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  GAR_IMPORT_DIR: z.string().min(1).optional(),
  ACCOUNT_LINK_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  ACCOUNT_LINK_LOCKOUT_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  ACCOUNT_INVITATION_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  ESIA_ISSUER: z.union([z.enum(['test', 'production']), z.url()]).optional(),
  ESIA_API_URL: z.url().optional(),
  ESIA_TOKEN_ISSUER: z.string().min(1).optional(),
  ESIA_PROVIDER_CERT_PATH: z.string().min(1).optional(),
  ESIA_AUTHORIZE_PATH: z.string().regex(/^\//).optional(),
  ESIA_TOKEN_PATH: z.string().regex(/^\//).optional(),
  ESIA_LOGOUT_PATH: z.string().regex(/^\//).optional(),
  ESIA_CLIENT_ID: z.string().min(1).default('DOMHUB'),
  ESIA_CERT_PATH: z.string().min(1).optional(),
  ESIA_KEY_PATH: z.string().min(1).optional(),
  ESIA_KEY_PASSPHRASE: z.string().optional(),
  ESIA_PKCS12_PATH: z.string().min(1).optional(),
  ESIA_PKCS12_PASSWORD: z.string().optional(),
  ESIA_SIGNATURE_MODE: z.enum(['legacy', 'v2']).default('v2'),
  ESIA_SCOPES: z
    .string()
    .regex(/^[a-z_]+( [a-z_]+)*$/)
    .default('openid fullname birthdate gender snils email mobile'),
  ESIA_CLOCK_SKEW_SECONDS: z.coerce.number().int().default(0),
  ESIA_CLOCK_TOLERANCE_SECONDS: z.coerce.number().int().min(0).max(300).default(30),
  AUTH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  OAUTH_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(3600),
  LOCAL_SIGN_IN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOCAL_SIGN_IN_LOCKOUT_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  TRUSTED_DEVICE_DAYS: z.coerce.number().int().min(1).max(730).default(180),
  GIS_BASE_URL: z.url().optional(),
  BANK_API_URL: z.url().optional(),
  BANK_TERMINAL_KEY: z.string().min(1).max(20).optional(),
  BANK_PASSWORD: z.string().min(1).optional(),
  BANK_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  PAYMENT_COMMISSION_BP: z.coerce.number().int().min(0).max(10_000).default(100),
  PAYMENT_COMMISSION_MIN_KOPECKS: z.coerce.number().int().min(0).default(0),
  PAYMENT_TAXATION: z.enum(['osn', 'usn_income', 'usn_income_outcome', 'esn', 'patent']).default('osn'),
  PAYMENT_RECONCILE_AFTER_SECONDS: z.coerce.number().int().min(0).default(600),
  // General meetings (ЖК РФ ст. 45 ч. 4, ст. 47.1): notice period and voting-duration bounds in days.
  MEETING_NOTICE_DAYS: z.coerce.number().int().min(0).max(365).default(10),
  MEETING_VOTING_MIN_DAYS: z.coerce.number().int().min(1).max(365).default(7),
  MEETING_VOTING_MAX_DAYS: z.coerce.number().int().min(1).max(365).default(60),
  MEETING_LIVE_RESULTS: bool.default(false),
  GIS_SCHEMA_DIR: z.string().min(1).optional(),
  GIS_TIMEOUT_MS: z.coerce.number().int().min(100).default(60_000),
  GIS_POLL_SCHEDULE: z
    .string()
    .regex(/^\d+(,\d+)*$/, { message: 'expected seconds, comma-separated' })
    .optional(),
  GIS_SEND_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(10),
  GIS_RETRY_DELAY_SECONDS: z.coerce.number().min(0).optional(),
  GIS_SIGN_KEY_FILE: z.string().min(1).optional(),
  GIS_SIGN_CERT_FILE: z.string().min(1).optional(),
  GIS_SIGN_KEY_PASSPHRASE: z.string().optional(),
  GIS_SIGN_PKCS12_FILE: z.string().min(1).optional(),
  GIS_SIGN_PKCS12_PASSWORD: z.string().optional(),
  GIS_SIGNER_URL: z.url().optional(),
  GIS_TLS_CERT_FILE: z.string().min(1).optional(),
  GIS_TLS_KEY_FILE: z.string().min(1).optional(),
  GIS_TLS_CA_FILE: z.string().min(1).optional(),
  GIS_SIM_FAULT_RATE: z.coerce.number().min(0).max(1).default(0),
  GIS_SIM_FAULTS: z
    .string()
    .regex(/^(503|502|timeout|fault|EXP001000)(,(503|502|timeout|fault|EXP001000))*$/)
    .default('503,timeout,EXP001000'),
  GIS_SIM_DELAY_MS: z.coerce.number().int().min(0).default(1500),
  GIS_SIM_HANG_MS: z.coerce.number().int().min(0).default(5000),
  GIS_SIM_VALIDATE: bool.default(true),
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
    esiaIssuer: e.ESIA_ISSUER,
    /** Resident sign-in; in sandbox mode the provider is the in-process one under /sandbox/esia. */
    esia: {
      issuer: esiaBase,
      apiUrl: e.ESIA_API_URL,
      /** The `iss` of the provider's tokens: ESIA writes `http://<host>/`; the sandbox its own URL. */
      tokenIssuer:
        e.ESIA_TOKEN_ISSUER ?? (esiaBase ? (e.ESIA_ISSUER ? esiaTokenIssuer(esiaBase) : `${esiaBase}/`) : undefined),
      providerCertPath: e.ESIA_PROVIDER_CERT_PATH,
      paths: { authorize: e.ESIA_AUTHORIZE_PATH, token: e.ESIA_TOKEN_PATH, logout: e.ESIA_LOGOUT_PATH },
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
    gisBaseUrl: e.GIS_BASE_URL,
    bankApiUrl: e.BANK_API_URL,
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
    },
    gis: {
      // Sandbox points the adapter at the simulator mounted on this server.
      baseUrl: e.GIS_BASE_URL ?? `${(e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '')}/sandbox/gis`,
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
