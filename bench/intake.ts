/**
 * What a student's message costs the bot on the event loop at a large school (issue 12):
 * reading a plain-Chinese report against 1,000 communities (a fresh list per message, as the
 * bot reads it), hashing a 12-megapixel phone photo, and looking for the same photo among a
 * big college's photos of the year (80,000). Prints medians; no targets are set for these.
 *
 *   npm run bench:intake
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { closeDb, openDb } from '../src/db/client.js';
import type { Member } from '../src/db/schema/index.js';
import { attachEvidence } from '../src/domain/evidence.js';
import { photoHash } from '../src/domain/photos.js';
import { parseReport } from '../src/text/reportParser.js';
import { median } from './load.js';

const fmt = (ms: number) => `${ms.toFixed(2)} ms`;

function parser(): void {
  const districts = ['古塔区', '凌河区', '太和区', '浑南区', '和平区'];
  const list = Array.from({ length: 1000 }, (_, i) => ({ id: i + 1, name: `锦州市${districts[i % 5]}第${i + 1}街道幸福${i + 1}社区` }));
  const messages = Array.from({ length: 50 }, (_, i) => i % 2 ? `昨天下午在${list[i * 17]!.name}给三年级小朋友辅导作业，两个半小时` : `今天去敬老院陪老人聊天打扫卫生 2 小时`);
  const now = Date.parse('2026-11-25T07:00:00Z');
  const first = performance.now();
  parseReport({ text: messages[0]!, now, timeZone: 'Asia/Shanghai', communities: list.map((c) => ({ ...c })) });
  const firstMs = performance.now() - first;
  const times = messages.map((text) => {
    const communities = list.map((c) => ({ ...c }));
    const t0 = performance.now();
    parseReport({ text, now, timeZone: 'Asia/Shanghai', communities });
    return performance.now() - t0;
  });
  console.log(`report parser, 1,000 communities: first message ${fmt(firstMs)}, then median ${fmt(median(times))} a message (${times.length} messages)`);
}

/**
 * The slowest crafted message the parser reads (it reads 500 characters at most): runs of
 * joining words, digits and clauses with their own hours inside a few sentence frames — the
 * shapes that once made a regex backtrack or a loop read every pair of clauses.
 */
function craftedReports(): void {
  const now = Date.parse('2026-11-25T07:00:00Z');
  const read = (text: string) => {
    const t0 = performance.now();
    parseReport({ text, now, timeZone: 'Asia/Shanghai', communities: [{ id: 1, name: '幸福里社区' }], pairedCommunityId: 1 });
    return performance.now() - t0;
  };
  read('今天扫雪2小时');
  const units = ['修1h，', '修1h。', '扫雪1h;', '扫雪1小时，入户1小时，', '在社区在社区组织', '及', '和', '、', '还有', '了', '服务', '帮', '准备', '每次', '一部分', '1', '，', '各'];
  const frames = [(x: string) => `今天在幸福里${x}去各1小时扫雪`, (x: string) => x, (x: string) => `今天${x}2小时`, (x: string) => `准备${x}，做了，1小时`];
  let worst = { ms: 0, shape: '' };
  for (const unit of units) {
    for (const frame of frames) {
      const room = 500 - frame('').length;
      const text = frame(unit.repeat(Math.ceil(room / unit.length)).slice(0, room));
      const ms = Math.min(read(text), read(text));
      if (ms > worst.ms) worst = { ms, shape: `「${unit}」 repeated` };
    }
  }
  console.log(`report parser, slowest crafted 500-character message: ${fmt(worst.ms)} (${worst.shape}; ${units.length * frames.length} shapes)`);
}

async function photo(): Promise<void> {
  const width = 4000;
  const height = 3000;
  // Sensor-like noise: a worst case for the decoder (a real photo compresses better).
  const jpeg = await sharp({ create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 30 } } }).jpeg({ quality: 85 }).toBuffer();
  await photoHash(jpeg); // loads sharp
  const times: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    await photoHash(jpeg);
    times.push(performance.now() - t0);
  }
  console.log(`photo hash, ${width}×${height} JPEG (${(jpeg.length / 1e6).toFixed(1)} MB): median ${fmt(median(times))} (decoded off the event loop by libvips)`);
}

function reusedPhoto(): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpbot-bench-intake-'));
  const db = openDb(path.join(dir, 'bench.db'));
  try {
    const c = db.$client;
    c.pragma('foreign_keys = OFF');
    for (const { name } of c.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").all() as { name: string }[]) c.exec(`DROP TRIGGER ${name}`);
    const log = c.prepare("INSERT INTO service_logs (id, member_id, branch_id, college_id, program_year_id, service_date, item, half_hours, mode, description, source, status, dedupe_key, created_at) VALUES (?, ?, 1, ?, 1, '2026-11-01', 'shishi', 2, 'offline', 'x', 'self', 'approved', ?, ?)");
    const ev = c.prepare('INSERT INTO service_log_evidence (log_id, image_key, image_hash, created_at) VALUES (?, ?, ?, 0)');
    // Unrelated photos: random 64-bit hashes (none within the distance of another, in practice).
    const hex = () => randomBytes(8).toString('hex');
    c.transaction(() => {
      for (let i = 1; i <= 400_000; i++) {
        const college = i % 4 === 0 ? 1 : 2;
        log.run(i, (i % 5000) + 1, college, `k${i}`, 0);
        if (college === 1 && i % 5 !== 0) ev.run(i, `img_${i}`, hex());
      }
      log.run(500_000, 7, 1, 'latest', 0);
    })();
    c.exec('ANALYZE');
    const member = { id: 7 } as Member;
    const times: number[] = [];
    for (let r = 0; r < 7; r++) {
      c.prepare('UPDATE service_logs SET created_at = ? WHERE id = 500000').run(Date.now());
      const t0 = performance.now();
      attachEvidence(db, member, { imageKey: `new_${r}`, messageId: `m${r}`, imageHash: hex() }, Date.now());
      times.push(performance.now() - t0);
    }
    console.log(`reused-photo check, 80,000 photos in the college's year: median ${fmt(median(times))} a photo (event loop)`);
  } finally {
    closeDb(db);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

parser();
craftedReports();
await photo();
reusedPhoto();
