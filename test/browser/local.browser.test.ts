/**
 * Local mode in a real browser: Debian's headless Chromium (playwright-core) on a phone-sized
 * console. A student binds, checks in, shares a location, logs service in plain Chinese and
 * sends a photo;
 * the branch secretary approves it from the rendered card; the student sees 已认证 hours in
 * /我的; the 团委's digest shows its chart in the college group; a school with 1,000
 * communities still gets a log form. Nothing the bot sends is refused by the stand-in (no
 * developer note appears). Screenshots go to test-artifacts/local-*.png.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCommunitiesFile } from '../../src/app/import/communities.js';
import { startLocalMode, type LocalMode } from '../../src/local/index.js';
import { silentLogger } from '../../src/log.js';
import { photoJpeg } from '../helpers/photos.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = 'test-artifacts';
const STUDENT = 'ou_demo_2023010102';
const SECRETARY = 'ou_demo_2023010101';

let dir: string;
let local: LocalMode;
let browser: Browser;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: apt-get install -y chromium fonts-noto-cjk`);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpbot-local-browser-'));
  local = await startLocalMode({ port: 0, host: '127.0.0.1', databasePath: path.join(dir, 'demo.db'), timeZone: 'Asia/Shanghai', logLevel: 'silent', log: silentLogger });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  // Nothing may come from anywhere but the console itself (no CDN).
  page.on('request', (r) => {
    if (!r.url().startsWith(local.url) && !r.url().startsWith('data:')) problems.push(`outside request: ${r.url()}`);
  });
});

afterAll(async () => {
  await browser?.close();
  await local?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const shot = (name: string) => page.screenshot({ path: `${ARTIFACTS}/local-${name}.png`, fullPage: true });

async function as(openId: string, chat?: string) {
  await page.selectOption('#who', openId);
  if (chat) await page.selectOption('#chat', chat);
}

async function say(text: string) {
  await page.fill('#text', text);
  await page.press('#text', 'Enter');
}

/** The last bot message in the open chat whose text contains `text`. */
const botSaid = (text: string) => page.locator('.msg:not(.mine)').filter({ hasText: text }).last();

describe('local mode console in Chromium', () => {
  it('a student binds, checks in, shares a location, logs service in plain Chinese and sends a photo', async () => {
    await page.goto(`${local.url}/`);
    await expect.poll(() => page.locator('.banner').textContent()).toContain('本地体验模式');
    await as(STUDENT);
    await say('/绑定 2023010102 李浩然');
    await botSaid('绑定成功').waitFor();
    await say('/报到 洛阳社区');
    await botSaid('日常报到成功').locator('.card-head').waitFor();
    await page.getByRole('button', { name: '发送位置' }).tap();
    await botSaid('已记录你的位置').waitFor();
    await say('今天在洛阳社区给小学生辅导作业两小时');
    await botSaid('已记录：').waitFor();
    expect(await botSaid('已记录：').innerText()).toContain('待审核');
    // A photo from the file input: the bot downloads it from the stand-in and attaches it.
    await page.setInputFiles('#image', { name: 'service.jpg', mimeType: 'image/jpeg', buffer: await photoJpeg(7, { width: 640, height: 480 }) });
    await botSaid('已把照片附到').waitFor();
    expect(await page.locator('.msg.mine img').last().evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    // Readable on the phone: nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot('1-student');
  });

  it('the branch secretary approves from the rendered review card, which updates in place', async () => {
    await as(SECRETARY);
    const card = page.locator('.msg[data-type="interactive"]').filter({ hasText: '辅导作业' }).last();
    await card.waitFor();
    expect(await card.innerText()).toContain('李浩然');
    // The photo sent after the card went out is on it: uploaded by the bot, the card updated in place.
    const photo = card.locator('img').first();
    await photo.waitFor();
    await expect.poll(() => photo.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(100);
    await card.locator('select').first().selectOption('5');
    await shot('2-review');
    await card.getByRole('button', { name: '通过' }).tap();
    await expect.poll(async () => (await card.innerText()).includes('通过') && !(await card.getByRole('button', { name: '通过' }).count()), { timeout: 5000 }).toBe(true);
    await shot('3-approved');
  });

  it('the student sees the hours 已认证 in /我的', async () => {
    await as(STUDENT);
    await say('/我的');
    const mine = page.locator('.msg[data-type="interactive"]').filter({ hasText: '已认证' }).last();
    await mine.waitFor();
    expect(await mine.innerText()).toMatch(/已认证/);
    await shot('4-mine');
  });

  it('the digest posted now shows its chart in the college group', async () => {
    await page.getByRole('button', { name: '立即发布周报' }).tap();
    await as(STUDENT, 'oc_demo_college_1');
    const chart = page.locator('.msg[data-type="interactive"] .chart').last();
    await chart.waitFor({ timeout: 5000 });
    expect(await chart.locator('rect.bar').count()).toBeGreaterThan(0);
    await chart.scrollIntoViewIfNeeded();
    await page.locator('#toast').waitFor({ state: 'hidden' });
    await shot('5-digest');
    await page.getByRole('button', { name: '时间 +1 周' }).tap();
    await expect.poll(() => page.locator('#toast').textContent()).toContain('时间已前进 7 天');
    expect(problems).toEqual([]);
  });

  it('with 1,000 communities imported, the log form still arrives: a short list and a name to type', async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => `锦州市第${i + 1}号示范社区,社区,锦州市古塔区,,,,,`);
    const csv = Buffer.from(['名称,层级,所在地区,标签,联系人,联系电话,经度,纬度', ...rows].join('\n'));
    const summary = await importCommunitiesFile(local.bot.db, csv, 'communities.csv', local.clock.now());
    expect(summary.created).toBe(1000);
    await as(STUDENT, `oc_p2p_${STUDENT}`);
    await say('/记录');
    const form = page.locator('.msg[data-type="interactive"]').filter({ hasText: '记录服务' }).last();
    await form.waitFor();
    const options = await form.locator('select[data-name="community"] option').count();
    expect(options).toBeGreaterThan(1);
    expect(options).toBeLessThanOrEqual(21); // ≤ 20 and the empty choice
    await form.locator('[data-name="hours"]').fill('1.5');
    await form.locator('[data-name="description"]').fill('给社区老人讲解防诈骗知识');
    await form.locator('[data-name="item"]').selectOption('huodong');
    await form.locator('[data-name="community_name"]').fill('锦州市第777号示范社区');
    await page.locator('#toast').waitFor({ state: 'hidden' });
    await shot('6-log-form-1000');
    await form.getByRole('button', { name: '提交' }).tap();
    await expect.poll(() => form.innerText(), { timeout: 5000 }).toContain('第777号示范社区');
    // Nothing the bot sent in this whole walkthrough was refused or shown wrongly.
    expect(await page.locator('.msg.devnote').count()).toBe(0);
    expect([...local.standIn.refusals, ...local.standIn.defects]).toEqual([]);
  });
});
