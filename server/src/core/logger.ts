// The one pino logger: JSON lines, a request id on each request's lines, no personal data.
import type { FastifyBaseLogger } from 'fastify';
import { pino } from 'pino';

/** The logger type every component takes: pino's, as Fastify hands it to each request. */
export type Logger = FastifyBaseLogger;

/**
 * Paths that may carry personal data or secrets. Kabinet code never logs e-mails or tokens on purpose;
 * this list is the safety net for objects logged whole.
 */
const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-kabinet-caller"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.token',
  '*.email',
  'variables',
];

export function createLogger(
  level: string,
  base: Record<string, unknown> = {},
  destination?: pino.DestinationStream,
): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'kabinet', ...base },
    redact: { paths: REDACT, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    serializers: {
      // Query strings can carry tokens (/confirm?token=…): log the path only, and no client address.
      req: (req: { method?: string; url?: string }) => ({ method: req.method, path: req.url?.split('?')[0] }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      err: pino.stdSerializers.err,
    },
  };
  // Tests pass a destination to read what was logged; otherwise stdout, written synchronously. pino's default
  // stdout stream writes asynchronously and, at process.exit, flushes what is buffered synchronously even while an
  // earlier write is still under way: a shutdown's last lines then reached the log out of order ("stopped" before
  // "closing"), and a line written just before a fatal exit could be lost.
  return pino(options, destination ?? pino.destination({ dest: 1, sync: true }));
}
