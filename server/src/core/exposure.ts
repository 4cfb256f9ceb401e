// Where a service listens or sends signed callers, and whether the public development secret may sign there.
import { isIPv4, isIPv6 } from 'node:net';
import { SUBGRAPH_NAMES, type Config, type SubgraphName } from './config.js';

export function listenAddressOf(config: Config, name: SubgraphName): { host: string; port: number } {
  const url = new URL(config.subgraphUrls[name]);
  return { host: url.hostname, port: Number(url.port || 80) };
}

/** Whether only this machine can reach an address (`localhost`, 127.0.0.0/8, ::1). */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (bare === 'localhost' || bare.endsWith('.localhost')) return true;
  if (isIPv4(bare)) return bare.startsWith('127.');
  if (isIPv6(bare)) return bare === '::1' || /^::ffff:127\./.test(bare);
  return false;
}

/**
 * Why this subgraph service must not start, or null: without GATEWAY_SECRET the envelope is signed with the
 * development secret, which is public (it is in the source), so a service others can reach would take anyone's
 * word for who is calling.
 */
export function exposedWithoutSecret(config: Config, name: SubgraphName): string | null {
  const { host } = listenAddressOf(config, name);
  if (!config.gatewaySecretIsDefault || isLoopback(host)) return null;
  const variable = `${name.toUpperCase()}_URL`;
  return (
    `GATEWAY_SECRET is not set, and the ${name} subgraph would listen on ${host} (${variable}), which is not a ` +
    'loopback address: anyone reaching it could sign callers with the public development secret. Set ' +
    'GATEWAY_SECRET (the same for the gateway and every subgraph; `openssl rand -hex 32`), or listen on 127.0.0.1.'
  );
}

/**
 * Why the gateway must not start in distributed mode, or null: it signs every caller envelope, and without
 * GATEWAY_SECRET it would sign with the public development secret towards subgraphs that others can reach.
 */
export function gatewayExposedWithoutSecret(config: Config): string | null {
  if (!config.gatewaySecretIsDefault) return null;
  const exposed = SUBGRAPH_NAMES.filter((name) => !isLoopback(listenAddressOf(config, name).host));
  if (exposed.length === 0) return null;
  const variables = exposed.map((name) => `${name.toUpperCase()}_URL`).join(', ');
  return (
    `GATEWAY_SECRET is not set, and the gateway would send callers to subgraphs on addresses that are not loopback ` +
    `(${variables}): anyone reaching them could sign callers with the public development secret. Set ` +
    'GATEWAY_SECRET (the same for the gateway and every subgraph; `openssl rand -hex 32`), or run the subgraphs on 127.0.0.1.'
  );
}
