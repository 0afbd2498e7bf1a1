/**
 * `/名单` (团委): the roster as it stands — active and inactive members, archived units, the
 * last import — and how to send a new one. The flow of a roster file is src/app/files.ts (the
 * preview card); this module holds the card's choices (PRODUCT.md §8): a full import makes the
 * members the file does not list inactive, a partial one only adds and updates, or neither.
 * Who may choose is read from the database on every click; the card only names the import.
 */
import { z } from 'zod';
import { formatRosterSummary } from '../src/app/import/roster.js';
import { applyRosterImport, cancelRosterImport } from '../src/app/import/rosterPreview.js';
import { defineAction, defineCommand } from '../src/bot/define.js';
import { rosterApply, rosterCancel, rosterDoneCard } from '../src/cards/roster.js';
import { rosterStatus } from '../src/domain/rosterImports.js';
import { formatDateTime } from '../src/time.js';
import { t } from '../src/text/zh-CN.js';

export const command = defineCommand({
  name: 'roster',
  aliases: ['名单'],
  summary: 'cmd.roster.summary',
  example: 'cmd.roster.example',
  audience: 'school_admin',
  where: 'p2p',
  args: z.object({}),
  parse: () => ({}),
  async run(ctx) {
    const s = rosterStatus(ctx.db);
    const last = s.last
      ? t('rosterStatus.last', { file: s.last.fileName, at: formatDateTime(s.last.at, ctx.timeZone), mode: t(`rosterStatus.mode.${s.last.mode}`) })
      : t('rosterStatus.never');
    await ctx.reply(t('rosterStatus.text', {
      active: s.active, inactive: s.inactive,
      branches: s.branches.active, archivedBranches: s.branches.archived,
      colleges: s.colleges.active, archivedColleges: s.colleges.archived,
      last, pending: s.pendingId ? t('rosterStatus.pending') : '',
    }));
  },
});

const onApply = defineAction(rosterApply, {
  audience: 'school_admin',
  async run(ctx, { i, m }) {
    const summary = applyRosterImport(ctx.db, i, m, ctx.member, ctx.clock.now());
    ctx.log.info({ eventId: ctx.eventId, importId: i, mode: m, created: summary.created, updated: summary.updated, deactivated: summary.deactivated }, 'roster imported');
    return {
      toast: { type: 'success', content: t('rosterStatus.applied') },
      card: { type: 'raw', data: rosterDoneCard(t(`rosterStatus.doneTitle.${m}`), formatRosterSummary(summary)) },
    };
  },
});

const onCancel = defineAction(rosterCancel, {
  audience: 'school_admin',
  async run(ctx, { i }) {
    cancelRosterImport(ctx.db, i, ctx.clock.now());
    return { card: { type: 'raw', data: rosterDoneCard(t('rosterStatus.cancelledTitle'), t('preview.cancelled')) } };
  },
});

export const actions = [onApply, onCancel];
