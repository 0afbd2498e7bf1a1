/**
 * `/导出`: the school admin's Excel workbook of the current program year (PRODUCT.md §6),
 * written to a temp folder, uploaded, and sent back to them as Feishu files. Feishu takes
 * files up to 30 MB, so a large school's workbook is written in parts of at most that size,
 * each a complete workbook, and the answer says which sheets each part holds. It holds 学号
 * and 手机, which only the school admin may see; the role is checked in the database.
 */
import path from 'node:path';
import { z } from 'zod';
import { defineCommand } from '../src/bot/define.js';
import { UserError } from '../src/bot/errors.js';
import { writeWorkbook } from '../src/app/export/workbook.js';
import { withTempDir } from '../src/app/tempDir.js';
import { highestLogId } from '../src/domain/serviceLogs.js';
import { FeishuApiError, fileLimitMb } from '../src/feishu/api.js';
import { today } from '../src/time.js';
import { t } from '../src/text/zh-CN.js';

/** Logs past which the export takes long enough (over a second or so) to announce it. */
const SLOW_EXPORT_LOGS = 50_000;

export const command = defineCommand({
  name: 'export',
  aliases: ['导出'],
  summary: 'cmd.export.summary',
  example: 'cmd.export.example',
  audience: 'school_admin',
  args: z.object({ extra: z.literal('', { error: t('export.noArgs') }) }),
  parse: (rest) => ({ extra: rest.trim() }),
  async run(ctx) {
    const year = ctx.program;
    const date = today(ctx.when).replaceAll('-', '');
    // A big school's workbook takes a while (2M logs: ≈ 40 s): say so first. Decided on the
    // data, not on a timer; and the notice has its uuid slot either way, so an event processed
    // again gives every later message the uuid it had the first time.
    if (highestLogId(ctx.db) > SLOW_EXPORT_LOGS) await ctx.reply(t('export.started', { year: year.name }));
    else ctx.nextUuid();
    await withTempDir('export', async (dir) => {
      const result = await writeWorkbook(ctx.db, year.id, (part) => path.join(dir, `part${part}.xlsx`), undefined, {
        timeZone: ctx.timeZone,
        maxBytes: ctx.feishu.fileMaxBytes,
      });
      const parts = result.files.length;
      const names = result.files.map((_, i) => (parts === 1 ? t('export.fileName', { date }) : t('export.fileNamePart', { date, part: i + 1, parts })));
      // Every part is uploaded before anything is sent: the admin gets all of them or none.
      const keys: string[] = [];
      for (const [i, file] of result.files.entries()) {
        try {
          keys.push((await ctx.feishu.uploadFile({ path: file, name: names[i]!, type: 'xls' })).fileKey);
        } catch (err) {
          if (!(err instanceof FeishuApiError)) throw err;
          ctx.log.warn({ eventId: ctx.eventId, err: err.message }, 'export upload failed');
          throw new UserError('export.failed', { problem: t('export.uploadFailed') });
        }
      }
      if (parts === 1) await ctx.reply(t('export.done', { year: year.name, file: names[0]! }));
      else {
        const list = names.map((file, i) => t('export.partLine', { file, sheets: result.sheets.filter((s) => s.part === i + 1).map((s) => s.name).join('、') }));
        await ctx.reply(t('export.doneParts', { year: year.name, parts, mb: fileLimitMb(ctx.feishu), list: list.join('\n') }));
      }
      for (const fileKey of keys) await ctx.notify(ctx.sender.openId, { file: { fileKey } });
    });
  },
});

export const actions = [];
