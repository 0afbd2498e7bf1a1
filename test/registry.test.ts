/**
 * The explicit registry (STYLE.md §6): every command file is registered, names are unique,
 * every command has a Chinese alias and catalogue texts; and the define API's types.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { actions, commands, registry } from '../commands/index.js';
import type { ActionContext, CommandContext } from '../src/bot/context.js';
import { defineAction, defineCommand, type ActionDefinition, type CommandDefinition } from '../src/bot/define.js';
import { Router } from '../src/bot/router.js';
import { ROLES } from '../src/db/schema/index.js';
import type { CardResponse } from '../src/feishu/pipeline.js';
import { t, zhCN, type MessageKey } from '../src/text/zh-CN.js';

const COMMANDS_DIR = fileURLToPath(new URL('../commands/', import.meta.url));
const NOT_DEFINITIONS = new Set(['index.ts', 'hooks.ts']);
const definitionFiles = fs.readdirSync(COMMANDS_DIR).filter((f) => f.endsWith('.ts') && !NOT_DEFINITIONS.has(f)).sort();

const isAction = (v: unknown): boolean =>
  !!v && typeof v === 'object' && 'name' in v && 'audience' in v && 'payload' in v && typeof (v as { run?: unknown }).run === 'function';

const HAN = /\p{Script=Han}/u;

describe('commands/index.ts registers every command file', () => {
  it('finds the command files', () => {
    expect(definitionFiles.length).toBeGreaterThan(0);
  });

  it.each(definitionFiles)('%s: its default export is in `commands`, its action exports in `actions`', async (file) => {
    const mod = (await import(pathToFileURL(path.join(COMMANDS_DIR, file)).href)) as Record<string, unknown>;
    expect(mod.default, `${file} has no default export`).toBeDefined();
    expect(commands).toContain(mod.default);
    const exportedActions = Object.entries(mod).filter(([key, v]) => key !== 'default' && isAction(v));
    for (const [key, action] of exportedActions) expect(actions, `${file}: ${key}`).toContain(action);
  });

  it('registers nothing that no file defines', async () => {
    const mods = await Promise.all(definitionFiles.map((f) => import(pathToFileURL(path.join(COMMANDS_DIR, f)).href) as Promise<Record<string, unknown>>));
    expect(commands.length).toBe(mods.length);
    const defined = mods.flatMap((m) => Object.entries(m).filter(([k, v]) => k !== 'default' && isAction(v)).map(([, v]) => v));
    expect(new Set(actions)).toEqual(new Set(defined));
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
        expectTypeOf(ctx).toEqualTypeOf<CommandContext>();
        expectTypeOf(args).toEqualTypeOf<{ site?: string | undefined; hours: number }>();
      },
    });
    expectTypeOf(cmd).toEqualTypeOf<CommandDefinition<{ site?: string | undefined; hours: number }>>();
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
    expectTypeOf(cmd).toEqualTypeOf<CommandDefinition<number>>();
  });

  it('defineAction infers the payload type into `run`', () => {
    const action = defineAction({
      name: 'typed.action',
      audience: 'secretary',
      payload: z.object({ log: z.number().int() }),
      async run(ctx, payload) {
        expectTypeOf(ctx).toEqualTypeOf<ActionContext>();
        expectTypeOf(payload).toEqualTypeOf<{ log: number }>();
        return {};
      },
    });
    expectTypeOf(action).toEqualTypeOf<ActionDefinition<{ log: number }>>();
    expectTypeOf(action.run).returns.toEqualTypeOf<Promise<CardResponse>>();
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
