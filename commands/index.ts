/**
 * The explicit registry: every chat command and card action the bot knows. A test checks
 * that each file in this folder is registered here.
 */
import type { Registry } from '../src/bot/router.js';
import bind, { bindSubmit } from './bind.js';
import bindgroup from './bindgroup.js';
import help from './help.js';
import me, { meRefresh } from './me.js';

export { hooks } from './hooks.js';

export const commands = [help, bind, me, bindgroup];

export const actions = [bindSubmit, meRefresh];

export const registry: Registry = { commands, actions };
