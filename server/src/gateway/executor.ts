// Wrapping the gateway's executor: the request deadline and the operation's span each wrap every execution.
import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';

/** The same gateway, each operation executed through `wrap(executor)`. */
export function wrapExecutor(
  gateway: GatewayInterface,
  wrap: (executor: GatewayExecutor) => GatewayExecutor,
): GatewayInterface {
  return {
    onSchemaLoadOrUpdate: (callback) => gateway.onSchemaLoadOrUpdate(callback),
    stop: () => gateway.stop(),
    async load(options) {
      const loaded = await gateway.load(options);
      return loaded.executor ? { ...loaded, executor: wrap(loaded.executor) } : loaded;
    },
  };
}
