// `npm run start:gateway`: the gateway alone, serving schema/supergraph.graphql and routing to <NAME>_URL.
import './core/tracing-start.js';
import 'reflect-metadata';
import { gatewayExposedWithoutSecret } from './core/exposure.js';
import { bootstrap, closeOnSignals, failStart } from './core/process.js';
import { createGatewayServer } from './gateway/gateway-server.js';

const { config, log } = bootstrap('gateway');
try {
  const exposed = gatewayExposedWithoutSecret(config);
  if (exposed) throw new Error(exposed);
  const gateway = await createGatewayServer({ config, log });
  await gateway.http.listen({ host: config.host, port: config.port });
  log.info({ url: config.publicUrl }, 'gateway is ready');
  closeOnSignals(gateway, log, { drainMs: config.shutdownDrainMs, timeoutMs: config.shutdownTimeoutMs });
} catch (error) {
  failStart(log, error);
}
