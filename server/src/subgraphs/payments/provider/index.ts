// The acquirer Kabinet is configured with (PAYMENT_PROVIDER).
import type { Config } from '../../../core/config.js';
import { fetchTransport, type HttpTransport } from '../../../core/http-transport.js';
import type { Logger } from '../../../core/logger.js';
import type { PaymentProvider } from './provider.js';
import { SandboxProvider } from './sandbox.js';
import { YooKassaProvider } from './yookassa.js';

/**
 * `localHttp` reaches this process's own server: the sandbox acquirer Kabinet serves itself is called through it,
 * without a socket (and so also in tests that never listen).
 */
export function createPaymentProvider(deps: {
  config: Config;
  localHttp?: HttpTransport;
  log?: Logger;
}): PaymentProvider {
  const { payments } = deps.config;
  if (payments.provider === 'yookassa') {
    return new YooKassaProvider({ ...payments.yookassa, log: deps.log });
  }
  const transport = payments.sandboxSelfHosted && deps.localHttp ? deps.localHttp : fetchTransport();
  return new SandboxProvider({ apiUrl: payments.sandboxUrl, secret: payments.sandboxSecret, transport });
}
