/**
 * Commands and card actions are data plus `run` (STYLE.md §6); the registry in
 * `commands/index.ts` lists them and `/help` is generated from it.
 */
import type { z } from 'zod';
import type { CardResponse } from '../feishu/pipeline.js';
import type { MessageKey } from '../text/zh-CN.js';
import type { ActionContext, CommandContext } from './context.js';
import type { Audience } from './roles.js';

export interface CommandDefinition<A = unknown> {
  /** English name, typed as `/name`. */
  name: string;
  /** Chinese aliases, typed as `/别名`. */
  aliases: string[];
  summary: MessageKey;
  example: MessageKey;
  /** Who may use it; checked against the database before `run`. */
  audience: Audience;
  /** Restricts where it may be used (default: anywhere). */
  where?: 'group';
  /** Validates what `parse` made of the text after the command name. */
  args: z.ZodType<A>;
  parse(rest: string): unknown;
  run(ctx: CommandContext, args: A): Promise<void>;
}

export interface ActionDefinition<V = unknown> {
  /** The `a` field of the button's value envelope. */
  name: string;
  audience: Audience;
  /** Validates the envelope's payload (`p`). */
  payload: z.ZodType<V>;
  run(ctx: ActionContext, payload: V): Promise<CardResponse>;
}

/** Declares a chat command; the identity function exists for type inference. */
export function defineCommand<A>(def: CommandDefinition<A>): CommandDefinition<A> {
  return def;
}

/** Declares a card action handler; the identity function exists for type inference. */
export function defineAction<V>(def: ActionDefinition<V>): ActionDefinition<V> {
  return def;
}

// The registry holds definitions of different argument types side by side.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCommand = CommandDefinition<any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyAction = ActionDefinition<any>;
