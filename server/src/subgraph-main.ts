// `npm run start:subgraph -- <name>`: one subgraph as its own HTTP service, on the port of its <NAME>_URL.
import './core/tracing-start.js';
import 'reflect-metadata';
import { SUBGRAPH_NAMES, type SubgraphName } from './core/config.js';
import { servesSandbox } from './app.js';
import { openDatabase, retryWhileUnavailable, splitConnections } from './core/database.js';
import { bootstrap, closeOnSignals, failStart } from './core/process.js';
import { exposedWithoutSecret, listenAddressOf } from './core/exposure.js';
import { createSubgraphServer } from './subgraph-server.js';

const name = process.argv[2];
if (!SUBGRAPH_NAMES.includes(name as SubgraphName)) {
  process.stderr.write(`Usage: npm run start:subgraph -- <${SUBGRAPH_NAMES.join('|')}>\n`);
  process.exit(2);
}
const { config, log } = bootstrap(`subgraph-${name}`);
const exposed = exposedWithoutSecret(config, name as SubgraphName);
if (exposed) {
  process.stderr.write(`${exposed}\n`);
  process.exit(1);
}
if (!config.databaseUrl) {
  // Separate processes cannot share the embedded database: it is one session inside one process.
  process.stderr.write('Distributed mode needs DATABASE_URL: the embedded database serves only `npm start`.\n');
  process.exit(2);
}
try {
  const database = await openDatabase(
    {
      url: config.databaseUrl,
      dataDir: config.dataDir,
      // One subgraph per process: its pool takes what the queue, migrations and (payments) the sandbox leave.
      pools: splitConnections(config.serviceDbConnections, 1, name === 'payments' && servesSandbox(config)),
      idleTimeoutMs: config.dbIdleTimeoutMs,
      startTimeoutMs: config.dbStartTimeoutMs,
    },
    log,
  );
  // The probe may pass and the pools still be refused (a server nearly full): the whole start is retried then too.
  const server = await retryWhileUnavailable(
    () => createSubgraphServer(name as SubgraphName, { config, log, database }),
    config.dbStartTimeoutMs,
    log,
  );
  await server.http.listen(listenAddressOf(config, name as SubgraphName));
  closeOnSignals(
    {
      http: server.http,
      async close(options) {
        await server.close(options);
        await database.close();
      },
    },
    log,
    { drainMs: config.shutdownDrainMs, timeoutMs: config.shutdownTimeoutMs },
  );
} catch (error) {
  failStart(log, error);
}
