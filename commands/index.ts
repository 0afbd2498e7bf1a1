/**
 * The explicit registry: every chat command and card action the bot knows. A test checks
 * that each file in this folder is registered here.
 */
import type { Registry } from '../src/bot/router.js';
import bind, { bindSubmit } from './bind.js';
import bindgroup from './bindgroup.js';
import branch, { branchRefresh } from './branch.js';
import checkin, { checkout } from './checkin.js';
import college, { collegeRefresh } from './college.js';
import digest from './digest.js';
import exportCommand from './export.js';
import help from './help.js';
import log, { logSubmit } from './log.js';
import me, { logWithdraw, meRefresh } from './me.js';
import mode, { settingsNextYear, settingsSave } from './mode.js';
import overview, { overviewRefresh } from './overview.js';
import pair, { pairingAwaitFile, pairingCreate, pairingEnd, pairingEndAsk, pairingSave, pairingShow } from './pair.js';
import positions, { collegePositionAdd, collegePositionForm, positionConfirm, positionMatch, positionSignup, positionWithdraw } from './positions.js';
import project, { positionAdd, positionForm, projectEdit, projectNew, projectSave } from './project.js';
import report, { reportSave, reportSubmit } from './report.js';
import caseCommand from './case.js';
import recommend, { recommendAppoint, recommendForm, recommendSubmit } from './recommend.js';
import review, { approve, approveAll, confirmLink, reject, rejectAsk } from './review.js';

export { hooks } from './hooks.js';

export const commands = [help, bind, me, checkin, log, review, bindgroup, pair, branch, project, positions, recommend, college, overview, digest, exportCommand, mode, report, caseCommand];

export const actions = [bindSubmit, pairingCreate, pairingSave, pairingAwaitFile, pairingEndAsk, pairingEnd, pairingShow, branchRefresh, meRefresh, checkout, logSubmit, logWithdraw, approve, rejectAsk, reject, approveAll, confirmLink, projectNew, projectEdit, projectSave, positionForm, positionAdd, positionSignup, positionWithdraw, positionMatch, positionConfirm, recommendForm, recommendSubmit, recommendAppoint, collegePositionForm, collegePositionAdd, collegeRefresh, overviewRefresh, settingsSave, settingsNextYear, reportSave, reportSubmit];

export const registry: Registry = { commands, actions };
