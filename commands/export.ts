/**
 * `/导出`: the school admin's Excel workbook of the current program year (PRODUCT.md §6),
 * written to a temp file, uploaded, and sent back to them as a Feishu file. It holds 学号
 * and 手机, which only the school admin may see; the role is checked in the database.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { defineCommand } from '../src/bot/define.js';
import { writeWorkbook } from '../src/domain/export/workbook.js';
import { localDate } from '../src/domain/time.js';
import { t } from '../src/text/zh-CN.js';

export default defineCommand({
  name: 'export',
  aliases: ['导出'],
  summary: 'cmd.export.summary',
  example: 'cmd.export.example',
  audience: 'school_admin',
  args: z.object({ extra: z.literal('', { error: t('export.noArgs') }) }),
  parse: (rest) => ({ extra: rest.trim() }),
  async run(ctx) {
    const year = ctx.program;
    const name = t('export.fileName', { date: localDate(ctx.clock.now(), ctx.timeZone).replaceAll('-', '') });
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cpbot-export-'));
    try {
      const file = path.join(dir, 'export.xlsx');
      await writeWorkbook(ctx.db, year.id, file, undefined, { timeZone: ctx.timeZone });
      const { fileKey } = await ctx.feishu.uploadFile({ path: file, name, type: 'xls' });
      await ctx.notify(ctx.sender.openId, { file: { fileKey } });
      await ctx.reply(t('export.done', { year: year.name, file: name }));
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  },
});
