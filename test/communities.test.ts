/**
 * Communities (PRODUCT.md §5): one row per place however its name is typed. The matching
 * table (width, spaces, a missing or long-form suffix, a district prefix; different places
 * kept apart), find-or-create and upsert as the pairing card uses them, tags, and the bot
 * finding an imported place from a student's loose spelling.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDb, openDb, type Db } from '../src/db/client.js';
import { communities } from '../src/db/schema/index.js';
import {
  coreName, communityTags, findCommunity, findOrCreateCommunity, levelFromName, matchKey, namesMatch, setTags, upsertCommunity,
} from '../src/domain/communities.js';
import { importCommunitiesFile } from '../src/app/import/communities.js';
import { UserError } from '../src/domain/errors.js';
import { render } from '../src/text/message.js';
import { ACCOUNTS, checkIn, checkinsOf, startLoop } from './helpers/loop.js';

const NOW = Date.UTC(2026, 10, 1, 2, 0);
let db: Db;
beforeEach(() => { db = openDb(':memory:'); });
afterEach(() => closeDb(db));

const rows = () => db.select().from(communities).all();

describe('the same place, however it is typed', () => {
  it.each([
    ['幸福社区', '幸福社区'],
    ['幸福社区', '幸福 社区'],
    ['幸福社区', ' 幸福社区 '],
    ['幸福社区', '幸福社区居委会'],
    ['幸福社区', '幸福社区居民委员会'],
    ['幸福社区', '幸福居委会'],
    ['幸福社区', '幸福'],
    ['ＡＢＣ社区', 'abc社区'], // full-width letters, case
    ['幸福社区（一期）', '幸福社区(一期)'], // full-width brackets
    ['北街街道', '北街'],
    ['北街街道', '北街街道办事处'],
    ['北街街道', '北 街 街 道'],
    ['石桥子村', '石桥子村委会'],
    ['石桥子村', '石桥子'],
    ['新民乡', '新民乡人民政府'],
    ['新民乡', '新民镇'], // a 乡 that became a 镇 is still the same 乡镇
    ['第2社区', '第２社区'], // full-width digit
  ])('%s = %s', (a, b) => {
    expect(namesMatch({ name: a }, { name: b })).toBe(true);
    expect(namesMatch({ name: b }, { name: a })).toBe(true);
  });

  it.each([
    ['北街街道', '锦州市古塔区', '古塔区北街街道'],
    ['北街街道', '锦州市古塔区', '锦州市古塔区北街'],
    ['北街街道', '锦州市古塔区', '辽宁省锦州市古塔区北街街道'],
    ['北街街道', null, '古塔区北街街道'], // region unknown: the district is taken at its word
    ['七里河镇', '锦州市义县', '义县七里河'],
  ])('%s in %s = %s (a district in front)', (name, region, typed) => {
    expect(namesMatch({ name, region }, { name: typed })).toBe(true);
  });

  it.each([
    ['幸福社区', '幸福里社区'],
    ['幸福社区', '幸福村'], // two explicit, different levels
    ['北街街道', '北街社区'],
    ['北街街道', '东北街街道'], // 东 is no district
    ['新民乡', '新民街道'],
    ['北街街道', '凌河区北街街道', '锦州市古塔区'], // a district the known region contradicts
    ['新村', '新镇'], // one-character cores are whole names
    ['花园社区', '城市花园社区'], // 城市 is no district
    ['阳光社区', '小区阳光社区'],
  ])('%s ≠ %s', (a, b, region?: string) => {
    expect(namesMatch({ name: a, region }, { name: b })).toBe(false);
    expect(namesMatch({ name: b }, { name: a, region })).toBe(false);
  });

  it('keys and levels come from the suffix', () => {
    expect(matchKey('幸福社区居委会')).toBe('幸福社区');
    expect(matchKey('幸福 社区')).toBe('幸福社区');
    expect(matchKey('北街街道办事处')).toBe('北街街道');
    expect(coreName('幸福社区居委会')).toBe('幸福');
    expect(coreName('新村')).toBe('新村');
    expect([levelFromName('幸福社区'), levelFromName('北街街道'), levelFromName('石桥子村'), levelFromName('新民乡'), levelFromName('锦州市青少年宫')])
      .toEqual(['community', 'street', 'village', 'town', undefined]);
  });
});

describe('find-or-create and upsert (what the pairing card calls)', () => {
  it('never creates a second row for 幸福社区 / 幸福 社区 / 幸福社区居委会 / full width', () => {
    const first = findOrCreateCommunity(db, '幸福社区', NOW);
    expect(first).toMatchObject({ created: true, community: { name: '幸福社区', normalisedName: '幸福社区', level: 'community' } });
    for (const typed of ['幸福 社区', '幸福社区居委会', '幸福', '幸福社区　']) {
      expect(findOrCreateCommunity(db, typed, NOW)).toMatchObject({ created: false, community: { id: first.community.id } });
    }
    expect(rows()).toHaveLength(1);
    expect(findOrCreateCommunity(db, '幸福里社区', NOW).created).toBe(true);
    expect(findOrCreateCommunity(db, '幸福村', NOW).created).toBe(true);
    expect(rows().map((c) => c.name)).toEqual(['幸福社区', '幸福里社区', '幸福村']);
  });

  it('a bare name that fits two places is refused with both names, and nothing is created', () => {
    findOrCreateCommunity(db, '幸福社区', NOW);
    findOrCreateCommunity(db, '幸福村', NOW);
    expect(findCommunity(db, '幸福')).toBeUndefined();
    let error: unknown;
    try {
      findOrCreateCommunity(db, '幸福', NOW);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(UserError);
    const e = error as UserError;
    expect(render(e)).toBe('「幸福」可能是这几个服务地之一：幸福社区、幸福村。请写出全称（带上 社区/村/街道 等，必要时加上区县），例如「幸福社区」。');
    expect(rows()).toHaveLength(2);
    expect(findCommunity(db, '幸福 社区')?.name).toBe('幸福社区');
  });

  it('finds a place stored with its district in the name from the bare name, and the other way round', () => {
    const full = findOrCreateCommunity(db, '锦州市古塔区北街街道', NOW).community;
    expect(findCommunity(db, '北街')?.id).toBe(full.id);
    expect(findCommunity(db, '古塔区北街街道办事处')?.id).toBe(full.id);
    const short = upsertCommunity(db, { name: '龙江街道', region: '锦州市凌河区' }, NOW).community;
    expect(findCommunity(db, '凌河区龙江')?.id).toBe(short.id);
    expect(findCommunity(db, '古塔区龙江街道')).toBeUndefined();
    expect(rows()).toHaveLength(2);
  });

  it('upsert fills in a row created by /结对 and takes the fuller spelling of its name', () => {
    const { community } = findOrCreateCommunity(db, '北街', NOW);
    expect(community.level).toBeNull();
    const up = upsertCommunity(db, {
      name: '北街街道', region: '锦州市古塔区', contactName: '刘颖', contactPhone: '13800004101', longitude: 121.1263, latitude: 41.1125,
      tags: ['youth_city_pilot', 'youth_city_pilot'],
    }, NOW + 1);
    expect(up).toMatchObject({ created: false, changed: true });
    expect(up.community).toMatchObject({ id: community.id, name: '北街街道', normalisedName: '北街街道', level: 'street', region: '锦州市古塔区', contactName: '刘颖', createdAt: NOW });
    expect(communityTags(db, community.id)).toEqual(['youth_city_pilot']);

    // A shorter or district-prefixed spelling finds it and leaves the name alone; undefined leaves fields, null clears.
    expect(upsertCommunity(db, { name: '古塔区北街' }, NOW).changed).toBe(false);
    const cleared = upsertCommunity(db, { name: '北街', contactPhone: null }, NOW);
    expect(cleared.community).toMatchObject({ name: '北街街道', contactName: '刘颖', contactPhone: null });
    expect(rows()).toHaveLength(1);
  });

  it('setTags replaces the set; communityTags lists them in the order of PRODUCT.md', () => {
    const { community } = upsertCommunity(db, { name: '石桥子村', tags: ['rural_revitalization_county', 'county_reform_demo'] }, NOW);
    expect(communityTags(db, community.id)).toEqual(['county_reform_demo', 'rural_revitalization_county']);
    setTags(db, community.id, ['league_venue']);
    expect(communityTags(db, community.id)).toEqual(['league_venue']);
    setTags(db, community.id, []);
    expect(communityTags(db, community.id)).toEqual([]);
    expect(upsertCommunity(db, { name: '石桥子', tags: [] }, NOW).changed).toBe(false);
  });
});

describe('the bot finds an imported place from a loose spelling', () => {
  it('/报到 古塔区北街 and /报到 洛阳 社区居委会 check in at the imported communities', async () => {
    const { h, m } = await startLoop();
    try {
      const example = fs.readFileSync(fileURLToPath(new URL('../examples/communities.csv', import.meta.url)));
      await importCommunitiesFile(h.bot.db, example, 'communities.csv', h.clock.now());
      const byName = (name: string) => h.bot.db.select().from(communities).all().find((c) => c.name === name)!;

      const a = await checkIn(h, ACCOUNTS.student, '古塔区北街');
      const b = await checkIn(h, ACCOUNTS.student, '洛阳 社区居委会');
      const stored = checkinsOf(h, m.student);
      expect(stored.find((c) => c.id === a.checkinId)).toMatchObject({ communityId: byName('北街街道').id, siteName: '北街街道' });
      expect(stored.find((c) => c.id === b.checkinId)).toMatchObject({ communityId: byName('洛阳社区').id, siteName: '洛阳社区' });
      expect(h.bot.db.select().from(communities).all()).toHaveLength(11);
    } finally {
      await h.close();
    }
  }, 30_000);
});
