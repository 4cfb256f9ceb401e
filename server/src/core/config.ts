// Reads and validates every environment variable once, failing fast with a message that says what to fix.
import { availableParallelism } from 'node:os';
import path from 'node:path';
import proxyaddr from '@fastify/proxy-addr';
import { z } from 'zod';
import { DEFAULT_CPU_POOL_QUEUE, defaultCpuPoolThreads } from './cpu-pool.js';

export const SUBGRAPH_NAMES = ['identity', 'accounts', 'metering', 'payments'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

/** Where distributed mode finds each subgraph unless <NAME>_URL says otherwise. */
export const DEFAULT_SUBGRAPH_URLS: Readonly<Record<SubgraphName, string>> = Object.freeze({
  identity: 'http://127.0.0.1:4001/graphql',
  accounts: 'http://127.0.0.1:4002/graphql',
  metering: 'http://127.0.0.1:4003/graphql',
  payments: 'http://127.0.0.1:4004/graphql',
});

const DEV_GATEWAY_SECRET = 'kabinet-development-gateway-secret-not-for-production';
const DEV_CAPTCHA_SECRET = 'kabinet-development-captcha-secret-not-for-production';
const DEV_SANDBOX_SECRET = 'kabinet-sandbox-acquirer-notification-secret';

/** Outside production, the legal pages name a plainly demonstrational operator; production must name its own. */
const DEMO_OPERATOR = {
  name: 'ООО «Личный кабинет абонента» (демонстрационный оператор)',
  inn: '0000000000',
  address: '000000, г. Москва, ул. Примерная, д. 1 (демонстрационный адрес)',
};

/** Secrets whose development values are public: production refuses them. */
const PUBLISHED_SECRETS = [
  ['GATEWAY_SECRET', DEV_GATEWAY_SECRET],
  ['CAPTCHA_SECRET', DEV_CAPTCHA_SECRET],
  ['SANDBOX_ACQUIRER_SECRET', DEV_SANDBOX_SECRET],
] as const;

const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .optional()
    .transform((v) => (v === undefined ? fallback : ['true', '1', 'yes'].includes(v)));

const DURATION_UNITS = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000, ms: 1 } as const;

const DURATION = /^(\d+)(ms|d|h|m|s)$/;
const DURATION_HINT = 'must be a duration such as 3d, 12h, 30m, 45s or 500ms';
const toMs = (v: string) => {
  const [, amount, unit] = DURATION.exec(v)!;
  return Number(amount) * DURATION_UNITS[unit as keyof typeof DURATION_UNITS];
};

/** A duration like `3d`, `12h`, `30m`, `45s` or `500ms`, in milliseconds. */
const duration = (fallback: string) =>
  z
    .string()
    .trim()
    .default(fallback)
    .refine((v) => DURATION.test(v), DURATION_HINT)
    .transform(toMs);

/** The same, with no default: undefined when unset. */
const optionalDuration = () =>
  z
    .string()
    .trim()
    .refine((v) => DURATION.test(v), DURATION_HINT)
    .transform(toMs)
    .optional();

/**
 * A load balancer polling /readyz every 1–2 s (Kubernetes' readiness probe, HAProxy's check) takes a couple of
 * failed probes to take an instance out: 5 s covers that. Outside production nothing balances the load: no drain.
 */
const DEFAULT_PRODUCTION_DRAIN_MS = 5000;

/** libuv's threadpool size unless UV_THREADPOOL_SIZE says otherwise (argon2, fs, dns and crypto share it). */
const DEFAULT_THREADPOOL_SIZE = 4;

const email = z.string().trim().email('must be an e-mail address');

/** DB_CONNECTIONS unset: `npm start`'s budget (every subgraph in one process). */
export const ONE_PROCESS_CONNECTIONS = 24;
/** DB_CONNECTIONS unset: a subgraph service's (distributed mode: four of them take 48 of a server's default 100). */
export const SERVICE_CONNECTIONS = 12;

const int = (fallback: number, min: number, max: number) => z.coerce.number().int().min(min).max(max).default(fallback);

const postgresUrl = z
  .string()
  .trim()
  .refine((v) => /^postgres(ql)?:\/\//.test(v), 'must be a postgres:// or postgresql:// URL');

const httpUrl = z
  .string()
  .trim()
  .refine((v) => /^https?:\/\/[^/]+/.test(v), 'must be an http:// or https:// URL');

const variables = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  PORT: int(4000, 0, 65535),
  PUBLIC_URL: httpUrl.optional(),
  DATABASE_URL: postgresUrl.optional(),
  DATA_DIR: z.string().trim().min(1).default('./data'),
  // Unset, each kind of process takes its own default (ONE_PROCESS_CONNECTIONS, SERVICE_CONNECTIONS).
  DB_CONNECTIONS: z.coerce.number().int().min(6).max(1000).optional(),
  DB_START_TIMEOUT: duration('60s'),
  DB_IDLE_TIMEOUT: duration('30s'),
  MIGRATE_ON_START: bool(true),
  DEMO_DATA: z.enum(['true', 'false', '1', '0', 'yes', 'no']).optional(),
  SMTP_URL: z
    .string()
    .trim()
    .refine((v) => /^smtps?:\/\//.test(v), 'must be an smtp:// or smtps:// URL')
    .optional(),
  SMTP_FROM: z.string().trim().min(3).default('Личный кабинет абонента <no-reply@kabinet.localhost>'),
  /** Letters sent at once by one process (SMTP connections it keeps open). */
  MAIL_CONCURRENCY: int(8, 1, 100),
  /** How long one SMTP step (connect, greeting, any reply) may take before the attempt fails and is retried. */
  SMTP_TIMEOUT: duration('10s'),
  SUPPORT_EMAIL: email.default('support@kabinet.localhost'),
  OPERATOR_NAME: z.string().trim().min(3).max(300).optional(),
  OPERATOR_INN: z
    .string()
    .trim()
    .regex(/^(\d{10}|\d{12})$/, 'must be the operator’s ИНН: 10 digits (an organisation) or 12 (a sole trader)')
    .optional(),
  OPERATOR_ADDRESS: z.string().trim().min(5).max(500).optional(),
  GATEWAY_SECRET: z.string().min(32, 'must be at least 32 characters long').optional(),
  /** /metrics on a listener of its own (for the scraper only), instead of the public port. */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  METRICS_HOST: z.string().trim().min(1).default('127.0.0.1'),
  /** With it, /metrics on the public port answers only to `Authorization: Bearer <METRICS_TOKEN>`. */
  METRICS_TOKEN: z.string().min(32, 'must be at least 32 characters long').optional(),
  CAPTCHA_SECRET: z.string().min(32, 'must be at least 32 characters long').optional(),
  CAPTCHA_COST: int(50_000, 1, 10_000_000),
  CAPTCHA_MAX_COST: int(200_000, 1, 10_000_000),
  TRUSTED_PROXIES: z
    .string()
    .trim()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean),
    )
    .refine(
      (list) => {
        try {
          proxyaddr.compile(list);
          return true;
        } catch {
          return false;
        }
      },
      {
        message:
          'must be a comma-separated list of IP addresses or CIDR ranges (e.g. `127.0.0.1/8, 10.0.0.0/8`), ' +
          'or loopback, linklocal, uniquelocal',
      },
    ),
  CONFIRMATION_TTL: duration('3d'),
  PASSWORD_RESET_TTL: duration('1h'),
  SESSION_IDLE_TTL: duration('2h'),
  SESSION_ABSOLUTE_TTL: duration('30d'),
  PASSWORD_POLICY: z.enum(['seed', 'strict']).default('seed'),
  REDIS_URL: z
    .string()
    .trim()
    .refine((v) => /^rediss?:\/\//.test(v), 'must be a redis:// or rediss:// URL')
    .optional(),
  IDENTITY_URL: httpUrl.default(DEFAULT_SUBGRAPH_URLS.identity),
  ACCOUNTS_URL: httpUrl.default(DEFAULT_SUBGRAPH_URLS.accounts),
  METERING_URL: httpUrl.default(DEFAULT_SUBGRAPH_URLS.metering),
  PAYMENTS_URL: httpUrl.default(DEFAULT_SUBGRAPH_URLS.payments),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MAX_QUERY_DEPTH: int(12, 2, 100),
  MAX_QUERY_ALIASES: int(30, 1, 1000),
  MAX_QUERY_COST: int(5000, 10, 1_000_000),
  MAX_PARTNER_QUERY_COST: int(200_000, 10, 10_000_000),
  MAX_QUERY_TOKENS: int(3000, 100, 100_000),
  MAX_LIST_ARGUMENT: int(1000, 1, 100_000),
  MAX_COSTLY_QUERY_COST: int(3000, 1, 1_000_000),
  COSTLY_RATE_LIMIT: int(30, 1, 1_000_000),
  COSTLY_RATE_WINDOW: duration('10m'),
  CPU_POOL_THREADS: int(defaultCpuPoolThreads(), 1, 64),
  CPU_POOL_QUEUE: int(DEFAULT_CPU_POOL_QUEUE, 0, 10_000),
  SHUTDOWN_DRAIN: optionalDuration(),
  SHUTDOWN_TIMEOUT_MS: int(10_000, 100, 120_000),
  REQUEST_TIMEOUT: duration('30s'),
  DB_STATEMENT_TIMEOUT: optionalDuration(),
  HTTP_HEADERS_TIMEOUT: duration('10s'),
  HTTP_REQUEST_TIMEOUT: duration('30s'),
  HTTP_KEEP_ALIVE_TIMEOUT: duration('10s'),
  HTTP_MAX_HEADER_SIZE: int(16_384, 1024, 1_048_576),
  UV_THREADPOOL_SIZE: int(DEFAULT_THREADPOOL_SIZE, 1, 1024),
  PASSWORD_HASH_CONCURRENCY: z.coerce.number().int().min(0).max(256).optional(),
  PASSWORD_HASH_QUEUE: int(100, 0, 100_000),
  WEB_DIST_DIR: z.string().trim().min(1).optional(),
  TRUSTED_DOCUMENTS: z.enum(['require', 'allow']).optional(),
  TRUSTED_DOCUMENTS_MANIFEST: z.string().trim().min(1).optional(),
  PAYMENT_PROVIDER: z.enum(['sandbox', 'yookassa']).default('sandbox'),
  PAYMENT_MAX_KOPECKS: int(10_000_000, 100, 1_000_000_000),
  PAYMENT_RECONCILE_AFTER: duration('5m'),
  RECEIPT_VAT_RATE: z.enum(['none', '0', '10', '20', '22']).default('22'),
  SANDBOX_ACQUIRER_URL: httpUrl.optional(),
  SANDBOX_ACQUIRER_SECRET: z.string().min(32, 'must be at least 32 characters long').optional(),
  YOOKASSA_API_URL: httpUrl.default('https://api.yookassa.ru/v3'),
  YOOKASSA_SHOP_ID: z
    .string()
    .trim()
    .regex(/^\d{1,20}$/, 'must be the shop id (digits) from the YooKassa account')
    .optional(),
  YOOKASSA_SECRET_KEY: z.string().trim().min(10, 'must be the secret key from the YooKassa account').optional(),
});

/** Every environment variable Kabinet reads (each is documented in .env.example). */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(variables.shape);

const schema = variables.superRefine((env, ctx) => {
  if (env.CAPTCHA_MAX_COST < env.CAPTCHA_COST) {
    ctx.addIssue({
      code: 'custom',
      path: ['CAPTCHA_MAX_COST'],
      message: `must not be below CAPTCHA_COST (${env.CAPTCHA_COST})`,
    });
  }
  for (const [name, value] of [
    ['REQUEST_TIMEOUT', env.REQUEST_TIMEOUT],
    ['HTTP_HEADERS_TIMEOUT', env.HTTP_HEADERS_TIMEOUT],
    ['HTTP_REQUEST_TIMEOUT', env.HTTP_REQUEST_TIMEOUT],
    ['HTTP_KEEP_ALIVE_TIMEOUT', env.HTTP_KEEP_ALIVE_TIMEOUT],
  ] as const) {
    if (value < 100) ctx.addIssue({ code: 'custom', path: [name], message: 'must be at least 100ms' });
  }
  // Node refuses a server whose headers may take longer than the whole request.
  if (env.SHUTDOWN_DRAIN !== undefined && env.SHUTDOWN_DRAIN > 10 * 60_000) {
    ctx.addIssue({ code: 'custom', path: ['SHUTDOWN_DRAIN'], message: 'must not be longer than 10m' });
  }
  if (env.HTTP_HEADERS_TIMEOUT > env.HTTP_REQUEST_TIMEOUT) {
    ctx.addIssue({
      code: 'custom',
      path: ['HTTP_HEADERS_TIMEOUT'],
      message: 'must not be longer than HTTP_REQUEST_TIMEOUT (the headers are part of the request)',
    });
  }
  if (env.DB_STATEMENT_TIMEOUT !== undefined && env.DB_STATEMENT_TIMEOUT > env.REQUEST_TIMEOUT) {
    ctx.addIssue({
      code: 'custom',
      path: ['DB_STATEMENT_TIMEOUT'],
      message: 'must not be longer than REQUEST_TIMEOUT (a statement would outlive the request it serves)',
    });
  }
  // argon2 runs on libuv's threadpool: hashes filling every thread would stall file, DNS and crypto work.
  if (env.PASSWORD_HASH_CONCURRENCY !== undefined && env.PASSWORD_HASH_CONCURRENCY >= env.UV_THREADPOOL_SIZE) {
    ctx.addIssue({
      code: 'custom',
      path: ['PASSWORD_HASH_CONCURRENCY'],
      message:
        `must be smaller than UV_THREADPOOL_SIZE (${env.UV_THREADPOOL_SIZE}): password hashes share libuv's ` +
        'threadpool with file, DNS and crypto work; raise UV_THREADPOOL_SIZE with it',
    });
  }
  if (env.NODE_ENV === 'production' && !env.GATEWAY_SECRET) {
    ctx.addIssue({
      code: 'custom',
      path: ['GATEWAY_SECRET'],
      message: 'is required when NODE_ENV=production (generate one with `openssl rand -hex 32`)',
    });
  }
  if (env.NODE_ENV === 'production' && !env.PUBLIC_URL) {
    ctx.addIssue({ code: 'custom', path: ['PUBLIC_URL'], message: 'is required when NODE_ENV=production' });
  }
  if (env.NODE_ENV === 'production' && env.PUBLIC_URL?.startsWith('http://')) {
    ctx.addIssue({
      code: 'custom',
      path: ['PUBLIC_URL'],
      message:
        'must be an https:// URL when NODE_ENV=production (over http:// the session cookie loses Secure and ' +
        'the __Host- prefix); serve the cabinet over TLS and set its https:// address',
    });
  }
  if (env.NODE_ENV === 'production' && !env.CAPTCHA_SECRET) {
    ctx.addIssue({ code: 'custom', path: ['CAPTCHA_SECRET'], message: 'is required when NODE_ENV=production' });
  }
  // The development secrets are published in this repository: anyone could sign with them.
  if (env.NODE_ENV === 'production') {
    for (const [name, published] of PUBLISHED_SECRETS) {
      if (env[name]?.trim() === published) {
        ctx.addIssue({
          code: 'custom',
          path: [name],
          message:
            'is the published development value, which must not be used when NODE_ENV=production ' +
            '(generate one with `openssl rand -hex 32`)',
        });
      }
    }
  }
  if (env.NODE_ENV === 'production' && env.DEMO_DATA !== undefined && ['true', '1', 'yes'].includes(env.DEMO_DATA)) {
    ctx.addIssue({
      code: 'custom',
      path: ['DEMO_DATA'],
      message:
        'must not be true when NODE_ENV=production (it writes demo accounts with published proofs); ' +
        'unset it or set false',
    });
  }
  if (env.NODE_ENV === 'production' && env.TRUSTED_DOCUMENTS === 'allow') {
    ctx.addIssue({
      code: 'custom',
      path: ['TRUSTED_DOCUMENTS'],
      message:
        'must not be allow when NODE_ENV=production (browsers could then send any document); unset it or set ' +
        'require, and give programs a partner API key',
    });
  }
  if (env.PAYMENT_PROVIDER === 'yookassa') {
    for (const name of ['YOOKASSA_SHOP_ID', 'YOOKASSA_SECRET_KEY'] as const) {
      if (!env[name])
        ctx.addIssue({ code: 'custom', path: [name], message: 'is required when PAYMENT_PROVIDER=yookassa' });
    }
  }
  if (env.NODE_ENV === 'production' && env.PAYMENT_PROVIDER === 'sandbox') {
    ctx.addIssue({
      code: 'custom',
      path: ['PAYMENT_PROVIDER'],
      message: 'must not be sandbox when NODE_ENV=production (the sandbox takes no real money); set yookassa',
    });
  }
  for (const name of ['OPERATOR_NAME', 'OPERATOR_INN', 'OPERATOR_ADDRESS'] as const) {
    if (env.NODE_ENV === 'production' && !env[name]) {
      ctx.addIssue({
        code: 'custom',
        path: [name],
        message:
          'is required when NODE_ENV=production (the user agreement and the personal-data consent name the operator)',
      });
    }
  }
  if (env.NODE_ENV === 'production' && !env.SMTP_URL) {
    ctx.addIssue({
      code: 'custom',
      path: ['SMTP_URL'],
      message: 'is required when NODE_ENV=production (the development mailbox is never served in production)',
    });
  }
});

export type Config = Readonly<{
  env: 'development' | 'production' | 'test';
  isProduction: boolean;
  host: string;
  port: number;
  publicUrl: string;
  databaseUrl: string | undefined;
  dataDir: string;
  /** Database connections one process may open, every pool together (DB_CONNECTIONS); see database.ts. */
  dbConnections: number;
  /**
   * The same for a subgraph service of distributed mode: DB_CONNECTIONS when given, else SERVICE_CONNECTIONS, so
   * that the four services on their defaults leave room on a server's default 100 for a second instance and tools.
   */
  serviceDbConnections: number;
  /** How long a start keeps retrying a PostgreSQL server that refuses connections (DB_START_TIMEOUT). */
  dbStartTimeoutMs: number;
  /** Pools close a connection unused this long (DB_IDLE_TIMEOUT). */
  dbIdleTimeoutMs: number;
  migrateOnStart: boolean;
  /** Seed the demo personal accounts at start (default: on the embedded database outside production). */
  demoData: boolean;
  smtpUrl: string | undefined;
  smtpFrom: string;
  mailConcurrency: number;
  smtpTimeoutMs: number;
  supportEmail: string;
  /** Who runs the cabinet and processes the personal data, as the agreement and the consent name it. */
  operator: Readonly<{ name: string; inn: string; address: string }>;
  gatewaySecret: string;
  captchaSecret: string;
  /** Proof-of-work difficulty: the upper bound of the counter a client searches (SHA-256). */
  captchaCost: number;
  /** The most the difficulty grows to after failed logins: what a phone must still solve in a few seconds. */
  captchaMaxCost: number;
  /**
   * Proxies whose X-Forwarded-For is believed (addresses, CIDR ranges or proxy-addr's keywords); empty: the client is
   * the socket's peer and X-Forwarded-For is ignored. Only the public edge (gateway) reads it.
   */
  trustedProxies: readonly string[];
  confirmationTtlMs: number;
  passwordResetTtlMs: number;
  sessionIdleTtlMs: number;
  sessionAbsoluteTtlMs: number;
  passwordPolicy: 'seed' | 'strict';
  redisUrl: string | undefined;
  /** True when GATEWAY_SECRET was not set and the development secret is in use. */
  gatewaySecretIsDefault: boolean;
  subgraphUrls: Readonly<Record<SubgraphName, string>>;
  logLevel: string;
  limits: Readonly<{
    depth: number;
    aliases: number;
    cost: number;
    partnerCost: number;
    tokens: number;
    listArgument: number;
    /** The cost of costly fields (payment notices) one operation may ask for, partners included. */
    costly: number;
  }>;
  /** Costly fields (payment notices) one caller may get per window: an abonent, a partner app, an address. */
  costlyRate: Readonly<{ points: number; windowSeconds: number }>;
  /** Worker threads for CPU-bound work (PDF and QR rendering) off the event loop. */
  cpuPoolThreads: number;
  /** Tasks that may wait for a CPU pool thread; beyond them SERVER_BUSY. */
  cpuPoolQueue: number;
  /**
   * After SIGTERM/SIGINT: how long /readyz answers 503 while requests are still served, so a load balancer stops
   * sending before the listener closes (SHUTDOWN_DRAIN; 5 s in production, 0 otherwise).
   */
  shutdownDrainMs: number;
  /**
   * Where /metrics is served: on `port` (METRICS_PORT, at METRICS_HOST) alone when set; otherwise on the public
   * port, behind `token` (METRICS_TOKEN) when set, and not at all in production without one.
   */
  metrics: Readonly<{ port?: number; host: string; token?: string }>;
  /** After the drain: how long in-flight requests may take before their connections are cut (SHUTDOWN_TIMEOUT_MS). */
  shutdownTimeoutMs: number;
  /** A GraphQL request still running after this long is answered 504 TIMEOUT (REQUEST_TIMEOUT). */
  requestTimeoutMs: number;
  /** PostgreSQL cancels a statement of a subgraph's pool running longer (DB_STATEMENT_TIMEOUT; 0: never). */
  dbStatementTimeoutMs: number;
  /** Node's HTTP server limits for slow or oversized requests, on every server Kabinet starts. */
  http: Readonly<{
    headersTimeoutMs: number;
    requestTimeoutMs: number;
    keepAliveTimeoutMs: number;
    maxHeaderSize: number;
  }>;
  /**
   * argon2 hashes at once (0: no cap) and how many may wait for a turn; more are refused with SERVER_BUSY.
   */
  passwordHashing: Readonly<{ concurrency: number; queue: number }>;
  webDistDir: string;
  trustedDocuments: Readonly<{
    /** `require`: callers without an API key may send only the web client's documents, by hash. */
    mode: 'require' | 'allow';
    /** codegen's persisted-documents.json: the hash and text of each web client operation. */
    manifest: string;
  }>;
  payments: Readonly<{
    provider: 'sandbox' | 'yookassa';
    /** The largest single payment, in kopecks. */
    maxKopecks: number;
    /** A payment still pending this long is asked about at the acquirer (reconciliation). */
    reconcileAfterMs: number;
    /** VAT on the receipt's line, in percent; null for «без НДС». */
    receiptVatRate: number | null;
    /** The sandbox acquirer's base URL; by default Kabinet serves it itself under /sandbox-acquirer. */
    sandboxUrl: string;
    /** True when the sandbox acquirer is served by this Kabinet (SANDBOX_ACQUIRER_URL not set). */
    sandboxSelfHosted: boolean;
    /** Signs the sandbox acquirer's notifications (HMAC-SHA256). */
    sandboxSecret: string;
    yookassa: Readonly<{ apiUrl: string; shopId: string; secretKey: string }>;
  }>;
}>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses an environment; throws ConfigError listing every invalid variable. */
/** Variables that meant something once: set, they would silently mean nothing now, so the start is refused. */
const RETIRED: Readonly<Record<string, string>> = {
  DB_POOL_MAX:
    'was replaced by DB_CONNECTIONS (every database connection of one process; README: «Database connections»)',
};

export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "not set", as in most .env tooling.
  const env = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(env);
  const retired = Object.keys(RETIRED).filter((name) => env[name] !== undefined);
  if (!parsed.success || retired.length > 0) {
    const lines = [
      ...retired.map((name) => `  ${name}: ${RETIRED[name]}`),
      ...(parsed.success ? [] : parsed.error.issues).map(
        (i) => `  ${i.path.join('.') || '(environment)'}: ${i.message}`,
      ),
    ];
    throw new ConfigError(`Invalid configuration, fix these environment variables:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  return Object.freeze({
    env: e.NODE_ENV,
    isProduction: e.NODE_ENV === 'production',
    host: e.HOST,
    port: e.PORT,
    publicUrl,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.DATA_DIR),
    dbConnections: e.DB_CONNECTIONS ?? ONE_PROCESS_CONNECTIONS,
    serviceDbConnections: e.DB_CONNECTIONS ?? SERVICE_CONNECTIONS,
    dbStartTimeoutMs: e.DB_START_TIMEOUT,
    dbIdleTimeoutMs: e.DB_IDLE_TIMEOUT,
    migrateOnStart: e.MIGRATE_ON_START,
    demoData:
      e.DEMO_DATA === undefined
        ? e.DATABASE_URL === undefined && e.NODE_ENV !== 'production'
        : ['true', '1', 'yes'].includes(e.DEMO_DATA),
    smtpUrl: e.SMTP_URL,
    smtpFrom: e.SMTP_FROM,
    mailConcurrency: e.MAIL_CONCURRENCY,
    smtpTimeoutMs: e.SMTP_TIMEOUT,
    supportEmail: e.SUPPORT_EMAIL,
    operator: Object.freeze({
      name: e.OPERATOR_NAME ?? DEMO_OPERATOR.name,
      inn: e.OPERATOR_INN ?? DEMO_OPERATOR.inn,
      address: e.OPERATOR_ADDRESS ?? DEMO_OPERATOR.address,
    }),
    gatewaySecret: e.GATEWAY_SECRET ?? DEV_GATEWAY_SECRET,
    captchaSecret: e.CAPTCHA_SECRET ?? DEV_CAPTCHA_SECRET,
    captchaCost: e.CAPTCHA_COST,
    captchaMaxCost: e.CAPTCHA_MAX_COST,
    trustedProxies: Object.freeze([...e.TRUSTED_PROXIES]),
    confirmationTtlMs: e.CONFIRMATION_TTL,
    passwordResetTtlMs: e.PASSWORD_RESET_TTL,
    sessionIdleTtlMs: e.SESSION_IDLE_TTL,
    sessionAbsoluteTtlMs: e.SESSION_ABSOLUTE_TTL,
    passwordPolicy: e.PASSWORD_POLICY,
    redisUrl: e.REDIS_URL,
    gatewaySecretIsDefault: e.GATEWAY_SECRET === undefined,
    subgraphUrls: Object.freeze({
      identity: e.IDENTITY_URL,
      accounts: e.ACCOUNTS_URL,
      metering: e.METERING_URL,
      payments: e.PAYMENTS_URL,
    }),
    logLevel: e.LOG_LEVEL,
    limits: Object.freeze({
      depth: e.MAX_QUERY_DEPTH,
      aliases: e.MAX_QUERY_ALIASES,
      cost: e.MAX_QUERY_COST,
      partnerCost: e.MAX_PARTNER_QUERY_COST,
      tokens: e.MAX_QUERY_TOKENS,
      listArgument: e.MAX_LIST_ARGUMENT,
      costly: e.MAX_COSTLY_QUERY_COST,
    }),
    costlyRate: Object.freeze({
      points: e.COSTLY_RATE_LIMIT,
      windowSeconds: Math.max(1, Math.round(e.COSTLY_RATE_WINDOW / 1000)),
    }),
    cpuPoolThreads: e.CPU_POOL_THREADS,
    cpuPoolQueue: e.CPU_POOL_QUEUE,
    shutdownDrainMs: e.SHUTDOWN_DRAIN ?? (e.NODE_ENV === 'production' ? DEFAULT_PRODUCTION_DRAIN_MS : 0),
    metrics: Object.freeze({
      ...(e.METRICS_PORT !== undefined ? { port: e.METRICS_PORT } : {}),
      host: e.METRICS_HOST,
      ...(e.METRICS_TOKEN !== undefined ? { token: e.METRICS_TOKEN } : {}),
    }),
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    requestTimeoutMs: e.REQUEST_TIMEOUT,
    dbStatementTimeoutMs: e.DB_STATEMENT_TIMEOUT ?? e.REQUEST_TIMEOUT,
    http: Object.freeze({
      headersTimeoutMs: e.HTTP_HEADERS_TIMEOUT,
      requestTimeoutMs: e.HTTP_REQUEST_TIMEOUT,
      keepAliveTimeoutMs: e.HTTP_KEEP_ALIVE_TIMEOUT,
      maxHeaderSize: e.HTTP_MAX_HEADER_SIZE,
    }),
    passwordHashing: Object.freeze({
      // One hash per core, leaving at least one threadpool thread to everything else.
      concurrency:
        e.PASSWORD_HASH_CONCURRENCY ?? Math.max(1, Math.min(availableParallelism(), e.UV_THREADPOOL_SIZE - 1)),
      queue: e.PASSWORD_HASH_QUEUE,
    }),
    webDistDir: path.resolve(e.WEB_DIST_DIR ?? path.join(import.meta.dirname, '../../../web/dist')),
    trustedDocuments: Object.freeze({
      mode: e.TRUSTED_DOCUMENTS ?? (e.NODE_ENV === 'production' ? 'require' : 'allow'),
      manifest: path.resolve(
        e.TRUSTED_DOCUMENTS_MANIFEST ??
          path.join(import.meta.dirname, '../../../web/src/graphql/persisted-documents.json'),
      ),
    }),
    payments: Object.freeze({
      provider: e.PAYMENT_PROVIDER,
      maxKopecks: e.PAYMENT_MAX_KOPECKS,
      reconcileAfterMs: e.PAYMENT_RECONCILE_AFTER,
      receiptVatRate: e.RECEIPT_VAT_RATE === 'none' ? null : Number(e.RECEIPT_VAT_RATE),
      sandboxUrl: (e.SANDBOX_ACQUIRER_URL ?? `${publicUrl}/sandbox-acquirer`).replace(/\/+$/, ''),
      sandboxSelfHosted: e.SANDBOX_ACQUIRER_URL === undefined,
      sandboxSecret: e.SANDBOX_ACQUIRER_SECRET ?? DEV_SANDBOX_SECRET,
      yookassa: Object.freeze({
        apiUrl: e.YOOKASSA_API_URL.replace(/\/+$/, ''),
        shopId: e.YOOKASSA_SHOP_ID ?? '',
        secretKey: e.YOOKASSA_SECRET_KEY ?? '',
      }),
    }),
  });
}

/**
 * Why the start should be noticed, though not refused: in production the cabinet is served over https, almost always
 * through a TLS proxy, and without TRUSTED_PROXIES every client would seem to come from that proxy. (A proxy that
 * passes TLS through at the TCP level adds no header: then the empty list is right, hence a warning only.)
 */
export function trustedProxiesWarning(config: Config): string | null {
  if (!config.isProduction || !config.publicUrl.startsWith('https://') || config.trustedProxies.length > 0) return null;
  return (
    'PUBLIC_URL is https but TRUSTED_PROXIES is empty: if a TLS proxy forwards the requests, every client seems ' +
    "to come from the proxy's address (set TRUSTED_PROXIES to the proxy's address, e.g. 127.0.0.1/8)"
  );
}
