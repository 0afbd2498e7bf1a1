/**
 * Text → command and button value → action, with the checks every update gets: where it
 * may be used, who may use it (from the database), and argument validation.
 */
import { z } from 'zod';
import type { Member } from '../db/schema/index.js';
import type { CardJson } from '../feishu/api.js';
import type { CardResponse } from '../feishu/pipeline.js';
import { render } from '../text/message.js';
import { t } from '../text/zh-CN.js';
import type { ActionContext, CommandContext } from './context.js';
import type { AnyAction, AnyCommand } from './define.js';
import { UserError } from './errors.js';
import { allows, type Audience } from './roles.js';
import { isActive } from '../domain/members.js';
import { CommandSuggester } from './suggest.js';
import { simplified } from '../text/simplified.js';

export interface Registry {
  commands: readonly AnyCommand[];
  actions: readonly AnyAction[];
}

/** Strips Feishu's `@_user_N` mention placeholders and normalises full-width slashes/spaces. */
function cleanText(text: string): string {
  return text
    .replace(/@_user_\d+/g, ' ')
    .replace(/[\u3000\u00a0]/g, ' ')
    .replace(/^\s*／/, '/')
    .trim();
}

export interface CommandCall {
  command: AnyCommand;
  rest: string;
}

/** `unknown`: a `/word` no command is called; `body` is what followed the slash. `text`: the message, cleaned. */
export type Lookup = { kind: 'command'; call: CommandCall } | { kind: 'unknown'; name: string; body: string } | { kind: 'text'; text: string };

export class Router {
  private readonly byName = new Map<string, AnyCommand>();
  private readonly actions = new Map<string, AnyAction>();
  /** Built once from the registry: the forms (aliases, English names, pinyin) a mistyped command is compared with. */
  readonly suggester: CommandSuggester<AnyCommand>;

  constructor(readonly registry: Registry) {
    for (const c of registry.commands) {
      for (const n of [c.name, ...c.aliases]) {
        const key = n.toLowerCase();
        if (this.byName.has(key)) throw new Error(`command name ${n} registered twice`);
        this.byName.set(key, c);
      }
    }
    for (const a of registry.actions) {
      if (this.actions.has(a.name)) throw new Error(`action ${a.name} registered twice`);
      this.actions.set(a.name, a);
    }
    this.suggester = new CommandSuggester(registry.commands);
  }

  /**
   * Finds the command in a message. `/name rest` always; in a group the bot was @-mentioned
   * in, a bare `name rest` too, since people type `@助手 帮助`.
   */
  lookup(text: string, allowBare: boolean): Lookup {
    const cleaned = cleanText(text);
    const slashed = cleaned.startsWith('/');
    if (!slashed && !allowBare) return { kind: 'text', text: cleaned };
    const body = slashed ? cleaned.slice(1) : cleaned;
    const match = /^(\S+)\s*([\s\S]*)$/.exec(body);
    if (!match) return slashed ? { kind: 'unknown', name: '/', body } : { kind: 'text', text: cleaned };
    // (a name typed in traditional characters, /報到 or /幫助, is the command it spells)
    const name = match[1]!.toLowerCase();
    const command = this.byName.get(name) ?? this.byName.get(simplified(name));
    if (command) return { kind: 'command', call: { command, rest: match[2]!.trim() } };
    return slashed ? { kind: 'unknown', name: `/${match[1]}`, body } : { kind: 'text', text: cleaned };
  }

  /**
   * The answer to an unknown `/word`: the closest command the member may use, when one is close
   * enough (src/bot/suggest.ts), else the plain refusal.
   */
  unknown(found: Extract<Lookup, { kind: 'unknown' }>, member: Parameters<typeof allows>[1]): UserError {
    const near = this.suggester.suggest(found.body, (c) => allows(c.audience, member));
    if (near) return new UserError('error.unknownCommandSuggest', { name: near.typed, suggestion: near.suggestion });
    return new UserError('error.unknownCommand', { name: found.name });
  }

  async runCommand(ctx: CommandContext, call: CommandCall): Promise<void> {
    // A command with personal or review data typed in a group is answered privately, its
    // refusals (who may use it, bad arguments) too: the group sees one line, whatever happened.
    if (call.command.answer === 'private' && ctx.chat.type === 'group') return answerPrivately(ctx, call.command, (privately) => this.checkAndRun(privately, call));
    await this.checkAndRun(ctx, call);
  }

  private async checkAndRun(ctx: CommandContext, { command, rest }: CommandCall): Promise<void> {
    // Who before where: telling a student (or an unbound user) to retry a command in a group
    // only leads to a second refusal there.
    checkAudience(command.audience, ctx, command.aliases[0] ?? command.name);
    if (command.where === 'group' && ctx.chat.type !== 'group') throw new UserError('error.groupOnly', { command: command.aliases[0] ?? command.name });
    if (command.where === 'p2p' && ctx.chat.type !== 'p2p') throw new UserError('error.privateOnly', { command: command.aliases[0] ?? command.name });
    const args = command.args.safeParse(command.parse(rest));
    if (!args.success) {
      throw new UserError('error.badArgs', { problem: args.error.issues[0]?.message ?? '', usage: t(command.example) });
    }
    await command.run(ctx, args.data);
  }

  /** Runs a card click; every refusal becomes a toast (here or in the boundary) and changes nothing. */
  async runAction(ctx: ActionContext, value: unknown): Promise<CardResponse> {
    const env = actionEnvelope.safeParse(value);
    if (!env.success) return toast('error', t('error.cardInvalid'));
    const action = this.actions.get(env.data.a);
    if (!action) return toast('error', t('error.cardInvalid'));
    if (env.data.exp !== undefined && env.data.exp < ctx.clock.now()) return toast('warning', t('error.cardExpired'));
    if (!allows(action.audience, ctx.member)) {
      if (ctx.member && !isActive(ctx.member)) return toast('error', t('error.inactive'));
      return toast('error', ctx.member ? t('error.actionForbidden') : t('error.notBound', { command: '绑定' }));
    }
    const payload = action.payload.safeParse(env.data.p ?? {});
    if (!payload.success) return toast('error', t('error.cardInvalid'));
    // A UserError becomes a toast in the bot's one error boundary.
    return action.run(ctx, payload.data);
  }
}

/** Runs `work` with every answer (and refusal) sent to the sender privately; the group gets one line. */
async function answerPrivately(ctx: CommandContext, command: AnyCommand, work: (privately: CommandContext) => Promise<void>): Promise<void> {
  const privately: CommandContext = {
    ...ctx,
    chat: { id: '', type: 'p2p' },
    messageId: undefined,
    reply: async (m) => void (await ctx.notify(ctx.sender.openId, m)),
  };
  try {
    await work(privately);
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    await privately.reply(render(err));
  }
  await ctx.reply(t('group.answeredPrivately', { command: command.aliases[0] ?? command.name }));
}

const actionEnvelope = z.object({
  a: z.string().min(1).max(64),
  v: z.literal(1),
  p: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  exp: z.number().optional(),
});

function checkAudience(audience: Audience, ctx: CommandContext, command: string): void {
  if (allows(audience, ctx.member)) return;
  if (!ctx.member) throw new UserError('error.notBound', { command });
  if (!isActive(ctx.member)) throw new UserError('error.inactive');
  throw new UserError('error.forbidden', { command, role: t(`role.${audience}`) });
}

/** The `card` of a callback answer: replaces the clicked card with `data`. */
export const rawCard = (data: CardJson) => ({ type: 'raw' as const, data });

export function toast(type: 'success' | 'info' | 'warning' | 'error', content: string): CardResponse {
  return { toast: { type, content } };
}
