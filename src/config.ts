/**
 * Configuration from the environment (and `.env` if present), validated once at start by one
 * schema for every entry point: the bot, local mode and the CLIs each read the part they need
 * (`loadConfig(env, need)`), so a default or a check is written here once.
 * Names are the deployment contract of PRODUCT.md §7 — keep them exactly.
 */
import path from 'node:path';
import { z } from 'zod';

/** The deployment contract's defaults (PRODUCT.md §7, README 「配置」), written nowhere else. */
export const DEFAULT_DATABASE_PATH = './data/bot.db';
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
/** Local mode's own defaults (README 「本地体验模式」): a separate demo database, quieter logs. */
export const DEMO_DATABASE_PATH = './data/demo.db';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Webhook mode needs all four; with none of them set, `npm start` runs local mode. */
const CREDENTIALS = ['FEISHU_APP_ID', 'FEISHU_APP_SECRET', 'FEISHU_VERIFICATION_TOKEN', 'FEISHU_ENCRYPT_KEY'] as const;

/** Unset, empty and blank all read as unset (`TZ=` in .env means the default); values are trimmed. */
const trimmed = (v: unknown) => (typeof v === 'string' ? v.trim() || undefined : v);
const withDefault = <T extends z.ZodType>(fallback: string, schema: T) => z.preprocess((v) => trimmed(v) ?? fallback, schema);
const optionalText = z.preprocess(trimmed, z.string().optional());

function validTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Every variable, with the defaults of one kind of run. */
function fields(defaults: { databasePath: string; logLevel: LogLevel }) {
  return {
    FEISHU_APP_ID: optionalText,
    FEISHU_APP_SECRET: optionalText,
    FEISHU_VERIFICATION_TOKEN: optionalText,
    FEISHU_ENCRYPT_KEY: optionalText,
    FEISHU_DOMAIN: withDefault('https://open.feishu.cn', z.url({ protocol: /^https?$/, error: '应为 http(s) 开头的网址 / must be an http(s) URL' }))
      // The SDK prefixes `${domain}/open-apis/...`; a trailing slash would break every call.
      .transform((v) => v.replace(/\/+$/, ''))
      .refine((v) => !/\/open-apis$/.test(v), '只写域名，不要带 /open-apis / the base URL only, without /open-apis'),
    FEISHU_EVENT_MODE: withDefault('webhook', z.enum(['webhook', 'ws'], { error: '应为 webhook 或 ws / must be webhook or ws' })),
    PORT: withDefault('3000', z.coerce.number({ error: '应为端口号 / must be a port number' }).int().min(0).max(65535)),
    HOST: optionalText,
    DATABASE_PATH: withDefault(defaults.databasePath, z.string()),
    TZ: withDefault(DEFAULT_TIME_ZONE, z.string().refine(validTimeZone, '不是有效的时区 / not a valid IANA time zone')),
    PUBLIC_BASE_URL: z.preprocess(trimmed, z.url({ protocol: /^https?$/ }).transform((v) => v.replace(/\/+$/, '')).optional()),
    LOG_LEVEL: withDefault(defaults.logLevel, z.enum(LOG_LEVELS)),
  };
}

const production = z.object(fields({ databasePath: DEFAULT_DATABASE_PATH, logLevel: 'info' }));
const schemas = {
  bot: production,
  local: z.object(fields({ databasePath: DEMO_DATABASE_PATH, logLevel: 'warn' })).pick({ PORT: true, HOST: true, DATABASE_PATH: true, TZ: true, LOG_LEVEL: true }),
  offline: production.pick({ DATABASE_PATH: true, TZ: true, LOG_LEVEL: true }),
};

/**
 * What an entry point needs from the environment:
 * - `bot` — everything, Feishu credentials required (`npm start`, `npm run digest`, which sends);
 * - `local` — local mode (no credentials): the console's PORT/HOST, the demo database, the zone;
 * - `offline` — the CLIs that only read and write the database (import, export, backup).
 */
export type ConfigNeed = keyof typeof schemas;

/** The database, its school's zone and the log level: what every run needs. */
export interface OfflineConfig {
  databasePath: string;
  /** IANA zone of the school (TZ): every date and wall time is read in it, never in the process's zone. */
  timeZone: string;
  logLevel: LogLevel;
}

export interface LocalConfig extends OfflineConfig {
  port: number;
  host?: string;
}

export interface Config extends LocalConfig {
  feishu: {
    appId: string;
    appSecret: string;
    verificationToken: string;
    encryptKey: string;
    domain: string;
    eventMode: 'webhook' | 'ws';
  };
  publicBaseUrl?: string;
}

export interface ConfigFor {
  bot: Config;
  local: LocalConfig;
  offline: OfflineConfig;
}

export class ConfigError extends Error {
  constructor(
    message: string,
    /** Names of the Feishu credentials that are missing (empty when the problem is a wrong value). */
    readonly missing: string[],
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

export const README_FEISHU_SECTION = 'README.md → 「创建飞书应用」 (Create the Feishu app)';

/** True when no Feishu credential is set: `npm start` then runs local mode. A half-filled set is a mistake to explain, not a demo. */
export function wantsLocalMode(env: NodeJS.ProcessEnv = process.env): boolean {
  return CREDENTIALS.every((k) => !env[k]?.trim());
}

/** Parses and checks the part of the environment `need` names; throws ConfigError with a bilingual message. */
export function loadConfig<N extends ConfigNeed = 'bot'>(env: NodeJS.ProcessEnv = process.env, need: N = 'bot' as N): ConfigFor[N] {
  const parsed = schemas[need].safeParse(env);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`);
  const missing = need === 'bot' ? missingCredentials(env) : [];
  // Report every problem at once, so one start tells the whole story.
  const lines: string[] = [];
  if (problems.length > 0) lines.push(`配置有误 / invalid configuration:`, ...problems);
  if (missing.length > 0) {
    lines.push(
      `缺少飞书应用凭据：${missing.join(', ')}`,
      `Missing Feishu app credentials: ${missing.join(', ')}`,
      `请按 ${README_FEISHU_SECTION} 创建飞书应用，并把这些值写入环境变量或 .env 文件（参考 .env.example）。`,
      `Create the app as described in ${README_FEISHU_SECTION}, then set them in the environment or in .env (see .env.example).`,
    );
  }
  if (lines.length > 0 || !parsed.success) throw new ConfigError(lines.join('\n'), missing);
  return shape(parsed.data as z.infer<typeof production>, need) as ConfigFor[N];
}

/**
 * Webhook mode needs the token and the encrypt key: without an encrypt key Feishu sends no
 * signature, and the bot would have no way to tell a forged event from a real one.
 */
function missingCredentials(env: NodeJS.ProcessEnv): string[] {
  const required = env.FEISHU_EVENT_MODE?.trim() === 'ws' ? CREDENTIALS.slice(0, 2) : CREDENTIALS;
  return required.filter((k) => !env[k]?.trim());
}

function shape(e: z.infer<typeof production>, need: ConfigNeed): OfflineConfig | LocalConfig | Config {
  const offline: OfflineConfig = { databasePath: e.DATABASE_PATH, timeZone: e.TZ, logLevel: e.LOG_LEVEL };
  if (need === 'offline') return offline;
  const local: LocalConfig = { ...offline, port: e.PORT, host: e.HOST };
  if (need === 'local') return local;
  return {
    ...local,
    feishu: {
      appId: e.FEISHU_APP_ID!,
      appSecret: e.FEISHU_APP_SECRET!,
      verificationToken: e.FEISHU_VERIFICATION_TOKEN ?? '',
      encryptKey: e.FEISHU_ENCRYPT_KEY ?? '',
      domain: e.FEISHU_DOMAIN,
      eventMode: e.FEISHU_EVENT_MODE,
    },
    publicBaseUrl: e.PUBLIC_BASE_URL,
  };
}

const loadedEnvFiles = new Set<string>();

/** Reads `.env` from the working directory if there is one (real env vars win), once per process. */
export function loadDotEnv(file = '.env'): void {
  const where = path.resolve(file);
  if (loadedEnvFiles.has(where)) return;
  loadedEnvFiles.add(where);
  try {
    process.loadEnvFile(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}

/**
 * For the entry points (`npm start`, local mode, the CLIs): `.env` + environment → the config
 * `need` names, or the bilingual explanation on stderr and undefined, so the caller exits 1.
 */
export function configOrExplain<N extends ConfigNeed = 'bot'>(need: N = 'bot' as N): ConfigFor[N] | undefined {
  loadDotEnv();
  try {
    return loadConfig(process.env, need);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(err.message);
    return undefined;
  }
}
