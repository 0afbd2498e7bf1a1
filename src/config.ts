/**
 * Configuration from the environment (and `.env` if present), validated once at start.
 * Names are the deployment contract of PRODUCT.md §7 — keep them exactly.
 */
import { z } from 'zod';

const optionalText = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().optional());

function validTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const envSchema = z.object({
  FEISHU_APP_ID: optionalText,
  FEISHU_APP_SECRET: optionalText,
  FEISHU_VERIFICATION_TOKEN: optionalText,
  FEISHU_ENCRYPT_KEY: optionalText,
  FEISHU_DOMAIN: z
    .preprocess((v) => (v === undefined || v === '' ? 'https://open.feishu.cn' : v), z.url({ protocol: /^https?$/, error: '应为 http(s) 开头的网址 / must be an http(s) URL' }))
    // The SDK prefixes `${domain}/open-apis/...`; a trailing slash would break every call.
    .transform((v) => v.replace(/\/+$/, ''))
    .refine((v) => !/\/open-apis$/.test(v), '只写域名，不要带 /open-apis / the base URL only, without /open-apis'),
  FEISHU_EVENT_MODE: z.preprocess((v) => (v === undefined || v === '' ? 'webhook' : v), z.enum(['webhook', 'ws'], { error: '应为 webhook 或 ws / must be webhook or ws' })),
  PORT: z.preprocess((v) => (v === undefined || v === '' ? '3000' : v), z.coerce.number({ error: '应为端口号 / must be a port number' }).int().min(0).max(65535)),
  HOST: optionalText,
  DATABASE_PATH: z.preprocess((v) => (v === undefined || v === '' ? './data/bot.db' : v), z.string()),
  TZ: z.preprocess((v) => (v === undefined || v === '' ? 'Asia/Shanghai' : v), z.string().refine(validTimeZone, '不是有效的时区 / not a valid IANA time zone')),
  PUBLIC_BASE_URL: z.preprocess((v) => (v === '' ? undefined : v), z.url({ protocol: /^https?$/ }).transform((v) => v.replace(/\/+$/, '')).optional()),
  LOG_LEVEL: z.preprocess((v) => (v === undefined || v === '' ? 'info' : v), z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])),
});

export interface Config {
  feishu: {
    appId: string;
    appSecret: string;
    verificationToken: string;
    encryptKey: string;
    domain: string;
    eventMode: 'webhook' | 'ws';
  };
  port: number;
  host?: string;
  databasePath: string;
  timeZone: string;
  publicBaseUrl?: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
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

/** Parses and checks the environment; throws ConfigError with a bilingual message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`);
  // Webhook mode needs the token and the encrypt key: without an encrypt key Feishu sends no
  // signature, and the bot would have no way to tell a forged event from a real one.
  const mode = parsed.success ? parsed.data.FEISHU_EVENT_MODE : env.FEISHU_EVENT_MODE === 'ws' ? 'ws' : 'webhook';
  const required =
    mode === 'ws'
      ? (['FEISHU_APP_ID', 'FEISHU_APP_SECRET'] as const)
      : (['FEISHU_APP_ID', 'FEISHU_APP_SECRET', 'FEISHU_VERIFICATION_TOKEN', 'FEISHU_ENCRYPT_KEY'] as const);
  const missing = required.filter((k) => !env[k]?.trim());
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
  if (lines.length > 0 || !parsed.success) throw new ConfigError(lines.join('\n'), [...missing]);
  const e = parsed.data;
  return {
    feishu: {
      appId: e.FEISHU_APP_ID!,
      appSecret: e.FEISHU_APP_SECRET!,
      verificationToken: e.FEISHU_VERIFICATION_TOKEN ?? '',
      encryptKey: e.FEISHU_ENCRYPT_KEY ?? '',
      domain: e.FEISHU_DOMAIN,
      eventMode: e.FEISHU_EVENT_MODE,
    },
    port: e.PORT,
    host: e.HOST,
    databasePath: e.DATABASE_PATH,
    timeZone: e.TZ,
    publicBaseUrl: e.PUBLIC_BASE_URL,
    logLevel: e.LOG_LEVEL,
  };
}

/** Reads `.env` from the working directory if there is one (real env vars win). */
export function loadDotEnv(file = '.env'): void {
  try {
    process.loadEnvFile(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}

/**
 * For the entry points (`npm start`, the CLIs): `.env` + environment → Config, or the
 * bilingual explanation on stderr and undefined, so the caller exits 1.
 */
export function configOrExplain(): Config | undefined {
  loadDotEnv();
  try {
    return loadConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(err.message);
    return undefined;
  }
}
