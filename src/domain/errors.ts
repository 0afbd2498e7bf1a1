/**
 * Domain code may import src/text for types only (the layering test checks it): a catalogue
 * key is data — it names the sentence without rendering it — and the type makes a thrown key
 * one the catalogue has. No Chinese is built here; src/text/message.ts `render` does that.
 */
import type { z } from 'zod';
import type { Message, MessageValues } from '../text/message.js';
import type { MessageArgs, MessageKey } from '../text/zh-CN.js';

/**
 * An expected failure the user can fix. Thrown by domain rules and commands, rendered from
 * the zh-CN catalogue as the reply (or card toast); never logged as an error. A param may be
 * another catalogue entry (`{ key: 'status.approved' }`), rendered in its place.
 */
export class UserError<K extends MessageKey = MessageKey> extends Error implements Message {
  readonly params: MessageValues;

  /** The params are typed from the key's template, as `t()`'s are: a missing one does not compile. */
  constructor(
    readonly key: K,
    ...[params]: MessageArgs<K, MessageValues[string]>
  ) {
    super(key);
    this.name = 'UserError';
    this.params = (params ?? {}) as MessageValues;
  }
}

/**
 * A zod issue of a domain schema as an entry: the schemas give catalogue keys as their
 * messages, and custom issues carry the key's params (`ctx.addIssue({ code: 'custom',
 * message: key, params })`).
 */
export function issueMessage(issue: z.core.$ZodIssue | undefined): Message {
  if (!issue) return { key: '' as MessageKey };
  const params = issue.code === 'custom' ? (issue.params as MessageValues | undefined) : undefined;
  return { key: issue.message as MessageKey, ...(params ? { params } : {}) };
}

/** A catalogue key as a zod message (checked by the compiler; read back by `issueMessage`). */
export function messageKey(key: MessageKey): MessageKey {
  return key;
}
