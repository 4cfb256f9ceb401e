// Stable error codes, the one error class resolvers throw, and the masking that keeps internals from clients.
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from './logger.js';

/** Codes a client can rely on. Anything else reaching the edge is masked as INTERNAL_SERVER_ERROR. */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  BAD_REQUEST: 'BAD_REQUEST',
  GRAPHQL_PARSE_FAILED: 'GRAPHQL_PARSE_FAILED',
  GRAPHQL_VALIDATION_FAILED: 'GRAPHQL_VALIDATION_FAILED',
  OPERATION_RESOLUTION_FAILURE: 'OPERATION_RESOLUTION_FAILURE',
  PERSISTED_QUERY_NOT_FOUND: 'PERSISTED_QUERY_NOT_FOUND',
  PERSISTED_QUERY_NOT_SUPPORTED: 'PERSISTED_QUERY_NOT_SUPPORTED',
  /** A document that is not a trusted one, from a caller without an API key (TRUSTED_DOCUMENTS=require). */
  PERSISTED_QUERY_REQUIRED: 'PERSISTED_QUERY_REQUIRED',
  /** A hash of no trusted document, from a caller without an API key (TRUSTED_DOCUMENTS=require). */
  PERSISTED_QUERY_UNKNOWN: 'PERSISTED_QUERY_UNKNOWN',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  EMAIL_NOT_CONFIRMED: 'EMAIL_NOT_CONFIRMED',
  RATE_LIMITED: 'RATE_LIMITED',
  DEPTH_LIMIT_EXCEEDED: 'DEPTH_LIMIT_EXCEEDED',
  ALIAS_LIMIT_EXCEEDED: 'ALIAS_LIMIT_EXCEEDED',
  COST_LIMIT_EXCEEDED: 'COST_LIMIT_EXCEEDED',
  LIST_ARGUMENT_TOO_LONG: 'LIST_ARGUMENT_TOO_LONG',
  /** The request ran past REQUEST_TIMEOUT; a mutation was written whole or not at all. */
  TIMEOUT: 'TIMEOUT',
  /** Too much of a costly kind of work (password hashing) is waiting already: retry in a moment. */
  SERVER_BUSY: 'SERVER_BUSY',
  /** The database (or a subgraph service) cannot be reached for a moment: retry after Retry-After seconds. */
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * What each code means to a client, and what to do about it: the partner reference's catalogue is generated from
 * this (the compiler keeps it complete).
 */
export const ERROR_CODE_DESCRIPTIONS: Readonly<Record<ErrorCode, string>> = {
  BAD_USER_INPUT:
    'A variable or argument is not what the schema accepts: not of its type (a date that is not ISO 8601, an enum value that does not exist) or a text longer than its limit (`extensions.limit`, the `@textLimit` of the field). Fix the value named in the message.',
  BAD_REQUEST:
    'The request cannot be run as sent: a body over the size limit (HTTP 413, `extensions.limit`), several operations without an `operationName` naming one, a subscription (not supported), or more payment notices in one request than `extensions.limit`. Fix the request as the message says.',
  GRAPHQL_PARSE_FAILED: 'The document is not valid GraphQL syntax (or has more tokens than the limit).',
  GRAPHQL_VALIDATION_FAILED: 'The document asks for a field, argument or type the schema does not have.',
  OPERATION_RESOLUTION_FAILURE: 'The document holds several operations and `operationName` does not name one of them.',
  PERSISTED_QUERY_NOT_FOUND: 'A persisted-query hash was sent without its document and the server does not know it.',
  PERSISTED_QUERY_NOT_SUPPORTED: 'Persisted queries are not accepted in this form.',
  PERSISTED_QUERY_REQUIRED:
    "A caller without an API key sent a document that is not one of the web client's (TRUSTED_DOCUMENTS=require). Partners send their own documents with an API key.",
  PERSISTED_QUERY_UNKNOWN: 'A caller without an API key sent a hash of no web client document.',
  UNAUTHENTICATED:
    'No valid caller: the session has ended (log in again), or the API key is missing, malformed, unknown or revoked (HTTP 401).',
  FORBIDDEN:
    'The caller is known but may not do this: the API key lacks the scope named in `extensions.scope`, or the data belongs to another supplier or abonent.',
  NOT_FOUND: 'The object asked for does not exist, or is not visible to this caller.',
  EMAIL_NOT_CONFIRMED:
    'The abonent has not confirmed the e-mail address yet: only login-level operations work until the link in the letter is followed.',
  RATE_LIMITED:
    'Too many attempts of this kind from this caller or address: wait `extensions.retryAfterSeconds` and retry.',
  DEPTH_LIMIT_EXCEEDED: 'The operation nests deeper than MAX_QUERY_DEPTH (HTTP 400).',
  ALIAS_LIMIT_EXCEEDED: 'The operation uses more aliases than MAX_QUERY_ALIASES (HTTP 400).',
  COST_LIMIT_EXCEEDED:
    "The operation would cost more than the caller's limit (fields times the list sizes asked for; HTTP 400). Ask for smaller pages.",
  LIST_ARGUMENT_TOO_LONG: 'A list argument has more items than the limit (HTTP 400): send them in several calls.',
  TIMEOUT:
    'The request ran past REQUEST_TIMEOUT (HTTP 504). A mutation was written whole or not at all: send it again with the same idempotency key.',
  SERVER_BUSY: 'Too much costly work is waiting already (HTTP 429 with Retry-After): retry in a moment.',
  SERVICE_UNAVAILABLE:
    'The database or a subgraph service cannot be reached for a moment (HTTP 503 with Retry-After): retry after that many seconds.',
  INTERNAL_SERVER_ERROR:
    'Something failed that the client cannot fix; the details are in the server log under the request id (`x-request-id`). Retry later.',
};

const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));

const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  DEPTH_LIMIT_EXCEEDED: 400,
  ALIAS_LIMIT_EXCEEDED: 400,
  COST_LIMIT_EXCEEDED: 400,
  LIST_ARGUMENT_TOO_LONG: 400,
  TIMEOUT: 504,
  SERVER_BUSY: 429,
  SERVICE_UNAVAILABLE: 503,
};

/** The HTTP status an error with this code asks for, if it has one of its own. */
export function httpStatusOf(code: unknown): number | undefined {
  return typeof code === 'string' ? HTTP_STATUS[code as ErrorCode] : undefined;
}

export const INTERNAL_ERROR_MESSAGE = 'Внутренняя ошибка сервера. Попробуйте ещё раз позже.';

/**
 * What a timed-out client reads. Mutations run in one transaction each, so a change was written whole or not at
 * all; the ones with an idempotency key may be sent again with the same key and never record twice.
 */
export const TIMEOUT_MESSAGE =
  'Сервер не успел выполнить запрос за отведённое время. Повторите его чуть позже. Изменение, если оно было в ' +
  'запросе, сохранено целиком или не сохранено вовсе; повтор с тем же ключом идемпотентности (idempotencyKey) ' +
  'не запишет его дважды.';

/** What a client reads while the database cannot be reached (a restart, a failover, every connection taken). */
export const SERVICE_UNAVAILABLE_MESSAGE = 'Сервис ненадолго недоступен. Повторите попытку через несколько секунд.';

/** The Retry-After (seconds) of SERVICE_UNAVAILABLE: a PostgreSQL restart or failover takes about this long. */
export const SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS = 2;

/** PostgreSQL's `query_canceled`: a statement ran past DB_STATEMENT_TIMEOUT (or was cancelled). */
const QUERY_CANCELED = '57014';

/**
 * An expected failure with a stable code and a message for people (Russian).
 * `details` go to `extensions` and must be safe to show.
 */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    const status = HTTP_STATUS[code];
    const http = status ? { ...(details.http as object | undefined), status } : details.http;
    super(message, { extensions: { ...details, code, ...(http ? { http } : {}) } });
    this.name = 'AppError';
  }
}

/** The answer to a request that ran past its time (REQUEST_TIMEOUT at the gateway, or a statement's timeout). */
export function timeoutError(): AppError {
  return new AppError(ErrorCode.TIMEOUT, TIMEOUT_MESSAGE);
}

/**
 * The answer while the database is out of reach. `http` carries the status and Retry-After for errors Apollo Server
 * answers itself (context creation); the gateway's status plugin reads `retryAfterSeconds` for the others.
 */
export function serviceUnavailableError(): AppError {
  return new AppError(ErrorCode.SERVICE_UNAVAILABLE, SERVICE_UNAVAILABLE_MESSAGE, {
    retryAfterSeconds: SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS,
    http: {
      status: 503,
      headers: new Map([['retry-after', String(SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS)]]),
    },
  });
}

/** Socket errors of a connection that could not be opened or was lost. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);
/**
 * PostgreSQL's SQLSTATEs of a server that is going away or full: admin_shutdown, crash_shutdown,
 * cannot_connect_now, too_many_connections; the whole class 08 (connection exception) is matched separately.
 */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
/** What the drivers say (with no code) when a connection cannot be had or was lost. */
const UNAVAILABLE_MESSAGES = [
  /Timeout acquiring a connection/i, // knex (MikroORM's pool)
  /timeout exceeded when trying to connect/i, // pg-pool (job queue, sandbox acquirer)
  /Connection terminated/i, // pg: "Connection terminated unexpectedly", "… due to connection timeout"
  /Client has encountered a connection error and is not queryable/i,
  /Client was closed and is not queryable/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
  /too many clients already/i,
];

/**
 * Whether `error` (or anything it wraps: GraphQL's originalError, a cause, MikroORM's wrapper, which copies the
 * driver error's code) says the database could not be reached, as opposed to a bug or a bad statement.
 */
export function isUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const pending: unknown[] = [error];
  while (pending.length > 0) {
    const current = pending.pop();
    if (!current || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    const { code, message, name } = current as { code?: unknown; message?: unknown; name?: unknown };
    if (typeof code === 'string') {
      if (NETWORK_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true;
    }
    if (name === 'ConnectionException' || name === 'KnexTimeoutError') return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message))) return true;
    const wrapper = current as { originalError?: unknown; cause?: unknown; previous?: unknown; errors?: unknown };
    pending.push(wrapper.originalError, wrapper.cause, wrapper.previous);
    if (Array.isArray(wrapper.errors)) pending.push(...(wrapper.errors as unknown[]));
  }
  return false;
}

/** Extension keys that may travel to a client; everything else (exception, stacktrace, serviceName…) is dropped. */
const SAFE_EXTENSIONS = new Set(['code', 'field', 'limit', 'actual', 'argument', 'retryAfterSeconds', 'scope']);

/** Apollo Server's own refusals of a malformed request: an HTTP status but no code. Russian for people. */
const PROTOCOL_MESSAGES: Readonly<Record<string, string>> = {
  'provided sha does not match query': 'Хеш persistedQuery (sha256Hash) не совпадает с текстом запроса.',
  'Unsupported persisted query version': 'Версия persistedQuery не поддерживается: допускается только 1.',
};
const PROTOCOL_MESSAGE = 'Запрос не соответствует протоколу GraphQL over HTTP.';

/**
 * A request error Apollo Server raised itself (persisted query checks): a GraphQLError caused by nothing else,
 * with a 4xx status and no code. It is the client's mistake, not ours.
 */
function isProtocolError(error: unknown): error is GraphQLError {
  if (!(error instanceof GraphQLError) || error.originalError || error.extensions.code !== undefined) return false;
  const status = (error.extensions.http as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}

/** The stable code a client gets for this error when it is the client's mistake or a known outcome; else undefined. */
export function clientErrorCode(error: unknown): ErrorCode | undefined {
  if (isProtocolError(error)) return ErrorCode.BAD_REQUEST;
  const code = error instanceof GraphQLError ? error.extensions.code : undefined;
  return typeof code === 'string' && KNOWN_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR
    ? (code as ErrorCode)
    : undefined;
}

/**
 * Turns any error into what a client may see: known codes keep their message and safe extensions;
 * anything else is logged in full and replaced by a generic message.
 */
export function maskError(formatted: GraphQLFormattedError, error: unknown, log: Logger): GraphQLFormattedError {
  if (isProtocolError(error)) {
    return {
      message: PROTOCOL_MESSAGES[error.message] ?? PROTOCOL_MESSAGE,
      extensions: { code: ErrorCode.BAD_REQUEST },
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && KNOWN_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
    const extensions = Object.fromEntries(
      Object.entries(formatted.extensions ?? {}).filter(([key]) => SAFE_EXTENSIONS.has(key)),
    );
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions };
  }
  const cause = unwrap(error);
  if (cause instanceof Error && (cause as { code?: unknown }).code === QUERY_CANCELED) {
    // Its transaction rolled back: nothing of it was written. No SQL reaches the client.
    log.warn({ path: formatted.path }, 'statement cancelled (DB_STATEMENT_TIMEOUT)');
    return {
      message: TIMEOUT_MESSAGE,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.TIMEOUT },
    };
  }
  if (isUnavailable(cause)) {
    // Not a bug: the database is restarting or out of connections. No SQL or address reaches the client.
    log.warn({ err: cause, path: formatted.path }, 'database unavailable; answered SERVICE_UNAVAILABLE');
    return {
      message: SERVICE_UNAVAILABLE_MESSAGE,
      locations: formatted.locations,
      path: formatted.path,
      extensions: {
        code: ErrorCode.SERVICE_UNAVAILABLE,
        retryAfterSeconds: SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS,
      },
    };
  }
  // A subgraph already masked (and logged) it: pass it on without logging it twice.
  const alreadyMasked = code === ErrorCode.INTERNAL_SERVER_ERROR && formatted.message === INTERNAL_ERROR_MESSAGE;
  if (!alreadyMasked) log.error({ err: unwrap(error), path: formatted.path }, 'unexpected error masked');
  return {
    message: INTERNAL_ERROR_MESSAGE,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}

function unwrap(error: unknown): unknown {
  let current = error;
  while (current instanceof GraphQLError && current.originalError) current = current.originalError;
  return current;
}

/**
 * Logs each refused request once, at warn: the codes and where, never the message's values, the variables or the
 * document (they are the client's data). Errors of resolvers (a path) are the resolvers' business.
 */
export function clientErrorLogPlugin<C extends { log?: Logger }>(log: Logger): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, operationName, contextValue }) {
          const refused = errors
            .filter((error) => error.path === undefined)
            .flatMap((error) => {
              const code = clientErrorCode(error);
              const field = error.extensions.field ?? error.extensions.argument;
              return code ? [typeof field === 'string' ? { code, field } : { code }] : [];
            });
          if (refused.length > 0) {
            (contextValue.log ?? log).warn({ refused, operationName: operationName ?? undefined }, 'request refused');
          }
        },
      };
    },
  };
}
