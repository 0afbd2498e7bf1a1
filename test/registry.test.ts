/**
 * The explicit registry (STYLE.md §6): every command file is registered, names are unique,
 * every command has a Chinese alias and catalogue texts; and the define API's types.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { actions, commands, modules, registry } from '../commands/index.js';
import type { Hooks } from '../src/bot/bot.js';
import type { ActionContext, CommandContext } from '../src/bot/context.js';
import { cardAction, type CardAction } from '../src/cards/action.js';
import { defineAction, defineCommand, type ActionDefinition, type CommandDefinition, type CommandModule } from '../src/bot/define.js';
import { Router } from '../src/bot/router.js';
import type { MemberOf } from '../src/bot/roles.js';
import { ROLES, type Member } from '../src/db/schema/index.js';
import type { CardResponse } from '../src/feishu/pipeline.js';
import { t, zhCN, type MessageKey } from '../src/text/zh-CN.js';

const COMMANDS_DIR = fileURLToPath(new URL('../commands/', import.meta.url));
const NOT_DEFINITIONS = new Set(['index.ts', 'hooks.ts']);
const definitionFiles = fs.readdirSync(COMMANDS_DIR).filter((f) => f.endsWith('.ts') && !NOT_DEFINITIONS.has(f)).sort();

const CARDS_DIR = fileURLToPath(new URL('../src/cards/', import.meta.url));
const isHandle = (v: unknown): v is CardAction =>
  !!v && typeof v === 'object' && typeof (v as CardAction).name === 'string' && typeof (v as CardAction).button === 'function' && typeof (v as CardAction).value === 'function';

const HAN = /\p{Script=Han}/u;

describe('commands/index.ts registers every command module', () => {
  it('finds the command files', () => {
    expect(definitionFiles.length).toBeGreaterThan(0);
  });

  it.each(definitionFiles)('%s: exports `command` and `actions`, and is listed in `modules`', async (file) => {
    const mod = (await import(pathToFileURL(path.join(COMMANDS_DIR, file)).href)) as Record<string, unknown>;
    expect(mod.command, `${file} exports no command`).toBeDefined();
    expect(Array.isArray(mod.actions), `${file} exports no actions list`).toBe(true);
    expect(modules.map((m) => m.command)).toContain(mod.command);
    for (const action of mod.actions as unknown[]) expect(actions).toContain(action);
  });

  it('registers nothing that no file defines', async () => {
    const mods = await Promise.all(definitionFiles.map((f) => import(pathToFileURL(path.join(COMMANDS_DIR, f)).href) as Promise<CommandModule>));
    expect(modules.length).toBe(mods.length);
    expect(new Set(commands)).toEqual(new Set(mods.map((m) => m.command)));
    expect(new Set(actions)).toEqual(new Set(mods.flatMap((m) => m.actions)));
  });

  it('every card action the cards can place has a handler (a handler always has its handle: defineAction takes it)', async () => {
    const files = fs.readdirSync(CARDS_DIR).filter((f) => f.endsWith('.ts'));
    const mods = await Promise.all(files.map((f) => import(pathToFileURL(path.join(CARDS_DIR, f)).href) as Promise<Record<string, unknown>>));
    const declared = mods.flatMap((m) => Object.values(m).filter(isHandle)).map((h) => h.name);
    expect(declared.length).toBeGreaterThan(30);
    expect(new Set(declared).size).toBe(declared.length);
    const handled = new Set(actions.map((a) => a.name));
    expect(declared.filter((name) => !handled.has(name))).toEqual([]);
  });

  it('exports the same lists as `registry`, which the router accepts', () => {
    expect(registry.commands).toBe(commands);
    expect(registry.actions).toBe(actions);
    expect(() => new Router(registry)).not.toThrow();
  });
});

describe('names, aliases and texts', () => {
  it('command names and aliases are unique, case-insensitively, and contain no spaces or slashes', () => {
    const all = commands.flatMap((c) => [c.name, ...c.aliases]).map((n) => n.toLowerCase());
    expect(new Set(all).size).toBe(all.length);
    for (const n of all) expect(n).toMatch(/^[^\s/／]+$/);
  });

  it('action names are unique', () => {
    const names = actions.map((a) => a.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(commands.map((c) => [c.name, c] as const))('/%s has an English name, a Chinese alias, catalogue texts and an example using it', (_, c) => {
    expect(c.name).toMatch(/^[a-z]+$/);
    expect(c.aliases.length).toBeGreaterThan(0);
    expect(c.aliases[0]).toMatch(HAN);
    for (const key of [c.summary, c.example]) {
      expect(Object.keys(zhCN)).toContain(key);
      expect(t(key).trim()).not.toBe('');
    }
    const example = t(c.example);
    expect([c.name, ...c.aliases].map((n) => `/${n}`)).toContain(example.split(/\s+/)[0]);
    expect(c.audience === 'anyone' || (ROLES as readonly string[]).includes(c.audience)).toBe(true);
  });

  it('every command example parses into valid arguments', () => {
    for (const c of commands) {
      const rest = t(c.example).split(/\s+/).slice(1).join(' ');
      expect(c.args.safeParse(c.parse(rest)).success, t(c.example)).toBe(true);
    }
  });
});

describe('define API types', () => {
  it('defineCommand infers the argument type from `args` into `run`', () => {
    const cmd = defineCommand({
      name: 'typed',
      aliases: ['类型'],
      summary: 'cmd.help.summary',
      example: 'cmd.help.example',
      audience: 'student',
      args: z.object({ site: z.string().optional(), hours: z.coerce.number() }),
      parse: (rest) => ({ site: rest || undefined, hours: '2' }),
      async run(ctx, args) {
        expectTypeOf(ctx).toEqualTypeOf<CommandContext<Member>>();
        expectTypeOf(args).toEqualTypeOf<{ site?: string | undefined; hours: number }>();
      },
    });
    expectTypeOf(cmd).toEqualTypeOf<CommandDefinition<{ site?: string | undefined; hours: number }, 'student'>>();
    expectTypeOf(cmd.run).parameter(1).toEqualTypeOf<{ site?: string | undefined; hours: number }>();
  });

  it('infers the output of a transforming schema, not its input', () => {
    const cmd = defineCommand({
      name: 'len', aliases: ['长度'], summary: 'cmd.help.summary', example: 'cmd.help.example', audience: 'anyone',
      args: z.object({ text: z.string() }).transform((o) => o.text.length),
      parse: (rest) => ({ text: rest }),
      async run(_ctx, n) {
        expectTypeOf(n).toEqualTypeOf<number>();
      },
    });
    expectTypeOf(cmd).toEqualTypeOf<CommandDefinition<number, 'anyone'>>();
  });

  it('the audience types the member: null only for anyone, a role at least the audience otherwise', () => {
    defineCommand({
      name: 'who', aliases: ['谁'], summary: 'cmd.help.summary', example: 'cmd.help.example', audience: 'anyone',
      args: z.object({}), parse: () => ({}),
      async run(ctx) {
        expectTypeOf(ctx.member).toEqualTypeOf<Member | null>();
      },
    });
    defineCommand({
      name: 'sec', aliases: ['支书'], summary: 'cmd.help.summary', example: 'cmd.help.example', audience: 'secretary',
      args: z.object({}), parse: () => ({}),
      async run(ctx) {
        expectTypeOf(ctx.member).toExtend<Member>();
        expectTypeOf(ctx.member.role).toEqualTypeOf<'secretary' | 'college_admin' | 'school_admin'>();
      },
    });
    defineAction(cardAction('typed.admin', z.object({})), {
      audience: 'school_admin',
      async run(ctx) {
        expectTypeOf(ctx.member.role).toEqualTypeOf<'school_admin'>();
        return {};
      },
    });
  });

  it('hooks always have the message they answer', () => {
    expectTypeOf<Parameters<Hooks['file']>[0]['messageId']>().toEqualTypeOf<string>();
    expectTypeOf<CommandContext['messageId']>().toEqualTypeOf<string | undefined>();
  });

  it('defineAction takes the payload type from the card action handle into `run`', () => {
    const handle = cardAction('typed.action', z.object({ log: z.number().int(), list: z.literal(1).optional() }));
    const action = defineAction(handle, {
      audience: 'secretary',
      async run(ctx, payload) {
        expectTypeOf(ctx).toEqualTypeOf<ActionContext<MemberOf<'secretary'>>>();
        expectTypeOf(payload).toEqualTypeOf<{ log: number; list?: 1 | undefined }>();
        return {};
      },
    });
    expectTypeOf(action).toEqualTypeOf<ActionDefinition<{ log: number; list?: 1 | undefined }, 'secretary'>>();
    expectTypeOf(action.run).returns.toEqualTypeOf<Promise<CardResponse>>();
    expect(action.name).toBe('typed.action');
  });

  it('a card places a handle with the payload its schema takes, and the envelope carries it', () => {
    const handle = cardAction('typed.button', z.object({ p: z.number().int().positive(), q: z.string().optional() }));
    // @ts-expect-error a payload without `p`
    handle.button('x', { q: 'a' });
    // @ts-expect-error a payload key the schema does not know
    handle.value({ p: 1, nope: 2 });
    expect(handle.value({ p: 3, q: undefined })).toEqual({ a: 'typed.button', v: 1, p: { p: 3 } });
    expect(cardAction('typed.none', z.object({})).value({})).toEqual({ a: 'typed.none', v: 1 });
    const b = handle.button('去', { p: 3 }, 'primary') as { behaviors: { value: unknown }[]; type: string };
    expect(b.behaviors[0]!.value).toEqual({ a: 'typed.button', v: 1, p: { p: 3 } });
    expect(b.type).toBe('primary');
  });

  it('rejects catalogue keys that do not exist and audiences that are not roles', () => {
    expectTypeOf<'cmd.help.summary'>().toExtend<MessageKey>();
    expectTypeOf<'cmd.nope.summary'>().not.toExtend<MessageKey>();
    defineCommand({
      name: 'bad', aliases: ['坏'],
      // @ts-expect-error not a catalogue key
      summary: 'cmd.nope.summary',
      example: 'cmd.help.example',
      // @ts-expect-error not a role
      audience: 'teacher',
      args: z.object({}), parse: () => ({}), async run() {},
    });
    defineCommand({
      name: 'bad2', aliases: ['坏'], summary: 'cmd.help.summary', example: 'cmd.help.example', audience: 'anyone',
      args: z.object({ n: z.number() }), parse: () => ({}),
      async run(_ctx, args) {
        // @ts-expect-error `args` has no `m`
        void args.m;
      },
    });
  });
});
