// `npm run migrate`: applies pending migrations of every subgraph, on DATABASE_URL or the embedded database.
import 'reflect-metadata';
import { migrateAll, openSubgraphs } from './app.js';
import { openDatabase } from './core/database.js';
import { bootstrap, failStart } from './core/process.js';
import { JobQueue } from './core/queue.js';

const { config, log } = bootstrap('migrate');
try {
  const database = await openDatabase(
    { url: config.databaseUrl, dataDir: config.dataDir, poolMax: config.dbPoolMax },
    log,
  );
  try {
    // Starting the queue installs or upgrades its own schema (pgboss).
    const queue = await JobQueue.start(database.url, log, 1);
    try {
      const subgraphs = await openSubgraphs(database, log, { config, queue });
      try {
        await migrateAll(subgraphs, log);
        log.info('all migrations applied');
      } finally {
        await Promise.all(Object.values(subgraphs).map((s) => s.close()));
      }
    } finally {
      await queue.stop();
    }
  } finally {
    await database.close();
  }
} catch (error) {
  failStart(log, error);
}
