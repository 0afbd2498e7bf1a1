/**
 * The community confirmation page in a real browser (PRODUCT.md §4): Debian's headless
 * Chromium, driven by playwright-core, on a phone-sized viewport. Run with
 * `npm run test:browser` (needs `apt-get install -y chromium`); screenshots go to
 * test-artifacts/. The HTTP-level cases (forged links, bad input, headers) are in
 * test/confirm.test.ts, which needs no browser.
 */
import fs from 'node:fs';
import { eq } from 'drizzle-orm';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewConfirmLink } from '../../src/cards/logs.js';
import { serviceLogs, type Member, type ServiceLog } from '../../src/db/schema/index.js';
import { CONFIRMATION_TTL_MS, issueConfirmation } from '../../src/domain/confirmations.js';
import { currentProgramYear } from '../../src/domain/program.js';
import { createLog } from '../../src/domain/serviceLogs.js';
import { dayjs, localDate } from '../../src/time.js';
import { bindDirect } from '../helpers/bot.js';
import { APP, startHarness, type Harness } from '../helpers/harness.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = 'test-artifacts';
const PHONE = { width: 390, height: 844 };
const SECRETARY = 'ou_browser_secretary';

let h: Harness;
let browser: Browser;
let secretary: Member;
let student: Member;
let day = 0;

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: apt-get install -y chromium (see README「可靠性与安全」)`);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  h = await startHarness({ config: { PUBLIC_BASE_URL: 'https://practice.example.edu.cn' } });
  await h.importRoster();
  secretary = bindDirect(h, '2023010101', SECRETARY);
  student = bindDirect(h, '2023010102', 'ou_browser_student');
  // playwright-core starts it with a fresh temporary --user-data-dir of its own.
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

afterAll(async () => {
  await browser?.close();
  await h?.close();
});

function phone(opts: { javaScriptEnabled?: boolean; width?: number } = {}): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: opts.width ?? PHONE.width, height: PHONE.height },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    javaScriptEnabled: opts.javaScriptEnabled ?? true,
  });
}

/** A pending self-reported log; set-up writes take the write lock first (see test/confirm.test.ts). */
function newLog(description: string): ServiceLog {
  const now = h.clock.now();
  const date = dayjs(localDate(now, h.config.timeZone)).subtract(day++, 'day').format('YYYY-MM-DD');
  return h.bot.db.transaction(
    () => createLog(h.bot.db, student, currentProgramYear(h.bot.db, { now, tz: h.config.timeZone }), { date, item: 'zoufang', hours: 2.5, mode: 'offline', description }, { source: 'self' }, { now, tz: h.config.timeZone }),
    { behavior: 'immediate' },
  );
}

const logRow = (id: number) => h.bot.db.select().from(serviceLogs).where(eq(serviceLogs.id, id)).get()!;

/** The local address of a link from a card (its host is PUBLIC_BASE_URL's, behind a proxy). */
const local = (link: string) => `${h.bot.url}${new URL(link).pathname}`;

/** Fails the test on anything the page itself complains about (a CSP violation, a 404 asset). */
function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of 410|status of 404/.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  return problems;
}

describe('community confirmation in Chromium', () => {
  let link: string;
  let log: ServiceLog;

  it('the secretary gets the link from the review card; the contact rates 4 stars, taps 确认 and sees the thank-you page', async () => {
    log = newLog('走访幸福社区物业公司，了解垃圾分类情况');
    const sentBefore = h.fake.messages.length;
    const click = await h.click(SECRETARY, reviewConfirmLink.value({ l: log.id }));
    expect(click.body.toast.type).toBe('success');
    const card = JSON.stringify(h.fake.messages.slice(sentBefore).find((m) => m.receiveId === SECRETARY)!.content);
    link = /https:\/\/practice\.example\.edu\.cn\/confirm\/[A-Za-z0-9_.-]+/.exec(card)![0];

    const context = await phone();
    const page = await context.newPage();
    const problems = watchConsole(page);
    const res = await page.goto(local(link));
    expect(res!.status()).toBe(200);

    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('请确认这次服务');
    const text = await page.locator('main').innerText();
    for (const shown of ['李浩然', '计算机科学与工程学院 计科2301团支部', log.serviceDate, '走访', '2.5 小时', '走访幸福社区物业公司，了解垃圾分类情况']) expect(text).toContain(shown);
    expect(text).not.toContain('2023010102');
    // Readable on the phone: nothing wider than the screen, and the style (nonce'd) applied.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(await page.getByRole('button', { name: '确认' }).evaluate((b) => getComputedStyle(b).backgroundColor)).toBe('rgb(31, 122, 90)');

    await page.locator('label[for="rating-4"]').tap();
    expect(await page.locator('#rating-4').isChecked()).toBe(true);
    // Four stars lit, the fifth not; the choice is said in words.
    const lit = await page.locator('.stars label').evaluateAll((labels) => labels.map((l) => getComputedStyle(l).color));
    expect(lit.filter((c) => c === 'rgb(245, 166, 35)')).toHaveLength(4);
    expect(await page.locator('.said-4').isVisible()).toBe(true);
    await page.locator('#comment').fill('小王很耐心，居民都说好');
    await page.screenshot({ path: `${ARTIFACTS}/confirm-form.png`, fullPage: true });

    const [answer] = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: '确认' }).tap()]);
    expect(answer!.status()).toBe(200);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('已确认，谢谢！');
    await page.screenshot({ path: `${ARTIFACTS}/confirm-thanks.png`, fullPage: true });

    expect(logRow(log.id)).toMatchObject({ communityRating: 4, communityConfirmedAt: h.clock.now(), source: 'community' });
    expect(JSON.stringify(h.fake.messages.at(-1)!.content)).toContain('小王很耐心，居民都说好');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('reopening the link shows the "already used" page', async () => {
    const context = await phone();
    const page = await context.newPage();
    const res = await page.goto(local(link));
    expect(res!.status()).toBe(410);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('这个链接已经使用过了');
    expect(await page.locator('form').count()).toBe(0);
    await page.screenshot({ path: `${ARTIFACTS}/confirm-used.png`, fullPage: true });
    expect(logRow(log.id).communityRating).toBe(4);
    await context.close();
  });

  it('an expired link shows the expired page', async () => {
    const expiring = newLog('社区图书角整理');
    const { token } = issueConfirmation(h.bot.db, expiring.id, APP.appSecret, h.clock.now(), undefined, secretary);
    const start = h.clock.ms;
    h.clock.advance(CONFIRMATION_TTL_MS + 60_000);
    const context = await phone();
    try {
      const page = await context.newPage();
      const res = await page.goto(`${h.bot.url}/confirm/${token}`);
      expect(res!.status()).toBe(410);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('链接已过期');
      await page.screenshot({ path: `${ARTIFACTS}/confirm-expired.png`, fullPage: true });
      expect(logRow(expiring.id).communityRating).toBeNull();
    } finally {
      h.clock.ms = start;
      await context.close();
    }
  });

  it('a forged link (one character changed) shows the invalid page and changes nothing', async () => {
    const target = newLog('社区义诊协助');
    const { token } = issueConfirmation(h.bot.db, target.id, APP.appSecret, h.clock.now(), undefined, secretary);
    const forged = token.slice(0, -3) + (token.at(-3) === 'A' ? 'B' : 'A') + token.slice(-2);
    const context = await phone();
    try {
      const page = await context.newPage();
      const res = await page.goto(`${h.bot.url}/confirm/${forged}`);
      expect(res!.status()).toBe(404);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('链接无效');
      expect(await page.locator('form').count()).toBe(0);
      await page.screenshot({ path: `${ARTIFACTS}/confirm-forged.png`, fullPage: true });
      expect(logRow(target.id).communityRating).toBeNull();
    } finally {
      await context.close();
    }
  });

  it('works with JavaScript off at 360 px: the browser asks for a rating first, then the plain form posts', async () => {
    const plain = newLog('协助社区开展防诈骗宣传');
    const { token } = issueConfirmation(h.bot.db, plain.id, APP.appSecret, h.clock.now(), undefined, secretary);
    const context = await phone({ javaScriptEnabled: false, width: 360 });
    try {
      const page = await context.newPage();
      await page.goto(`${h.bot.url}/confirm/${token}`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      // No star chosen: the required radio group keeps the form from being sent.
      await page.getByRole('button', { name: '确认' }).tap();
      await page.waitForTimeout(300);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('请确认这次服务');
      expect(logRow(plain.id).communityConfirmedAt).toBeNull();

      await page.locator('label[for="rating-2"]').tap();
      await page.screenshot({ path: `${ARTIFACTS}/confirm-form-360-nojs.png`, fullPage: true });
      await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: '确认' }).tap()]);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('已确认，谢谢！');
      expect(logRow(plain.id).communityRating).toBe(2);
    } finally {
      await context.close();
    }
  });
});
