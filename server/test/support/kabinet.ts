// Starts Kabinet in-process on a fresh database and sends it GraphQL the way a client does (HTTP, via inject).
import { createKabinet, type Kabinet, type OneProcessExecution } from '../../src/app.js';
import type { Clock } from '../../src/core/clock.js';
import { loadConfig, type Config } from '../../src/core/config.js';
import type { Database } from '../../src/core/database.js';
import { createLogger, type Logger } from '../../src/core/logger.js';
import { createTestDatabase } from './database.js';

export interface GraphQLResult<T = Record<string, unknown>> {
  status: number;
  body: {
    data?: T | null;
    errors?: Array<{ message: string; extensions?: Record<string, unknown>; path?: unknown[] }>;
  };
}

/** A client that keeps its cookies, like one browser. */
export interface Browser {
  graphql<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResult<T>>;
  /** Posts any request body (e.g. a persisted query's hash without the document), with the cookies. */
  send<T = any>(body: Record<string, unknown>): Promise<GraphQLResult<T>>;
  readonly cookies: Map<string, string>;
  /** The Set-Cookie headers of the last response. */
  lastSetCookies: string[];
}

export interface TestKabinet {
  kabinet: Kabinet;
  config: Config;
  database: Database;
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResult<T>>;
  /** A new client with its own cookie jar and address. */
  browser(clientIp?: string): Browser;
  close(): Promise<void>;
}

let nextIp = 1;

export interface TestKabinetOptions {
  /** The database to run on (default: a fresh one, see createTestDatabase); closed with the Kabinet. */
  database?: () => Promise<Database>;
  /** "Now" for the whole app (a SettableClock runs the real operations at a chosen date); default the system's. */
  clock?: Clock;
  /** Where Kabinet logs (default: stdout at TEST_LOG_LEVEL, silent unless set). */
  log?: Logger;
  /** How the API executes in the process (default: Kabinet's own default, one schema). */
  execution?: OneProcessExecution;
}

export async function startTestKabinet(
  env: Record<string, string> = {},
  options: TestKabinetOptions = {},
): Promise<TestKabinet> {
  // Tests see the demo data only when they ask for it (DEMO_DATA), on either database.
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DEMO_DATA: 'false', ...env });
  const log = options.log ?? createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');
  const database = await (options.database ?? createTestDatabase)();
  const kabinet = await createKabinet({
    config,
    log,
    database,
    serveWebClient: false,
    clock: options.clock,
    execution: options.execution,
  }).catch(async (error: unknown) => {
    await database.close();
    throw error;
  });
  return {
    kabinet,
    config,
    database,
    async graphql(query, variables, headers = {}) {
      const response = await kabinet.http.inject({
        method: 'POST',
        url: '/graphql',
        headers: { 'content-type': 'application/json', ...headers },
        payload: JSON.stringify({ query, variables }),
      });
      return { status: response.statusCode, body: response.json() };
    },
    browser(clientIp = `198.51.100.${nextIp++ % 250}`) {
      const cookies = new Map<string, string>();
      const client: Browser = {
        cookies,
        lastSetCookies: [],
        graphql: (query, variables) => client.send({ query, variables }),
        async send(body) {
          const cookie = [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
          const response = await kabinet.http.inject({
            method: 'POST',
            url: '/graphql',
            remoteAddress: clientIp,
            headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
            payload: JSON.stringify(body),
          });
          const setCookie = response.headers['set-cookie'];
          client.lastSetCookies = setCookie === undefined ? [] : Array.isArray(setCookie) ? setCookie : [setCookie];
          for (const header of client.lastSetCookies) {
            const [pair, ...attributes] = header.split(';');
            const [name, value = ''] = pair!.split('=');
            const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a));
            if (expired || value === '') cookies.delete(name!.trim());
            else cookies.set(name!.trim(), value);
          }
          return { status: response.statusCode, body: response.json() };
        },
      };
      return client;
    },
    async close() {
      await kabinet.close();
      await database.close();
    },
  };
}
