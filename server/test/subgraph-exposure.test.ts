// A subgraph service trusts whoever signs the caller envelope: it refuses to start where others can reach it while
// the envelope's secret is the public development one.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/core/config.js';
import { exposedWithoutSecret, gatewayExposedWithoutSecret, isLoopback } from '../src/core/exposure.js';
import { freePort, runProcess, startupTime } from './support/processes.js';

const SECRET = 'exposure-test-secret-0123456789abcdef';

describe('a subgraph service without GATEWAY_SECRET', () => {
  it(
    'refuses to start on an address others can reach, naming GATEWAY_SECRET and the address',
    async () => {
      const port = await freePort();
      const refused = await runProcess('subgraph-main.ts', ['metering'], {
        METERING_URL: `http://0.0.0.0:${port}/graphql`,
      });
      expect(refused.code).toBe(1);
      expect(refused.output).toMatch(
        /GATEWAY_SECRET is not set, and the metering subgraph would listen on 0\.0\.0\.0 \(METERING_URL\), which is not a loopback address/,
      );
    },
    startupTime(1),
  );

  it(
    'gets past that check with GATEWAY_SECRET, or on loopback (then stops only for the missing DATABASE_URL)',
    async () => {
      const port = await freePort();
      const withSecret = await runProcess('subgraph-main.ts', ['payments'], {
        PAYMENTS_URL: `http://0.0.0.0:${port}/graphql`,
        GATEWAY_SECRET: SECRET,
      });
      const onLoopback = await runProcess('subgraph-main.ts', ['payments'], {
        PAYMENTS_URL: `http://127.0.0.1:${port}/graphql`,
      });
      for (const result of [withSecret, onLoopback]) {
        expect(result.output).not.toMatch(/subgraph would listen on/);
        expect(result.output).toMatch(/Distributed mode needs DATABASE_URL/);
        expect(result.code).toBe(2);
      }
    },
    startupTime(2),
  );

  it('knows which addresses are loopback', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', 'api.localhost', '[::1]', '::1', '::ffff:127.0.0.1']) {
      expect(isLoopback(host), host).toBe(true);
    }
    for (const host of ['0.0.0.0', '10.0.0.5', '[::]', '::', 'metering.internal', '192.168.1.2', '128.0.0.1']) {
      expect(isLoopback(host), host).toBe(false);
    }
    // Every subgraph, through the same check the service runs in-process (createSubgraphServer).
    const exposed = loadConfig({ IDENTITY_URL: 'http://10.0.0.5:4001/graphql' });
    expect(exposedWithoutSecret(exposed, 'identity')).toMatch(/IDENTITY_URL/);
    expect(exposedWithoutSecret(exposed, 'accounts')).toBeNull();
    expect(
      exposedWithoutSecret(
        loadConfig({ IDENTITY_URL: 'http://10.0.0.5:4001/graphql', GATEWAY_SECRET: SECRET }),
        'identity',
      ),
    ).toBeNull();
  });
});

describe('the gateway in distributed mode without GATEWAY_SECRET', () => {
  it(
    'refuses to start when it would sign callers towards a subgraph others can reach, naming the variables',
    async () => {
      const port = await freePort();
      const refused = await runProcess('gateway-main.ts', [], {
        PORT: String(port),
        METERING_URL: 'http://10.0.0.5:4003/graphql',
        PAYMENTS_URL: 'http://payments.internal:4004/graphql',
      });
      expect(refused.code).toBe(1);
      expect(refused.output).toMatch(
        /GATEWAY_SECRET is not set, and the gateway would send callers to subgraphs on addresses that are not loopback \(METERING_URL, PAYMENTS_URL\)/,
      );
    },
    startupTime(1),
  );

  it('lets subgraphs on loopback, or any address with GATEWAY_SECRET, pass the check', () => {
    expect(gatewayExposedWithoutSecret(loadConfig({}))).toBeNull();
    expect(gatewayExposedWithoutSecret(loadConfig({ IDENTITY_URL: 'http://10.0.0.5:4001/graphql' }))).toMatch(
      /\(IDENTITY_URL\)/,
    );
    expect(
      gatewayExposedWithoutSecret(loadConfig({ IDENTITY_URL: 'http://10.0.0.5:4001/graphql', GATEWAY_SECRET: SECRET })),
    ).toBeNull();
  });
});
