// `npm start`: Kabinet in one process on one port, on DATABASE_URL or the embedded database.
import 'reflect-metadata';
import { createKabinet } from './app.js';
import { openDatabase } from './core/database.js';
import { bootstrap, closeOnSignals, failStart } from './core/process.js';

const { config, log } = bootstrap('kabinet');
try {
  const database = await openDatabase(
    {
      url: config.databaseUrl,
      dataDir: config.dataDir,
      poolMax: config.dbPoolMax,
      idleTimeoutMs: config.dbIdleTimeoutMs,
    },
    log,
  );
  const kabinet = await createKabinet({ config, log, database }).catch(async (error: unknown) => {
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
