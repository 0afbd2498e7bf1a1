/** loadConfig (PRODUCT.md §7): the environment contract, its defaults and its error messages. */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

const CREDS = {
  FEISHU_APP_ID: 'cli_a1b2c3d4e5f6a7b8',
  FEISHU_APP_SECRET: 'secret',
  FEISHU_VERIFICATION_TOKEN: 'token',
  FEISHU_ENCRYPT_KEY: 'key',
};

/** The ConfigError thrown for `env`. */
function failure(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error(`expected loadConfig to fail for ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    expect(loadConfig(CREDS)).toEqual({
      feishu: { appId: CREDS.FEISHU_APP_ID, appSecret: 'secret', verificationToken: 'token', encryptKey: 'key', domain: 'https://open.feishu.cn', eventMode: 'webhook' },
      port: 3000,
      host: undefined,
      databasePath: './data/bot.db',
      timeZone: 'Asia/Shanghai',
      publicBaseUrl: undefined,
      logLevel: 'info',
    });
  });

  it('treats empty values as unset', () => {
    const c = loadConfig({ ...CREDS, FEISHU_DOMAIN: '', FEISHU_EVENT_MODE: '', PORT: '', DATABASE_PATH: '', TZ: '', HOST: '', PUBLIC_BASE_URL: '' });
    expect(c).toMatchObject({ feishu: { domain: 'https://open.feishu.cn', eventMode: 'webhook' }, port: 3000, databasePath: './data/bot.db', timeZone: 'Asia/Shanghai' });
    expect(c.host).toBeUndefined();
    expect(c.publicBaseUrl).toBeUndefined();
  });

  it('reads every variable that is set', () => {
    const c = loadConfig({
      ...CREDS, FEISHU_DOMAIN: 'https://open.larksuite.com', FEISHU_EVENT_MODE: 'ws', PORT: '8080', HOST: '0.0.0.0',
      DATABASE_PATH: '/var/lib/bot/bot.db', TZ: 'UTC', PUBLIC_BASE_URL: 'https://bot.example.edu.cn/', LOG_LEVEL: 'debug',
    });
    expect(c).toEqual({
      feishu: { appId: CREDS.FEISHU_APP_ID, appSecret: 'secret', verificationToken: 'token', encryptKey: 'key', domain: 'https://open.larksuite.com', eventMode: 'ws' },
      port: 8080, host: '0.0.0.0', databasePath: '/var/lib/bot/bot.db', timeZone: 'UTC', publicBaseUrl: 'https://bot.example.edu.cn', logLevel: 'debug',
    });
  });

  it('strips the trailing slash from FEISHU_DOMAIN and accepts a local test server', () => {
    expect(loadConfig({ ...CREDS, FEISHU_DOMAIN: 'https://open.feishu.cn/' }).feishu.domain).toBe('https://open.feishu.cn');
    expect(loadConfig({ ...CREDS, FEISHU_DOMAIN: 'http://127.0.0.1:41234//' }).feishu.domain).toBe('http://127.0.0.1:41234');
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '-1'],
    ['PORT', '80.5'],
    ['TZ', 'Mars/Olympus'],
    ['TZ', 'GMT+8 北京'],
    ['FEISHU_EVENT_MODE', 'http'],
    ['FEISHU_EVENT_MODE', 'WS '],
    ['FEISHU_DOMAIN', 'open.feishu.cn'],
    ['FEISHU_DOMAIN', 'ftp://open.feishu.cn'],
    ['FEISHU_DOMAIN', 'not a url'],
  ])('a bad %s (%j) gives an error naming the variable', (name, value) => {
    const err = failure({ ...CREDS, [name]: value });
    expect(err.message).toContain(name);
    expect(err.message).toMatch(/配置有误/);
    expect(err.missing).toEqual([]);
    // Only the wrong variable is named.
    for (const other of ['PORT', 'TZ', 'FEISHU_EVENT_MODE', 'FEISHU_DOMAIN'].filter((n) => n !== name)) expect(err.message).not.toContain(`${other}:`);
  });

  it('names every wrong variable at once', () => {
    const err = failure({ ...CREDS, PORT: 'x', TZ: 'Nowhere/Land' });
    expect(err.message).toContain('PORT');
    expect(err.message).toContain('TZ');
  });

  it('with no credentials at all, names all four (webhook mode)', () => {
    const err = failure({});
    expect(err.missing).toEqual(['FEISHU_APP_ID', 'FEISHU_APP_SECRET', 'FEISHU_VERIFICATION_TOKEN', 'FEISHU_ENCRYPT_KEY']);
    expect(err.message).toContain('FEISHU_APP_ID, FEISHU_APP_SECRET, FEISHU_VERIFICATION_TOKEN, FEISHU_ENCRYPT_KEY');
  });

  it.each([
    ['FEISHU_APP_ID'],
    ['FEISHU_APP_SECRET'],
    ['FEISHU_VERIFICATION_TOKEN'],
    ['FEISHU_ENCRYPT_KEY'],
  ])('missing (or blank) %s is named, and only it', (name) => {
    for (const value of [undefined, '', '   ']) {
      const env: Record<string, string> = { ...CREDS };
      if (value === undefined) delete env[name];
      else env[name] = value;
      const err = failure(env);
      expect(err.missing).toEqual([name]);
      expect(err.message).toContain(`缺少飞书应用凭据：${name}\n`);
      for (const other of Object.keys(CREDS).filter((k) => k !== name)) expect(err.message).not.toContain(other);
      expect(err.message).toContain('README.md');
    }
  });

  it('reports a wrong value and missing credentials in the same message', () => {
    const err = failure({ PORT: 'abc', FEISHU_APP_ID: 'cli_a1b2c3d4e5f6a7b8' });
    expect(err.message).toContain('PORT');
    expect(err.missing).toEqual(['FEISHU_APP_SECRET', 'FEISHU_VERIFICATION_TOKEN', 'FEISHU_ENCRYPT_KEY']);
    expect(err.message).toContain('FEISHU_APP_SECRET');
  });

  it('refuses a FEISHU_DOMAIN that already ends in /open-apis (every call would double it)', () => {
    expect(failure({ ...CREDS, FEISHU_DOMAIN: 'https://open.feishu.cn/open-apis/' }).message).toContain('FEISHU_DOMAIN');
  });

  it('ws mode needs only the app id and secret', () => {
    const c = loadConfig({ FEISHU_APP_ID: 'cli_x', FEISHU_APP_SECRET: 's', FEISHU_EVENT_MODE: 'ws' });
    expect(c.feishu).toEqual({ appId: 'cli_x', appSecret: 's', verificationToken: '', encryptKey: '', domain: 'https://open.feishu.cn', eventMode: 'ws' });
    expect(failure({ FEISHU_EVENT_MODE: 'ws' }).missing).toEqual(['FEISHU_APP_ID', 'FEISHU_APP_SECRET']);
    expect(failure({ FEISHU_EVENT_MODE: 'ws', FEISHU_APP_ID: 'cli_x', FEISHU_VERIFICATION_TOKEN: 't', FEISHU_ENCRYPT_KEY: 'k' }).missing).toEqual(['FEISHU_APP_SECRET']);
  });

  it('keeps secrets out of the error message', () => {
    const err = failure({ ...CREDS, FEISHU_APP_SECRET: '', PORT: '3000' });
    expect(err.message).not.toContain('token');
    expect(err.message).not.toContain(CREDS.FEISHU_APP_ID);
  });
});
