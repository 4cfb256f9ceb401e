// `npm run migrate`: applies pending migrations of every subgraph, on DATABASE_URL or the embedded database.
import 'reflect-metadata';
import { migrateAll, withSubgraphs } from './app.js';
import { bootstrap, failStart } from './core/process.js';

const { config, log } = bootstrap('migrate');
try {
  await withSubgraphs(config, log, Number.POSITIVE_INFINITY, async (subgraphs) => {
    await migrateAll(subgraphs, log);
    log.info('all migrations applied');
  });
} catch (error) {
  failStart(log, error);
}
