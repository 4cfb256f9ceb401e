// Kabinet as an operator runs it: start, data surviving a restart, migrations, config errors, graceful shutdown.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unsupportedNodeWarning } from '../src/core/node-version.js';
import { accounts } from '../src/subgraphs/accounts/index.js';
import { createTestDatabase, SERVER_URL } from './support/database.js';
import { startTestKabinet } from './support/kabinet.js';
import { freePort, postGraphQL, runProcess, startProcess, startupTime, waitUntilReady } from './support/processes.js';

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'kabinet-lifecycle-'));
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

async function startMain(env: Record<string, string>, probe = '/readyz') {
  const port = await freePort();
  return startProcess('main.ts', [], { PORT: String(port), ...env }, `http://127.0.0.1:${port}`, probe);
}

async function supplierCodes(baseUrl: string): Promise<string[]> {
  const { body } = await postGraphQL(baseUrl, '{ suppliers { code } }');
  return (body.data?.suppliers ?? []).map((s: { code: string }) => s.code);
}

describe('npm start on the embedded database', () => {
  it(
    'serves the suppliers, stops cleanly on SIGTERM, and keeps its data across a restart',
    async () => {
      const env = { DATA_DIR: path.join(dataDir, 'embedded') };
      const first = await startMain(env);
      expect(await supplierCodes(first.baseUrl)).toHaveLength(11);
      expect(first.output()).toMatch(/embedded PostgreSQL \(PGlite\) started/);
      expect(first.output()).toMatch(/migrations applied/);
      // Told at start when this Node is older than the supported ones (Node 20 in CI), and only then.
      const nodeWarning = unsupportedNodeWarning();
      if (nodeWarning) expect(first.output()).toContain(nodeWarning);
      else expect(first.output()).not.toMatch(/is not supported: install Node/);
      // Its files belong to this process: another one is told so instead of corrupting them.
      const intruder = await runProcess('partner-main.ts', ['list'], env);
      expect(intruder.code).toBe(1);
      expect(intruder.output).toMatch(
        /The embedded database in .+ is in use by another running process \(a running Kabinet/,
      );
      expect(await first.stop()).toBe(0);
      expect(first.output()).toMatch(/"msg":"stopped"/);

      const second = await startMain(env);
      expect(await supplierCodes(second.baseUrl)).toHaveLength(11);
      // Nothing left to migrate: the data and the migration history survived.
      expect(second.output()).not.toMatch(/migrations applied/);
      expect(await second.stop()).toBe(0);
      // Three processes one after another, two of them starting the embedded database: slow on a busy machine.
    },
    startupTime(3),
  );

  it(
    'with MIGRATE_ON_START=false is alive but not ready until `npm run migrate` has run',
    async () => {
      const env = { DATA_DIR: path.join(dataDir, 'manual-migrations'), MIGRATE_ON_START: 'false' };
      const unmigrated = await startMain(env, '/healthz');
      const ready = await fetch(`${unmigrated.baseUrl}/readyz`);
      expect(ready.status).toBe(503);
      expect(((await ready.json()) as { checks: Record<string, string> }).checks.accounts).toMatch(
        new RegExp(`${accounts.migrations.length} migration\\(s\\) pending`),
      );
      expect(await unmigrated.stop()).toBe(0);

      const migrate = await runProcess('migrate-main.ts', [], { DATA_DIR: env.DATA_DIR });
      expect(migrate.code).toBe(0);
      expect(migrate.output).toMatch(/all migrations applied/);

      const migrated = await startMain(env);
      expect(await supplierCodes(migrated.baseUrl)).toHaveLength(11);
      expect(await migrated.stop()).toBe(0);
      // Three processes one after another on the embedded database, as above.
    },
    startupTime(3),
  );
});

describe('waiting for a process to be ready', () => {
  it(
    'gives up at the deadline with what the probe last answered and the process log, not a bare timeout',
    async () => {
      // Alive (listening, logging) but never ready: its migrations wait for `npm run migrate`.
      const alive = await startMain(
        { DATA_DIR: path.join(dataDir, 'never-ready'), MIGRATE_ON_START: 'false' },
        '/healthz',
      );
      try {
        await expect(waitUntilReady(alive, '/readyz', 3000)).rejects.toThrow(
          /^main\.ts was not ready within 3000 ms \(READY_TIMEOUT_MS\); \/readyz last answered: 503 .*pending.*Its last lines:\n(.|\n)*"component":"kabinet"/s,
        );
      } finally {
        expect(await alive.stop()).toBe(0);
      }
    },
    startupTime(1),
  );
});

describe.skipIf(!SERVER_URL)('npm start on DATABASE_URL', () => {
  it('serves the suppliers and keeps them across a restart', async () => {
    const database = await createTestDatabase();
    try {
      const env = { DATABASE_URL: database.url, DATA_DIR: path.join(dataDir, 'unused') };
      const first = await startMain(env);
      expect(await supplierCodes(first.baseUrl)).toHaveLength(11);
      expect(first.output()).not.toMatch(/PGlite/);
      expect(await first.stop()).toBe(0);
      const second = await startMain(env);
      expect(await supplierCodes(second.baseUrl)).toHaveLength(11);
      expect(await second.stop()).toBe(0);
    } finally {
      await database.close();
    }
  });
});

describe('a start with bad configuration', () => {
  it('stops in production mode without a gateway secret, saying which variable to set', async () => {
    const { code, output } = await runProcess('main.ts', [], {
      NODE_ENV: 'production',
      PUBLIC_URL: 'https://lk.example.ru',
    });
    expect(code).toBe(1);
    expect(output).toMatch(/GATEWAY_SECRET: is required when NODE_ENV=production/);
  });

  it('refuses a malformed DATABASE_URL before touching anything', async () => {
    const { code, output } = await runProcess('main.ts', [], { DATABASE_URL: 'mysql://localhost/x' });
    expect(code).toBe(1);
    expect(output).toMatch(/DATABASE_URL: must be a postgres:\/\/ or postgresql:\/\/ URL/);
  });
});

describe('graceful shutdown', () => {
  it('finishes in-flight requests, refuses new ones, then closes the database', async () => {
    const app = await startTestKabinet();
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    app.kabinet.http.get('/test-slow', async () => {
      await gate;
      return { done: true };
    });
    await app.kabinet.http.listen({ host: '127.0.0.1', port: 0 });
    const address = app.kabinet.http.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

    const inFlight = fetch(`${base}/test-slow`).then(async (r) => ({ status: r.status, body: await r.json() }));
    await new Promise((r) => setTimeout(r, 100));
    const closing = app.kabinet.close();
    await new Promise((r) => setTimeout(r, 100));
    await expect(fetch(`${base}/healthz`, { signal: AbortSignal.timeout(5000) })).rejects.toThrow(/fetch failed/);
    release();
    expect(await inFlight).toEqual({ status: 200, body: { done: true } });
    await closing;
    expect(await app.kabinet.subgraphs.accounts.orm.isConnected()).toBe(false);
    await app.database.close();
  });
});

describe.skipIf(!SERVER_URL)('migrations from several processes at once', () => {
  it('apply each migration once while the processes take turns', async () => {
    const database = await createTestDatabase();
    try {
      const runs = await Promise.all(
        [1, 2, 3].map(() => runProcess('migrate-main.ts', [], { DATABASE_URL: database.url, LOG_LEVEL: 'info' })),
      );
      expect(runs.map((r) => r.code)).toEqual([0, 0, 0]);
      // Exactly one of the three applied the supplier migrations; the others found nothing pending.
      const applied = runs.filter((r) => /"subgraph":"accounts","applied":\[/.test(r.output));
      expect(applied).toHaveLength(1);
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        const { rows } = await client.query('select count(*)::int as n from "accounts"."mikro_orm_migrations"');
        expect(rows[0].n).toBe(accounts.migrations.length);
      } finally {
        await client.end();
      }
    } finally {
      await database.close();
    }
  });
});
