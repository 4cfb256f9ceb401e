// `npm start`: Kabinet in one process on one port, on DATABASE_URL or the embedded database.
import './core/tracing-start.js';
import 'reflect-metadata';
import { createKabinet, kabinetPools } from './app.js';
import { openDatabase, retryWhileUnavailable } from './core/database.js';
import { bootstrap, closeOnSignals, failStart } from './core/process.js';

const { config, log } = bootstrap('kabinet');
try {
  const database = await openDatabase(
    {
      url: config.databaseUrl,
      dataDir: config.dataDir,
      pools: kabinetPools(config),
      idleTimeoutMs: config.dbIdleTimeoutMs,
      startTimeoutMs: config.dbStartTimeoutMs,
    },
    log,
  );
  // The probe above may pass and the pools still be refused (a server nearly at max_connections): the whole start
  // is retried then too, within the same DB_START_TIMEOUT.
  const kabinet = await retryWhileUnavailable(
    () => createKabinet({ config, log, database }),
    config.dbStartTimeoutMs,
    log,
  ).catch(async (error: unknown) => {
    await database.close();
    throw error;
  });
  await kabinet.http.listen({ host: config.host, port: config.port });
  log.info({ url: config.publicUrl, embeddedDatabase: database.embedded }, 'Kabinet is ready');
  closeOnSignals(
    {
      http: kabinet.http,
      async close(options) {
        await kabinet.close(options);
        await database.close();
      },
    },
    log,
    { drainMs: config.shutdownDrainMs, timeoutMs: config.shutdownTimeoutMs },
  );
} catch (error) {
  failStart(log, error);
}
