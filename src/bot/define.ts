/**
 * Commands and card actions are data plus `run` (STYLE.md §6); each command module exports
 * `{ command, actions }` and the registry in `commands/index.ts` lists the modules once.
 * `/help` is generated from it.
 */
import type { z } from 'zod';
import type { CardAction, PayloadShape } from '../cards/action.js';
import type { Role } from '../db/schema/index.js';
import type { CardResponse } from '../feishu/pipeline.js';
import type { CommandTextKey } from '../text/zh-CN.js';
import type { ActionContext, CommandContext } from './context.js';
import type { Audience, MemberOf } from './roles.js';

export interface CommandDefinition<A = unknown, R extends Audience = Audience> {
  /** English name, typed as `/name`. */
  name: string;
  /** Chinese aliases, typed as `/别名`. */
  aliases: string[];
  summary: CommandTextKey;
  /**
   * /帮助's wording for a role whose scope `summary` does not fit (团支书 本支部, 团总支 本院,
   * 团委 全校); the roles not listed read `summary`.
   */
  summaryFor?: Partial<Record<Role, CommandTextKey>>;
  example: CommandTextKey;
  /** Whom /帮助 lists it for, when not everyone it answers: 'unbound' — /绑定 is no news to a bound user (who may still send it). */
  listed?: 'unbound';
  /**
   * Who may use it; checked against the database before `run`, whose context then carries the
   * member that role implies (`ctx.member` is a `Member` for any role, `null` only for 'anyone').
   */
  audience: R;
  /** Restricts where it may be used (default: anywhere): a group only, or a private chat only. */
  where?: 'group' | 'p2p';
  /**
   * 'private': it shows personal or review data (PRODUCT.md §8 "Groups see no personal queues"),
   * so typed in a group it is answered in the sender's private chat, refusals included, and the
   * group gets one line saying so.
   */
  answer?: 'private';
  /** Validates what `parse` made of the text after the command name. */
  args: z.ZodType<A>;
  parse(rest: string): unknown;
  run(ctx: CommandContext<MemberOf<R>>, args: A): Promise<void>;
}

/** A card action's handler, bound to the handle its cards place (src/cards/action.ts). */
export interface ActionDefinition<V = unknown, R extends Audience = Audience> {
  /** The `a` field of the button's value envelope (the handle's name). */
  readonly name: string;
  readonly audience: R;
  /** Validates the envelope's payload (`p`). */
  readonly payload: z.ZodType<V>;
  run(ctx: ActionContext<MemberOf<R>>, payload: V): Promise<CardResponse>;
}

/** Declares a chat command; the identity function exists for type inference. */
export function defineCommand<A, R extends Audience>(def: CommandDefinition<A, R>): CommandDefinition<A, R> {
  return def;
}

/**
 * Handles the clicks of a card action declared with `cardAction` beside its card: the payload
 * type is the handle's, the context's member the audience's.
 */
export function defineAction<In extends PayloadShape, V, R extends Audience>(
  handle: CardAction<In, V>,
  def: { audience: R; run(ctx: ActionContext<MemberOf<R>>, payload: V): Promise<CardResponse> },
): ActionDefinition<V, R> {
  return { name: handle.name, payload: handle.payload, audience: def.audience, run: def.run };
}

// The registry holds definitions of different argument types side by side; each was checked
// against its own types where it was defined.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCommand = CommandDefinition<any, any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyAction = ActionDefinition<any, any>;

/** What a command file exports: its command and the card actions of its flow. */
export interface CommandModule {
  command: AnyCommand;
  actions: readonly AnyAction[];
}
