import { describe, expect, it } from '@jest/globals';
import { loadConfig } from '../../apps/api/src/config/app-config.js';
import { ConfigError } from '../../apps/api/src/config/config-error.js';

const base = { SESSION_SECRET: 's'.repeat(40) };

describe('configuration', () => {
  it('has safe defaults', () => {
    const config = loadConfig({ ...base });
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.seedDemoData).toBe(true);
    expect(config.cookieSecure).toBe('auto');
    expect(config.redisKeyPrefix).toBe('kindred:');
    expect(config.listenBacklog).toBe(4096);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://nope'],
    ['REDIS_URL', 'http://localhost:6379'],
    ['REDIS_KEY_PREFIX', 'has spaces:'],
    ['SESSION_SECRET', 'too-short'],
    ['COOKIE_SECURE', 'sometimes'],
    ['LOG_LEVEL', 'chatty'],
    ['SEED_DEMO_DATA', 'maybe'],
    ['LISTEN_BACKLOG', '10'],
  ])('rejects %s=%s with one line naming the variable', (name, value) => {
    let error: unknown;
    try {
      loadConfig({ ...base, [name]: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain(name);
    expect(message.split('\n')).toHaveLength(1);
    // Secrets and connection strings are never echoed back.
    if (/SECRET|URL/.test(name)) expect(message).not.toContain(value);
  });

  it('requires SESSION_SECRET for a production deployment with its own database', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://u@h/db' })).toThrow(/SESSION_SECRET/);
  });
});
