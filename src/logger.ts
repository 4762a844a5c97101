import pino from 'pino';

// Personal data and credentials never reach the log: these keys are censored wherever pino sees them
// at the first three levels of a logged object (request/response, job payloads, errors).
const SENSITIVE = [
  'snils', 'passport', 'phone', 'mobile', 'email', 'token', 'password', 'secret',
  'access_token', 'id_token', 'refresh_token', 'client_secret', 'apiKey', 'cookie', 'authorization',
];

export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  ...SENSITIVE.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]),
];

export function createLogger(level: string, options: { pretty?: boolean } = {}) {
  return pino({
    level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    ...(options.pretty ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss' } } } : {}),
  });
}

export type Logger = pino.Logger;
