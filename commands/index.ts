/**
 * The explicit registry: every command module, listed once. Each exports its `command` and the
 * `actions` of its flow (src/bot/define.ts); a test checks that each file in this folder is
 * listed here.
 */
import type { CommandModule } from '../src/bot/define.js';
import type { Registry } from '../src/bot/router.js';
import * as bind from './bind.js';
import * as bindgroup from './bindgroup.js';
import * as unbind from './unbind.js';
import * as roster from './roster.js';
import * as safety from './safety.js';
import * as branch from './branch.js';
import * as caseCommand from './case.js';
import * as checkin from './checkin.js';
import * as college from './college.js';
import * as digest from './digest.js';
import * as exportCommand from './export.js';
import * as help from './help.js';
import * as log from './log.js';
import * as me from './me.js';
import * as mode from './mode.js';
import * as overview from './overview.js';
import * as pair from './pair.js';
import * as positions from './positions.js';
import * as project from './project.js';
import * as recommend from './recommend.js';
import * as report from './report.js';
import * as review from './review.js';
import * as team from './team.js';
import * as org from './org.js';

export { hooks } from './hooks.js';

/** In /help's order. */
export const modules: readonly CommandModule[] = [help, bind, me, checkin, log, review, bindgroup, pair, branch, project, positions, recommend, college, overview, digest, exportCommand, mode, report, caseCommand, roster, unbind, safety, team, org];

export const commands = modules.map((m) => m.command);
export const actions = modules.flatMap((m) => m.actions);

export const registry: Registry = { commands, actions };
