import type { MessageKey } from '../text/zh-CN.js';

/**
 * An expected failure the user can fix. Thrown by domain rules and commands, rendered from
 * the zh-CN catalogue as the reply (or card toast); never logged as an error.
 */
export class UserError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: Record<string, string | number> = {},
  ) {
    super(key);
    this.name = 'UserError';
  }
}
