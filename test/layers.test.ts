/**
 * The layering of STYLE.md ("The shape of the house"), kept by the import graph: data flows
 * transport → bot → commands → app → domain → db, and every import in src/ and commands/
 * (static `import` / `export … from`, dynamic `import()`, `require()`, `import('…')` types)
 * goes from a layer to itself or to one below it. The one way up is CONTRACTS: a layer
 * implements the contract of the layer that calls it (the bot declares `defineCommand` and the
 * contexts, commands import them; the pipeline declares its handler, the bot implements it).
 *
 * Type-only imports are judged like any other. A type names the module it comes from: a
 * domain function typed by the bot's context, or a card typed by a command's view model, ties
 * the lower layer to the upper one just the same (a change up there breaks the build down
 * here, and the lower layer can no longer be used without the upper one). The rows of
 * NARROWED below are where the kind matters: there only types (or enum constants) may cross.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/** Highest first: a module may import its own layer and the layers after it. */
const ORDER = [
  'transport', // src/feishu, src/http, src/web: events in, the FeishuApi port out, the confirmation page
  'bot', //       src/bot: contexts, define, router, the error boundary
  'commands', //  commands/*: read arguments, call app or domain, pick a card
  'jobs', //      src/jobs: scheduled work (digests, reminders); /digest runs one on demand
  'app', //       src/app: use cases shared by commands, hooks, the web page and jobs; renders what domain returns
  'cards', //     src/cards: pure card builders over domain types and read models, and the text
  'domain', //    src/domain: the rules over the database, returning data (no rendering)
  'outbox', //    src/jobs/outbox*, rateLimit, jobRuns, ports: the message table and its sender
  'db', //        src/db: client and schema
] as const;
type Layer = (typeof ORDER)[number];
/** `root`: composition roots, which wire everything and may import anything. `base`: imported from anywhere, imports only base. */
type Place = Layer | 'root' | 'base';

/** Where a file sits (path from the repository root): the first pattern that matches. */
const PLACES: [RegExp, Place][] = [
  [/^src\/(main|app)\.ts$|^src\/(cli|local)\//, 'root'],
  // Shared base: the catalogue and its renderer, the NL parsers, time, clock, log, config, and the
  // Feishu port's types and constants (pure: no SDK, no transport).
  [/^src\/(text\/|time\.ts$|clock\.ts$|log\.ts$|config\.ts$|feishu\/(api|cardLimits)\.ts$)/, 'base'],
  [/^src\/(feishu|http|web)\//, 'transport'],
  [/^src\/bot\//, 'bot'],
  [/^commands\//, 'commands'],
  [/^src\/jobs\/(outbox\w*|rateLimit|jobRuns|ports)\.ts$/, 'outbox'],
  [/^src\/jobs\//, 'jobs'],
  [/^src\/app\//, 'app'],
  [/^src\/cards\//, 'cards'],
  [/^src\/domain\//, 'domain'],
  [/^src\/db\//, 'db'],
];

/**
 * The upward imports there are: each a layer importing the contract its caller declares (dependency
 * inversion), never the caller's machinery. Anything else up the order is an error.
 */
const CONTRACTS: { from: Layer; to: RegExp; only?: 'types' }[] = [
  { from: 'commands', to: /^src\/bot\/(define|context|router|forms|roles|errors)\.ts$/ }, // definers, contexts, toast/rawCard
  { from: 'commands', to: /^src\/bot\/bot\.ts$/, only: 'types' }, // the Hooks interface
  { from: 'bot', to: /^src\/feishu\/(events|envelope)\.ts$/ }, // the parsed event and card-value schemas
  { from: 'bot', to: /^src\/feishu\/pipeline\.ts$/, only: 'types' }, // EventHandler, CardResponse
];

/**
 * Edges the order allows, narrowed: from these places, into `to`, only the kinds of import `only` says
 * (and the `except` names, from the files `except` names).
 */
const NARROWED: { from: Place[]; to: RegExp; only: 'types' | 'types and CONSTANTS'; except?: { file: RegExp; names: string[] }[]; why: string }[] = [
  {
    from: ['domain'],
    to: /^src\/text\//,
    only: 'types',
    why: 'domain returns data: it may name catalogue keys (MessageKey, Message — a key is data) but renders nothing',
  },
  {
    from: ['transport', 'bot', 'commands', 'jobs', 'app', 'cards'],
    to: /^src\/db\//,
    only: 'types and CONSTANTS',
    // Upkeep of the connection, not a query: the hourly job keeps the planner statistics current.
    except: [{ file: /^src\/jobs\/housekeeping\.ts$/, names: ['keepStatistics'] }],
    why: 'above the domain the database is reached through domain functions: row types and enum constants (ITEMS), never tables',
  },
];

/** npm packages only some places may import (type-only imports included). */
const PACKAGES: { name: RegExp; in: Place[]; why: string }[] = [
  { name: /^(koa|@larksuiteoapi\/node-sdk)(\/|$)/, in: ['root', 'transport'], why: 'business code never sees koa or the SDK' },
  { name: /^drizzle-orm(\/|$)/, in: ['root', 'domain', 'outbox', 'db'], why: 'queries live in the domain (and the db layer)' },
  // The inbound event store (src/feishu/eventStore, eventWriter) keeps its dedupe rows on its own connection.
  { name: /^better-sqlite3$/, in: ['root', 'transport', 'domain', 'outbox', 'db'], why: 'queries live in the domain (and the db layer)' },
];

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SOURCE = /\.(ts|mts|cts|js|mjs|cjs)$/;

interface Edge {
  from: string;
  /** A repository path for a relative import, else the package name. */
  to: string;
  typeOnly: boolean;
  /** The names imported (a value import of `*` or a default is named so). */
  names: string[];
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return filesUnder(rel);
    return SOURCE.test(e.name) && !e.name.endsWith('.d.ts') ? [rel] : [];
  });
}

/** `./x.js` → `src/…/x.ts` as on disk (TypeScript's NodeNext spelling), a folder → its index. */
function resolve(from: string, spec: string): string {
  const base = path.posix.join(path.posix.dirname(from), spec);
  const candidates = [base, base.replace(/\.(m|c)?js$/, '.$1ts'), `${base}.ts`, `${base}/index.ts`];
  return candidates.find((c) => fs.existsSync(path.join(ROOT, c)) && fs.statSync(path.join(ROOT, c)).isFile()) ?? base;
}

function importsOf(file: string): Edge[] {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const edges: Edge[] = [];
  const add = (spec: string, typeOnly: boolean, names: string[]) =>
    edges.push({ from: file, to: spec.startsWith('.') ? resolve(file, spec) : spec, typeOnly, names });
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const bindings = clause?.namedBindings;
      const named = bindings && ts.isNamedImports(bindings) ? bindings.elements : undefined;
      const values = [
        ...(clause?.name ? ['default'] : []),
        ...(bindings && ts.isNamespaceImport(bindings) ? ['*'] : []),
        ...(named ?? []).filter((e) => !e.isTypeOnly).map((e) => (e.propertyName ?? e.name).text),
      ];
      // `import 'x'` (for its effects) is a value import of nothing in particular.
      const typeOnly = !!clause && (clause.isTypeOnly || values.length === 0);
      add(node.moduleSpecifier.text, typeOnly, clause ? values : ['*']);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const named = node.exportClause && ts.isNamedExports(node.exportClause) ? node.exportClause.elements : undefined;
      const values = named ? named.filter((e) => !e.isTypeOnly).map((e) => (e.propertyName ?? e.name).text) : ['*'];
      add(node.moduleSpecifier.text, node.isTypeOnly || values.length === 0, values);
    } else if (ts.isCallExpression(node) && node.arguments.length === 1 && ts.isStringLiteralLike(node.arguments[0]!)) {
      const isDynamic = node.expression.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require';
      if (isDynamic || isRequire) add((node.arguments[0] as ts.StringLiteralLike).text, false, ['*']);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      add(node.argument.literal.text, true, []);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return edges;
}

const placeOf = (file: string): Place | undefined => PLACES.find(([re]) => re.test(file))?.[1];
const rank = (p: Layer) => ORDER.indexOf(p);
const CONSTANT = /^[A-Z][A-Z0-9_]*$/;

/** Why an edge breaks the layering, or undefined when it does not. */
function verdict(edge: Edge): string | undefined {
  const from = placeOf(edge.from)!;
  const kind = edge.typeOnly ? 'type import' : `import of ${edge.names.join(', ') || 'the module'}`;
  if (!edge.to.startsWith('src/') && !edge.to.startsWith('commands/') && !edge.to.startsWith('.')) {
    if (edge.to.startsWith('node:') || !/^[@a-z]/.test(edge.to)) return undefined;
    const rule = PACKAGES.find((p) => p.name.test(edge.to));
    if (rule && !rule.in.includes(from)) return `${from} may not import ${edge.to}: ${rule.why}`;
    return undefined;
  }
  if (!fs.existsSync(path.join(ROOT, edge.to))) return `unresolved ${kind}`;
  const to = placeOf(edge.to);
  if (!to) return `${edge.to} has no place in PLACES`;
  if (from !== 'root') {
    if (to === 'root') return `${from} may not import a composition root`;
    if (from === 'base' && to !== 'base') return `base may import only base, not ${to}`;
    if (from !== 'base' && to !== 'base' && rank(to) < rank(from)) {
      const contract = CONTRACTS.find((c) => c.from === from && c.to.test(edge.to));
      if (!contract) return `${from} may not import ${to} (${to} is above ${from}; only CONTRACTS go up)`;
      if (contract.only === 'types' && !edge.typeOnly) return `${from} may import only types from ${edge.to} (a contract), not ${edge.names.join(', ')}`;
    }
  }
  for (const n of NARROWED) {
    if (!n.from.includes(from) || !n.to.test(edge.to)) continue;
    const excepted = (name: string) => !!n.except?.some((x) => x.file.test(edge.from) && x.names.includes(name));
    const allowed = edge.typeOnly || (n.only === 'types and CONSTANTS' && edge.names.length > 0 && edge.names.every((name) => CONSTANT.test(name) || excepted(name)));
    if (!allowed) return `${from} may import only ${n.only} from ${edge.to.split('/').slice(0, 2).join('/')}/ (this is an ${kind}): ${n.why}`;
  }
  return undefined;
}

const FILES = [...filesUnder('src'), ...filesUnder('commands')].sort();
const EDGES = FILES.flatMap(importsOf);

describe('the import graph keeps the layers', () => {
  it('places every file of src/ and commands/', () => {
    expect(FILES.filter((f) => !placeOf(f))).toEqual([]);
  });

  it('has no edge against transport → bot → commands → jobs → app → cards → domain → outbox → db', () => {
    const broken = EDGES.flatMap((e) => {
      const why = verdict(e);
      return why ? [`${e.from} → ${e.to}${e.typeOnly ? ' (type)' : ''}: ${why}`] : [];
    });
    expect(broken).toEqual([]);
  });

  it('judges the edges it should (the rules are not vacuous)', () => {
    const edge = (from: string, to: string, typeOnly = false, names = ['x']): Edge => ({ from, to, typeOnly, names });
    expect(verdict(edge('src/domain/review.ts', 'src/bot/context.ts', true))).toMatch(/domain may not import bot/);
    expect(verdict(edge('src/app/review.ts', 'src/bot/context.ts', true))).toMatch(/app may not import bot/);
    expect(verdict(edge('commands/log.ts', 'src/bot/define.ts', false, ['defineCommand']))).toBeUndefined();
    expect(verdict(edge('commands/hooks.ts', 'src/bot/bot.ts', false, ['Bot']))).toMatch(/only types/);
    expect(verdict(edge('src/cards/logs.ts', 'src/bot/define.ts', true))).toMatch(/cards may not import bot/);
    expect(verdict(edge('src/text/t.ts', 'src/domain/errors.ts', true))).toMatch(/base may import only base/);
    expect(verdict(edge('src/domain/cases.ts', 'src/text/zh-CN.ts', false, ['t']))).toMatch(/only types/);
    expect(verdict(edge('src/domain/cases.ts', 'src/text/zh-CN.ts', true))).toBeUndefined();
    expect(verdict(edge('commands/me.ts', 'src/db/schema/index.ts', false, ['members']))).toMatch(/only types and CONSTANTS/);
    expect(verdict(edge('commands/me.ts', 'src/db/schema/index.ts', false, ['ITEMS']))).toBeUndefined();
    expect(verdict(edge('commands/me.ts', 'drizzle-orm'))).toMatch(/may not import drizzle-orm/);
    expect(verdict(edge('src/jobs/reminders.ts', 'src/db/schema/index.ts', false, ['members']))).toMatch(/jobs may import only types and CONSTANTS/);
    expect(verdict(edge('src/jobs/digest.ts', 'src/db/client.ts', false, ['writeTransaction']))).toMatch(/only types and CONSTANTS/);
    expect(verdict(edge('src/jobs/digest.ts', 'src/db/client.ts', false, ['keepStatistics']))).toMatch(/only types and CONSTANTS/);
    expect(verdict(edge('src/jobs/housekeeping.ts', 'src/db/client.ts', false, ['keepStatistics']))).toBeUndefined();
    expect(verdict(edge('src/jobs/digest.ts', 'src/db/schema/index.ts', true))).toBeUndefined();
    expect(verdict(edge('src/jobs/reminders.ts', 'drizzle-orm', false, ['eq']))).toMatch(/jobs may not import drizzle-orm/);
    expect(verdict(edge('src/jobs/jobRuns.ts', 'drizzle-orm', false, ['eq']))).toBeUndefined();
    expect(verdict(edge('src/jobs/outbox.ts', 'src/db/schema/index.ts', false, ['outbox']))).toBeUndefined();
    expect(verdict(edge('src/cards/logs.ts', 'koa', true))).toMatch(/may not import koa/);
    expect(EDGES.some((e) => e.from === 'commands/index.ts' && e.to === 'commands/bind.ts')).toBe(true);
    expect(EDGES.some((e) => e.typeOnly)).toBe(true);
  });
});

describe('nothing above the domain queries the database', () => {
  // The import rules keep tables and drizzle out of these layers; this catches the rest (a raw
  // statement on `db.$client`, the relational `db.query` API, a transaction opened by hand).
  const QUERY = /\bdb\s*\??\.\s*(select|selectDistinct|insert|update|delete|query|transaction|run|get|all|values|\$client|\$count)\b/;
  // Not transport: the inbound event store (src/feishu/eventStore.ts) keeps its own dedupe rows.
  // Not the outbox layer under the jobs (its message and job-run tables).
  const ABOVE_DOMAIN = FILES.filter((f) => ['bot', 'commands', 'jobs', 'app', 'cards'].includes(placeOf(f)!));

  it('has no query in bot, commands, jobs, app or cards', () => {
    const found = ABOVE_DOMAIN.flatMap((f) =>
      fs.readFileSync(path.join(ROOT, f), 'utf8').split('\n').flatMap((line, i) => (QUERY.test(line) ? [`${f}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(found).toEqual([]);
  });
});
