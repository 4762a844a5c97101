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

// Sign-in URLs carry a SNILS (login_hint) and one-time credentials in their query.
const SENSITIVE_QUERY = /([?&](?:login_hint|code|client_secret|id_token_hint|snils)=)[^&]*/gi;
export const redactUrl = (url: string) => url.replace(SENSITIVE_QUERY, '$1[redacted]');

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
    serializers: {
      req: (req: LoggedRequest) => ({
        method: req.method, url: redactUrl(req.url), host: req.host, remoteAddress: req.ip, remotePort: req.socket?.remotePort,
      }),
    },
    ...(options.pretty ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss' } } } : {}),
  };
  return options.destination ? pino(settings, options.destination) : pino(settings);
}

export type Logger = pino.Logger;
