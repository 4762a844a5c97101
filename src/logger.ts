import pino from 'pino';

// Personal data and credentials never reach the log: values under these keys are censored at the top
// level by pino's redaction (whatever their type) and at any depth in the finished line (strings, numbers
// and booleans), by one regular-expression pass. pino's wildcard paths (`*.key`, `*.*.key`) did the same to
// three levels but cost some 90 µs per line: more than a resident read's own work.
const SENSITIVE = [
  'snils',
  'passport',
  'phone',
  'mobile',
  'email',
  'token',
  'password',
  'secret',
  'access_token',
  'id_token',
  'refresh_token',
  'client_secret',
  'apiKey',
  'cookie',
  'authorization',
];

export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  ...SENSITIVE,
];

const NESTED_SENSITIVE = new RegExp(
  `"(${SENSITIVE.join('|')})":("(?:[^"\\\\]|\\\\.)*"|-?[0-9][0-9.eE+-]*|true|false)`,
  'g',
);

/** Censors the sensitive keys' scalar values anywhere in a finished JSON log line. */
export const redactLine = (line: string) => line.replace(NESTED_SENSITIVE, '"$1":"[redacted]"');

// Sign-in URLs carry a SNILS (login_hint) and one-time credentials in their query.
const SENSITIVE_QUERY = /([?&](?:login_hint|code|client_secret|id_token_hint|snils)=)[^&]*/gi;
export const redactUrl = (url: string) => url.replace(SENSITIVE_QUERY, '$1[redacted]');

const LOG_FLUSH_MS = 500;

interface LoggedRequest {
  method: string;
  url: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number };
}

export function createLogger(level: string, options: { pretty?: boolean; destination?: pino.DestinationStream } = {}) {
  const settings: pino.LoggerOptions = {
    level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    hooks: { streamWrite: redactLine },
    serializers: {
      req: (req: LoggedRequest) => ({
        method: req.method,
        url: redactUrl(req.url),
        host: req.host,
        remoteAddress: req.ip,
        remotePort: req.socket?.remotePort,
      }),
    },
    ...(options.pretty ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss' } } } : {}),
  };
  if (options.destination) return pino(settings, options.destination);
  if (options.pretty) return pino(settings);
  // Buffered asynchronous writes to stdout: a synchronous write per line was a system call per request on
  // the hot path. Lines wait at most LOG_FLUSH_MS; pino flushes the buffer synchronously when the process
  // exits (a SIGKILL loses at most that last moment of lines).
  const destination = pino.destination({ dest: 1, sync: false, minLength: 4096 });
  setInterval(() => destination.flush(() => undefined), LOG_FLUSH_MS).unref();
  return pino(settings, destination);
}

export type Logger = pino.Logger;
