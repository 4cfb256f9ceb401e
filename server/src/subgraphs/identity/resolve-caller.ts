// Who presented these credentials: identity owns sessions and partner API keys, so the gateway asks here.
import type { EntityManager } from '@mikro-orm/postgresql';
import { ANONYMOUS, type Caller, type Credentials } from '../../core/caller.js';
import type { Config } from '../../core/config.js';
import { resolveApiKeyCaller } from './partner/partner.service.js';
import type { SessionCache } from './session/session-cache.js';
import { resolveSessionCaller } from './session/session.service.js';

/**
 * An API key makes the caller a partner (or nobody, when the key is not valid); a session cookie makes them an
 * abonent (remembered by `sessions`, the process's session cache, when given). The two never mix: with an API key, a session cookie sent alongside is not looked at.
 */
export async function resolveCaller(
  em: EntityManager,
  config: Config,
  credentials: Credentials,
  now = new Date(),
  sessions?: SessionCache,
): Promise<Caller> {
  if (credentials.apiKey !== undefined) return (await resolveApiKeyCaller(em, credentials.apiKey)) ?? ANONYMOUS;
  if (credentials.sessionToken !== undefined)
    return resolveSessionCaller(em, config, credentials.sessionToken, now, sessions);
  return ANONYMOUS;
}
