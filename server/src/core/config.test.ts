// Configuration: defaults for a newcomer, and a start that fails with a message saying what to fix.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

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
    });
    expect(config.dataDir).toMatch(/\/data$/);
  });

  it('refuses production without a gateway secret or public URL, naming the variables', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/GATEWAY_SECRET: is required when NODE_ENV=production/);
    expect(() => loadConfig({ NODE_ENV: 'production', GATEWAY_SECRET: 's'.repeat(32) })).toThrow(/PUBLIC_URL/);
    const ok = loadConfig({ NODE_ENV: 'production', GATEWAY_SECRET: 's'.repeat(32), PUBLIC_URL: 'https://lk.example.ru/' });
    expect(ok).toMatchObject({ isProduction: true, publicUrl: 'https://lk.example.ru', gatewaySecretIsDefault: false });
  });

  it('lists every invalid variable at once', () => {
    let message = '';
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', MIGRATE_ON_START: 'maybe', GATEWAY_SECRET: 'short' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/PORT/);
    expect(message).toMatch(/DATABASE_URL: must be a postgres/);
    expect(message).toMatch(/MIGRATE_ON_START/);
    expect(message).toMatch(/GATEWAY_SECRET: must be at least 32 characters/);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' })).toMatchObject({ databaseUrl: undefined, port: 4000 });
  });
});
