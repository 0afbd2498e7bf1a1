/**
 * The explicit registry: every chat command and card action the bot knows. A test checks
 * that each file in this folder is registered here.
 */
import type { Registry } from '../src/bot/router.js';
import bind, { bindSubmit } from './bind.js';
import bindgroup from './bindgroup.js';
import checkin, { checkout } from './checkin.js';
import help from './help.js';
import log, { logSubmit } from './log.js';
import me, { logWithdraw, meRefresh } from './me.js';
import review, { approve, approveAll, confirmLink, reject, rejectAsk } from './review.js';

export { hooks } from './hooks.js';

export const commands = [help, bind, me, checkin, log, review, bindgroup];

export const actions = [bindSubmit, meRefresh, checkout, logSubmit, logWithdraw, approve, rejectAsk, reject, approveAll, confirmLink];

export const registry: Registry = { commands, actions };
