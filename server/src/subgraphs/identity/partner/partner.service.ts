// Partner apps and their API keys: issued to operators (npm run partner), checked on every partner request.
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomBytes } from 'node:crypto';
import { PARTNER_SCOPES, type Caller, type PartnerScope } from '../../../core/caller.js';
import { runSql } from '../../../core/sql.js';
import { hashToken } from '../../../core/tokens.js';
import { PartnerApiKey, PartnerApp } from './partner-app.entity.js';

/** Every key starts like this, so a leaked one is easy to recognise (and for secret scanners to find). */
export const API_KEY_PREFIX = 'kbp_';

/** last_used_at is written at most this often per key, not on every request. */
const TOUCH_EVERY_MS = 60_000;

export class PartnerInputError extends Error {
  override name = 'PartnerInputError';
}

export interface IssuedKey {
  keyId: string;
  /** The key itself: shown once, never stored. */
  apiKey: string;
}

export function parseScopes(list: string): PartnerScope[] {
  const scopes = [
    ...new Set(
      list
        .split(/[\s,]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
  const unknown = scopes.filter((s) => !(PARTNER_SCOPES as readonly string[]).includes(s));
  if (unknown.length) {
    throw new PartnerInputError(`unknown scope ${unknown.join(', ')}; known scopes: ${PARTNER_SCOPES.join(', ')}`);
  }
  if (!scopes.length) throw new PartnerInputError(`give at least one scope of: ${PARTNER_SCOPES.join(', ')}`);
  return scopes as PartnerScope[];
}

export class PartnerService {
  constructor(private readonly em: EntityManager) {}

  async create(input: { name: string; supplierId: string; scopes: PartnerScope[] }): Promise<{
    app: PartnerApp;
    key: IssuedKey;
  }> {
    const name = input.name.trim();
    if (!name) throw new PartnerInputError('give the app a name (--name)');
    if (name.length > 200) throw new PartnerInputError('the name is longer than 200 characters');
    return this.em.transactional(async (tx) => {
      const app = tx.create(PartnerApp, { name, supplierId: input.supplierId, scopes: input.scopes });
      await tx.flush();
      return { app, key: await new PartnerService(tx).issueKey(app.id) };
    });
  }

  /** A new key for an app (to rotate: issue one, switch the billing system over, revoke the old one). */
  async issueKey(appId: string): Promise<IssuedKey> {
    const app = await this.em.findOne(PartnerApp, { id: appId, revokedAt: null });
    if (!app) throw new PartnerInputError(`no active partner app ${appId}`);
    const apiKey = API_KEY_PREFIX + randomBytes(32).toString('base64url');
    const key = this.em.create(PartnerApiKey, {
      partnerAppId: app.id,
      prefix: apiKey.slice(0, 12),
      keyHash: hashToken(apiKey),
    });
    await this.em.flush();
    return { keyId: key.id, apiKey };
  }

  /** Revokes one key, or an app with all its keys; true when something was active. */
  async revoke(target: { keyId?: string; appId?: string }): Promise<boolean> {
    const { keyId, appId } = target;
    if (keyId) {
      const rows = await runSql(
        this.em,
        `update "identity"."partner_api_key" set "revoked_at" = now()
          where "id" = ? and "revoked_at" is null returning "id"`,
        [keyId],
      );
      return rows.length > 0;
    }
    if (appId) {
      return this.em.transactional(async (tx) => {
        const rows = await runSql(
          tx,
          `update "identity"."partner_app" set "revoked_at" = now() where "id" = ? and "revoked_at" is null returning "id"`,
          [appId],
        );
        await runSql(
          tx,
          `update "identity"."partner_api_key" set "revoked_at" = now()
            where "partner_app_id" = ? and "revoked_at" is null`,
          [appId],
        );
        return rows.length > 0;
      });
    }
    throw new PartnerInputError('say what to revoke: --key <id> or --app <id>');
  }

  async list(): Promise<Array<PartnerApp & { keys: PartnerApiKey[] }>> {
    const apps = await this.em.find(PartnerApp, {}, { orderBy: { createdAt: 'asc' } });
    const keys = await this.em.find(PartnerApiKey, {}, { orderBy: { createdAt: 'asc' } });
    return apps.map((app) => Object.assign(app, { keys: keys.filter((k) => k.partnerAppId === app.id) }));
  }
}

/** The partner an API key belongs to, or null when the key is unknown or revoked (or its app is). */
export async function resolveApiKeyCaller(em: EntityManager, apiKey: string): Promise<Caller | null> {
  if (!apiKey.startsWith(API_KEY_PREFIX) || apiKey.length > 100) return null;
  const rows: Array<{
    key_id: string;
    app_id: string;
    supplier_id: string;
    scopes: string[];
    last_used_at: Date | null;
  }> = await runSql(
    em,
    `select k."id" as "key_id", a."id" as "app_id", a."supplier_id", a."scopes", k."last_used_at"
         from "identity"."partner_api_key" k join "identity"."partner_app" a on a."id" = k."partner_app_id"
        where k."key_hash" = ? and k."revoked_at" is null and a."revoked_at" is null`,
    [hashToken(apiKey)],
  );
  const row = rows[0];
  if (!row) return null;
  if (!row.last_used_at || Date.now() - new Date(row.last_used_at).getTime() > TOUCH_EVERY_MS) {
    await runSql(em, `update "identity"."partner_api_key" set "last_used_at" = now() where "id" = ?`, [row.key_id]);
  }
  return { kind: 'partner', partnerAppId: row.app_id, supplierId: row.supplier_id, scopes: row.scopes };
}
