// Starts Kabinet in-process on a fresh database and sends it GraphQL the way a client does (HTTP, via inject).
import { createKabinet, type Kabinet } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/core/config.js';
import type { Database } from '../../src/core/database.js';
import { createLogger } from '../../src/core/logger.js';
import { createTestDatabase } from './database.js';

export interface GraphQLResult<T = Record<string, unknown>> {
  status: number;
  body: {
    data?: T | null;
    errors?: Array<{ message: string; extensions?: Record<string, unknown>; path?: unknown[] }>;
  };
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
  close(): Promise<void>;
}

export async function startTestKabinet(env: Record<string, string> = {}): Promise<TestKabinet> {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env });
  const log = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');
  const database = await createTestDatabase();
  const kabinet = await createKabinet({ config, log, database, serveWebClient: false }).catch(
    async (error: unknown) => {
      await database.close();
      throw error;
    },
  );
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
    async close() {
      await kabinet.close();
      await database.close();
    },
  };
}
