/**
 * `npm run export -- <file.xlsx> [--year=2026-2027]`: writes the export workbook of the
 * current (or named) program year from DATABASE_PATH. Progress goes to stderr: one line
 * updated in place on a terminal, an occasional line otherwise (logs, CI).
 */
import fs from 'node:fs';
import path from 'node:path';
import { configOrExplain } from '../config.js';
import { closeDb, openDb } from '../db/client.js';
import { currentProgramYear } from '../domain/program.js';
import { writeWorkbook, type ExportProgress } from '../app/export/workbook.js';
import { t } from '../text/zh-CN.js';

const number = new Intl.NumberFormat('en-US');

function progressLine(): { report: ExportProgress; end(): void } {
  const tty = process.stderr.isTTY;
  let lastSheet = '';
  let lastAt = 0;
  return {
    report({ sheet, done, total }) {
      const line = t('export.cli.progress', { sheet, done: number.format(done), total: number.format(total) });
      if (tty) {
        process.stderr.write(`\r\x1b[K${line}`);
        return;
      }
      // Without a terminal every redraw would be a new line: print each sheet's end and one line every 5 s.
      const now = Date.now();
      if (sheet !== lastSheet || done === total || now - lastAt >= 5000) {
        process.stderr.write(`${line}\n`);
        lastSheet = sheet;
        lastAt = now;
      }
    },
    end() {
      if (tty) process.stderr.write('\r\x1b[K');
    },
  };
}

async function main(args: string[]): Promise<number> {
  const target = args.find((a) => a !== '--' && !a.startsWith('--'));
  const yearName = args.find((a) => a.startsWith('--year='))?.slice('--year='.length);
  if (!target || args.includes('--help') || args.includes('-h')) {
    console.error(t('export.cli.usage'));
    return target ? 0 : 1;
  }
  if (!target.toLowerCase().endsWith('.xlsx')) {
    console.error(t('export.cli.notXlsx', { path: target }));
    return 1;
  }
  const config = configOrExplain('offline');
  if (!config) return 1;
  const { databasePath: file, timeZone: tz } = config;
  if (!fs.existsSync(file)) {
    console.error(t('export.cli.noDatabase', { path: file }));
    return 1;
  }
  const db = openDb(file);
  try {
    const years = db.$client.prepare('SELECT id, name FROM program_years ORDER BY starts_on').all() as { id: number; name: string }[];
    const year = yearName ? years.find((y) => y.name === yearName) : currentProgramYear(db, { now: Date.now(), tz: tz });
    if (!year) {
      console.error(t('export.cli.noYear', { name: yearName ?? '', list: years.map((y) => y.name).join('、') || '—' }));
      return 1;
    }
    fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
    const started = Date.now();
    const progress = progressLine();
    const result = await writeWorkbook(db, year.id, target, progress.report, { timeZone: tz });
    progress.end();
    const size = fs.statSync(target).size;
    console.log(t('export.cli.done', {
      path: target, year: year.name, rows: number.format(result.rows),
      size: size >= 1 << 20 ? `${(size / (1 << 20)).toFixed(1)} MB` : `${Math.ceil(size / 1024)} KB`,
      seconds: ((Date.now() - started) / 1000).toFixed(1),
    }));
    return 0;
  } finally {
    closeDb(db);
  }
}

process.exitCode = await main(process.argv.slice(2));
