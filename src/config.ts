import { z } from 'zod';

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
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: z.url().optional(),
  DATA_DIR: z.string().min(1).default('./.data'),
  EMBEDDED_PG_PORT: port.default(0),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(500).default(10),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1024 * 1024),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).default(12),
  TRUST_PROXY: bool.default(false),
  SANDBOX: z.enum(['auto', 'true', 'false']).default('auto'),
  DEMO_DATA: bool.optional(),
  SANDBOX_ORG_API_KEY: z
    .string()
    .regex(/^dh_[A-Za-z0-9]{12}_[A-Za-z0-9_-]{32,}$/, { message: 'expected dh_<12 letters or digits>_<32+ characters>' })
    .optional(),
  // Comma-separated `keyId:base64(32 bytes)`; the first key encrypts, all keys decrypt (rotation).
  ENCRYPTION_KEYS: z
    .string()
    .regex(/^[A-Za-z0-9_-]+:[A-Za-z0-9+/=]{43,44}(,[A-Za-z0-9_-]+:[A-Za-z0-9+/=]{43,44})*$/, {
      message: 'expected keyId:base64key[,keyId:base64key…] with 32-byte keys',
    })
    .optional(),
  UPLOAD_MAX_BYTES: z.coerce.number().int().min(1024).default(10 * 1024 * 1024),
  SMTP_URL: z.url().optional(),
  MAIL_FROM: z.string().min(3).default('domhub <no-reply@domhub.local>'),
  ESIA_ISSUER: z.url().optional(),
  GIS_BASE_URL: z.url().optional(),
  BANK_API_URL: z.url().optional(),
  GIS_SCHEMA_DIR: z.string().min(1).optional(),
  GIS_TIMEOUT_MS: z.coerce.number().int().min(100).default(60_000),
  GIS_POLL_SCHEDULE: z.string().regex(/^\d+(,\d+)*$/, { message: 'expected seconds, comma-separated' }).optional(),
  GIS_SEND_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(10),
  GIS_RETRY_DELAY_SECONDS: z.coerce.number().min(0).optional(),
  GIS_SIGN_KEY_FILE: z.string().min(1).optional(),
  GIS_SIGN_CERT_FILE: z.string().min(1).optional(),
  GIS_SIGNER_URL: z.url().optional(),
  GIS_TLS_CERT_FILE: z.string().min(1).optional(),
  GIS_TLS_KEY_FILE: z.string().min(1).optional(),
  GIS_TLS_CA_FILE: z.string().min(1).optional(),
  GIS_SIM_FAULT_RATE: z.coerce.number().min(0).max(1).default(0),
  GIS_SIM_FAULTS: z.string().regex(/^(503|502|timeout|fault|EXP001000)(,(503|502|timeout|fault|EXP001000))*$/).default('503,timeout,EXP001000'),
  GIS_SIM_DELAY_MS: z.coerce.number().int().min(0).default(1500),
  GIS_SIM_HANG_MS: z.coerce.number().int().min(0).default(5000),
  GIS_SIM_VALIDATE: bool.default(true),
});

export type Env = z.input<typeof envSchema>;

// A fixed key for sandbox and tests only; production must name its own (checked below).
const SANDBOX_ENCRYPTION_KEY = 'sandbox:c2FuZGJveC1rZXktbm90LWZvci1wcm9kdWN0aW9uISE=';

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
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`),
    );
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
  if (e.NODE_ENV === 'production' && !e.GIS_SIGNER_URL && !(e.GIS_SIGN_KEY_FILE && e.GIS_SIGN_CERT_FILE)) {
    problems.push('GIS_SIGNER_URL or GIS_SIGN_KEY_FILE + GIS_SIGN_CERT_FILE: required in production (state-system messages are signed)');
  }
  if (problems.length) throw new ConfigError(problems);

  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    role: e.ROLE,
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
    demoData: e.DEMO_DATA ?? sandbox,
    sandboxOrgApiKey: e.SANDBOX_ORG_API_KEY,
    encryptionKeys: parseKeys(e.ENCRYPTION_KEYS ?? SANDBOX_ENCRYPTION_KEY),
    uploadMaxBytes: e.UPLOAD_MAX_BYTES,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    esiaIssuer: e.ESIA_ISSUER,
    gisBaseUrl: e.GIS_BASE_URL,
    bankApiUrl: e.BANK_API_URL,
    gis: {
      // Sandbox points the adapter at the simulator mounted on this server.
      baseUrl: e.GIS_BASE_URL ?? `${(e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '')}/sandbox/gis`,
      schemaDir: e.GIS_SCHEMA_DIR,
      timeoutMs: e.GIS_TIMEOUT_MS,
      // The operator's rule: first getState no sooner than 10 s after the Ack, then 60 s, 300 s, 900 s, then every 30 min.
      pollScheduleSeconds: (e.GIS_POLL_SCHEDULE ?? (sandbox ? '1,2,3,5,10' : '10,60,300,900,1800')).split(',').map(Number),
      sendAttempts: e.GIS_SEND_ATTEMPTS,
      retryDelaySeconds: e.GIS_RETRY_DELAY_SECONDS ?? (sandbox ? 1 : 30),
      signKeyFile: e.GIS_SIGN_KEY_FILE,
      signCertFile: e.GIS_SIGN_CERT_FILE,
      signerUrl: e.GIS_SIGNER_URL,
      tls: e.GIS_TLS_CERT_FILE && e.GIS_TLS_KEY_FILE ? { certFile: e.GIS_TLS_CERT_FILE, keyFile: e.GIS_TLS_KEY_FILE, caFile: e.GIS_TLS_CA_FILE } : undefined,
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
