/**
 * What LarkApi (and the long connection) build the node-sdk Client with: a logger that keeps
 * request bodies out of the logs, and an HTTP instance that does not follow redirects.
 */
import * as lark from '@larksuiteoapi/node-sdk';
import type { Logger } from 'pino';

/** The parts of an AxiosError the SDK throws on 4xx/5xx that say what failed. */
export interface AxiosLikeError {
  response?: { status?: number; data?: { code?: number; msg?: string }; headers?: Record<string, string> };
  message?: string;
}

/**
 * A logger for the SDK that keeps request bodies (message text, phone numbers) out of the
 * logs: the SDK logs failed calls at error level with the full request (FEISHU.md §9.8).
 */
export function sdkLogger(log: Logger) {
  // Keep only what says what failed: the SDK's formatErrors hands over [{message, config:
  // {url, method, data}, request, response: {status, data}}, responseBody] — `config.data`
  // is the request body (message text), so it never gets through.
  const summarise = (args: unknown[]): string =>
    args
      .map((a): string => {
        if (Array.isArray(a)) return summarise(a);
        if (typeof a === 'string') return a.replace(/"(content|text|mobile|app_secret|uuid)"\s*:\s*"(?:[^"\\]|\\.)*"/g, '"$1":"[redacted]"').slice(0, 300);
        if (a && typeof a === 'object') {
          const o = a as AxiosLikeError & { code?: number; msg?: string; config?: { url?: string; method?: string } };
          const url = o.config?.url?.replace(/^https?:\/\/[^/]+/, '').split('?')[0];
          return JSON.stringify({ message: o.message?.slice(0, 200), method: o.config?.method, url, status: o.response?.status, code: o.code ?? o.response?.data?.code, msg: o.msg ?? o.response?.data?.msg });
        }
        return String(a);
      })
      .join(' ');
  return {
    error: (...args: unknown[]) => log.warn({ sdk: summarise(args) }, 'feishu sdk error'),
    warn: (...args: unknown[]) => log.warn({ sdk: summarise(args) }, 'feishu sdk warning'),
    info: (...args: unknown[]) => log.debug({ sdk: summarise(args) }, 'feishu sdk'),
    debug: (...args: unknown[]) => log.trace({ sdk: summarise(args) }, 'feishu sdk'),
    trace: (...args: unknown[]) => log.trace({ sdk: summarise(args) }, 'feishu sdk'),
  };
}

/**
 * The SDK's HTTP instance without redirect following: the Open API never redirects, and
 * axios' follow-redirects wrapper around each request was a third of the client's CPU per
 * reply (≈ 1.1 → 0.8 ms for a reply and the fake's answer, bench/ack.ts `--only=me`).
 * It does what the SDK's own instance does around each call: a User-Agent on requests that
 * carry none (the token request; the Client sets its own on API calls), and answers unwrapped
 * (`data`, or `{data, headers}` when a call asks for `$return_headers`).
 */
export function httpInstance(userAgent: () => string | undefined): lark.HttpInstance {
  const http = lark.defaultHttpInstance.create({ maxRedirects: 0 });
  http.interceptors.request.use((req) => {
    const ua = userAgent();
    if (ua && !req.headers.get('User-Agent')) req.headers.set('User-Agent', ua);
    return req;
  });
  http.interceptors.response.use((res) => ((res.config as { $return_headers?: boolean }).$return_headers ? { data: res.data, headers: res.headers } : res.data));
  return http as unknown as lark.HttpInstance;
}
