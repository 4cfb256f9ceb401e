// Configuration: defaults for a newcomer, and a start that fails with a message saying what to fix.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRODUCTION_ENV } from '../../test/support/production-env.js';
import { CONFIG_VARIABLES, ConfigError, loadConfig, trustedProxiesWarning } from './config.js';

describe('loadConfig', () => {
  it('has working defaults for development', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      env: 'development',
      port: 4000,
      publicUrl: 'http://localhost:4000',
      databaseUrl: undefined,
      migrateOnStart: true,
      gatewaySecretIsDefault: true,
      confirmationTtlMs: 3 * 86_400_000,
      passwordPolicy: 'seed',
    });
    expect(config.dataDir).toMatch(/\/data$/);
  });

  it('refuses production without a gateway secret or public URL, naming the variables', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /GATEWAY_SECRET: is required when NODE_ENV=production/,
    );
    expect(() => loadConfig({ NODE_ENV: 'production', GATEWAY_SECRET: 's'.repeat(32) })).toThrow(/PUBLIC_URL/);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/CAPTCHA_SECRET: is required/);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SMTP_URL: is required/);
    // The legal pages name the operator: production names its own, not the demonstrational one.
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/OPERATOR_NAME: is required/);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/OPERATOR_INN: is required/);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/OPERATOR_ADDRESS: is required/);
    // The sandbox acquirer takes no real money: production names a real one, with its credentials.
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/PAYMENT_PROVIDER: must not be sandbox/);
    expect(() => loadConfig({ PAYMENT_PROVIDER: 'yookassa' })).toThrow(/YOOKASSA_SHOP_ID: is required/);
    expect(() => loadConfig({ PAYMENT_PROVIDER: 'yookassa' })).toThrow(/YOOKASSA_SECRET_KEY: is required/);
    const ok = loadConfig({
      NODE_ENV: 'production',
      GATEWAY_SECRET: 's'.repeat(32),
      CAPTCHA_SECRET: 'c'.repeat(32),
      SMTP_URL: 'smtp://mail.example.ru:587',
      OPERATOR_NAME: 'ООО «Газ Онлайн»',
      OPERATOR_INN: '7701234567',
      OPERATOR_ADDRESS: '101000, г. Москва, ул. Мясницкая, д. 1',
      PUBLIC_URL: 'https://lk.example.ru/',
      PAYMENT_PROVIDER: 'yookassa',
      YOOKASSA_SHOP_ID: '123456',
      YOOKASSA_SECRET_KEY: 'live_secret_key_value',
    });
    expect(ok).toMatchObject({ isProduction: true, publicUrl: 'https://lk.example.ru', gatewaySecretIsDefault: false });
    expect(ok.payments).toMatchObject({ provider: 'yookassa', yookassa: { shopId: '123456' } });
  });

  describe('in production, refuses what is unsafe, naming the variable and what to do', () => {
    const production = {
      NODE_ENV: 'production',
      GATEWAY_SECRET: 's'.repeat(32),
      CAPTCHA_SECRET: 'c'.repeat(32),
      SMTP_URL: 'smtp://mail.example.ru:587',
      OPERATOR_NAME: 'ООО «Газ Онлайн»',
      OPERATOR_INN: '7701234567',
      OPERATOR_ADDRESS: '101000, г. Москва, ул. Мясницкая, д. 1',
      PUBLIC_URL: 'https://lk.example.ru',
      PAYMENT_PROVIDER: 'yookassa',
      YOOKASSA_SHOP_ID: '123456',
      YOOKASSA_SECRET_KEY: 'live_secret_key_value',
    };
    const refusal = (env: Record<string, string>): string => {
      try {
        loadConfig(env);
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as Error).message;
      }
      return 'accepted';
    };

    it('accepts the safe baseline', () => {
      expect(refusal(production)).toBe('accepted');
    });

    // The values config.ts falls back to in development, which anyone reading the repository knows.
    it.each([
      ['GATEWAY_SECRET', 'kabinet-development-gateway-secret-not-for-production'],
      ['CAPTCHA_SECRET', 'kabinet-development-captcha-secret-not-for-production'],
      ['SANDBOX_ACQUIRER_SECRET', 'kabinet-sandbox-acquirer-notification-secret'],
    ])('the published development %s', (name, published) => {
      const message = refusal({ ...production, [name]: published });
      expect(message).toMatch(new RegExp(`${name}: is the published development value`));
      expect(message).toMatch(/openssl rand -hex 32/);
      // Outside production the same value is fine: it is the default there.
      expect(() => loadConfig({ [name]: published })).not.toThrow();
    });

    it('an http:// PUBLIC_URL (the session cookie would lose Secure and __Host-)', () => {
      const message = refusal({ ...production, PUBLIC_URL: 'http://lk.example.ru' });
      expect(message).toMatch(/PUBLIC_URL: must be an https:\/\/ URL when NODE_ENV=production/);
      expect(message).toMatch(/Secure/);
      expect(loadConfig({ PUBLIC_URL: 'http://localhost:4000' }).publicUrl).toBe('http://localhost:4000');
    });

    it.each(['true', '1', 'yes'])('DEMO_DATA=%s', (value) => {
      expect(refusal({ ...production, DEMO_DATA: value })).toMatch(
        /DEMO_DATA: must not be true when NODE_ENV=production.*unset it or set false/,
      );
      expect(loadConfig({ ...production, DEMO_DATA: 'false' }).demoData).toBe(false);
    });

    it('TRUSTED_DOCUMENTS: require by default, allow refused (browsers could send any document)', () => {
      expect(loadConfig(production).trustedDocuments.mode).toBe('require');
      expect(loadConfig({ ...production, TRUSTED_DOCUMENTS: 'require' }).trustedDocuments.mode).toBe('require');
      expect(refusal({ ...production, TRUSTED_DOCUMENTS: 'allow' })).toMatch(
        /TRUSTED_DOCUMENTS: must not be allow when NODE_ENV=production.*partner API key/,
      );
      // Outside production ad-hoc documents stay allowed (development tools); tests may ask for require.
      expect(loadConfig({}).trustedDocuments.mode).toBe('allow');
      expect(loadConfig({ NODE_ENV: 'test' }).trustedDocuments.mode).toBe('allow');
      expect(loadConfig({ TRUSTED_DOCUMENTS: 'require' }).trustedDocuments.mode).toBe('require');
      expect(() => loadConfig({ TRUSTED_DOCUMENTS: 'strict' })).toThrow(/TRUSTED_DOCUMENTS/);
      expect(loadConfig({}).trustedDocuments.manifest).toMatch(/\/web\/src\/graphql\/persisted-documents\.json$/);
    });

    it('lists every unsafe variable at once', () => {
      const message = refusal({
        ...production,
        GATEWAY_SECRET: 'kabinet-development-gateway-secret-not-for-production',
        CAPTCHA_SECRET: 'kabinet-development-captcha-secret-not-for-production',
        PUBLIC_URL: 'http://lk.example.ru',
        DEMO_DATA: 'true',
      });
      for (const name of ['GATEWAY_SECRET', 'CAPTCHA_SECRET', 'PUBLIC_URL', 'DEMO_DATA'])
        expect(message).toMatch(new RegExp(`^  ${name}: `, 'm'));
    });
  });

  it('lists every invalid variable at once', () => {
    let message = '';
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        MIGRATE_ON_START: 'maybe',
        GATEWAY_SECRET: 'short',
        CONFIRMATION_TTL: 'three days',
      });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/PORT/);
    expect(message).toMatch(/DATABASE_URL: must be a postgres/);
    expect(message).toMatch(/MIGRATE_ON_START/);
    expect(message).toMatch(/GATEWAY_SECRET: must be at least 32 characters/);
    expect(message).toMatch(/CONFIRMATION_TTL: must be a duration such as 3d/);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' })).toMatchObject({ databaseUrl: undefined, port: 4000 });
  });
});

describe('TRUSTED_PROXIES', () => {
  it('is empty by default, and a comma-separated list of addresses, ranges and keywords', () => {
    expect(loadConfig({}).trustedProxies).toEqual([]);
    expect(loadConfig({ TRUSTED_PROXIES: ' 127.0.0.1/8, 10.0.0.0/8 ,::1,loopback' }).trustedProxies).toEqual([
      '127.0.0.1/8',
      '10.0.0.0/8',
      '::1',
      'loopback',
    ]);
  });

  it('refuses what is not an address or a range', () => {
    expect(() => loadConfig({ TRUSTED_PROXIES: '10.0.0.0/8, proxy.example.ru' })).toThrow(
      /TRUSTED_PROXIES: must be a comma-separated list of IP addresses or CIDR ranges/,
    );
    expect(() => loadConfig({ TRUSTED_PROXIES: '10.0.0.0/33' })).toThrow(/TRUSTED_PROXIES/);
  });

  it('warns (never refuses) when production is served over https with no proxy trusted', () => {
    const production = PRODUCTION_ENV;
    expect(trustedProxiesWarning(loadConfig(production))).toMatch(/TRUSTED_PROXIES is empty/);
    expect(trustedProxiesWarning(loadConfig({ ...production, TRUSTED_PROXIES: '127.0.0.1' }))).toBeNull();
    expect(trustedProxiesWarning(loadConfig({}))).toBeNull();
  });
});

describe('CAPTCHA_MAX_COST', () => {
  it('defaults to four times the default cost and may not be below CAPTCHA_COST', () => {
    expect(loadConfig({})).toMatchObject({ captchaCost: 50_000, captchaMaxCost: 200_000 });
    expect(() => loadConfig({ CAPTCHA_COST: '1000', CAPTCHA_MAX_COST: '999' })).toThrow(
      /CAPTCHA_MAX_COST: must not be below CAPTCHA_COST/,
    );
  });
});

describe('time and size limits', () => {
  it('has defaults, and reads durations down to milliseconds', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      requestTimeoutMs: 30_000,
      dbStatementTimeoutMs: 30_000,
      http: { headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, keepAliveTimeoutMs: 10_000, maxHeaderSize: 16_384 },
      passwordHashing: { queue: 100 },
    });
    expect(loadConfig({ REQUEST_TIMEOUT: '1500ms' })).toMatchObject({
      requestTimeoutMs: 1500,
      dbStatementTimeoutMs: 1500,
    });
    expect(loadConfig({ DB_STATEMENT_TIMEOUT: '0s' }).dbStatementTimeoutMs).toBe(0);
  });

  it('caps password hashes below the threadpool by default', () => {
    const { concurrency } = loadConfig({}).passwordHashing;
    expect(concurrency).toBeGreaterThanOrEqual(1);
    expect(concurrency).toBeLessThan(4);
    expect(loadConfig({ UV_THREADPOOL_SIZE: '2' }).passwordHashing.concurrency).toBe(1);
    expect(loadConfig({ PASSWORD_HASH_CONCURRENCY: '0' }).passwordHashing.concurrency).toBe(0);
  });

  it('refuses limits that contradict each other, naming the variable', () => {
    expect(() => loadConfig({ HTTP_HEADERS_TIMEOUT: '40s', HTTP_REQUEST_TIMEOUT: '30s' })).toThrow(
      /HTTP_HEADERS_TIMEOUT: must not be longer than HTTP_REQUEST_TIMEOUT/,
    );
    expect(() => loadConfig({ DB_STATEMENT_TIMEOUT: '1m', REQUEST_TIMEOUT: '30s' })).toThrow(
      /DB_STATEMENT_TIMEOUT: must not be longer than REQUEST_TIMEOUT/,
    );
    expect(() => loadConfig({ PASSWORD_HASH_CONCURRENCY: '4' })).toThrow(
      /PASSWORD_HASH_CONCURRENCY: must be smaller than UV_THREADPOOL_SIZE \(4\)/,
    );
    expect(() => loadConfig({ REQUEST_TIMEOUT: '10ms' })).toThrow(/REQUEST_TIMEOUT: must be at least 100ms/);
    expect(() => loadConfig({ REQUEST_TIMEOUT: '30' })).toThrow(/REQUEST_TIMEOUT: must be a duration/);
  });
});

describe('the database connection budget', () => {
  it('is DB_CONNECTIONS (24 by default, at least 6), and a leftover DB_POOL_MAX is refused, not ignored', () => {
    expect(loadConfig({}).dbConnections).toBe(24);
    expect(loadConfig({ DB_CONNECTIONS: '40' }).dbConnections).toBe(40);
    // A subgraph service (distributed mode) defaults to half: the four on their defaults take 48, not 96, of 100.
    expect(loadConfig({}).serviceDbConnections).toBe(12);
    expect(loadConfig({ DB_CONNECTIONS: '40' }).serviceDbConnections).toBe(40);
    expect(() => loadConfig({ DB_CONNECTIONS: '5' })).toThrow(/DB_CONNECTIONS/);
    expect(() => loadConfig({ DB_POOL_MAX: '10' })).toThrow(/DB_POOL_MAX: was replaced by DB_CONNECTIONS/);
    expect(loadConfig({}).dbStartTimeoutMs).toBe(60_000);
    expect(loadConfig({ DB_START_TIMEOUT: '5m' }).dbStartTimeoutMs).toBe(300_000);
  });
});

describe('shutdown', () => {
  const production = PRODUCTION_ENV;

  it('drains 5 s in production and not at all in development, unless SHUTDOWN_DRAIN says otherwise', () => {
    expect(loadConfig(production)).toMatchObject({ shutdownDrainMs: 5000, shutdownTimeoutMs: 10_000 });
    expect(loadConfig({})).toMatchObject({ shutdownDrainMs: 0, shutdownTimeoutMs: 10_000 });
    expect(loadConfig({ ...production, SHUTDOWN_DRAIN: '0s' }).shutdownDrainMs).toBe(0);
    expect(loadConfig({ SHUTDOWN_DRAIN: '15s' }).shutdownDrainMs).toBe(15_000);
  });

  it('refuses a drain that is not a duration or longer than 10 minutes', () => {
    expect(() => loadConfig({ SHUTDOWN_DRAIN: '5' })).toThrow(/SHUTDOWN_DRAIN: must be a duration/);
    expect(() => loadConfig({ SHUTDOWN_DRAIN: '11m' })).toThrow(/SHUTDOWN_DRAIN: must not be longer than 10m/);
  });
});

describe('.env.example', () => {
  it('documents every variable the config reads, and no other', () => {
    const example = readFileSync(path.resolve(import.meta.dirname, '../../../.env.example'), 'utf8');
    const documented = [...example.matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]);
    expect([...documented].sort()).toEqual([...CONFIG_VARIABLES].sort());
  });

  it('and README.md’s configuration table names each of them in its first column, and no other', () => {
    const readme = readFileSync(path.resolve(import.meta.dirname, '../../../README.md'), 'utf8');
    const start = readme.indexOf('\n## Configuration\n');
    expect(start).toBeGreaterThan(-1);
    const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
    const named = section
      .split('\n')
      .filter((line) => line.startsWith('| `'))
      .flatMap((row) => [...(row.split('|')[1] ?? '').matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((m) => m[1]));
    expect([...new Set(named)].sort()).toEqual([...CONFIG_VARIABLES].sort());
  });

  it('holds defaults that load', () => {
    const example = readFileSync(path.resolve(import.meta.dirname, '../../../.env.example'), 'utf8');
    const env = Object.fromEntries([...example.matchAll(/^([A-Z_]+)=(.*)$/gm)].map((m) => [m[1], m[2]]));
    expect(loadConfig(env)).toEqual(loadConfig({}));
  });
});
