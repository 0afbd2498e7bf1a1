/**
 * Community list import (PRODUCT.md §5, `npm run import-communities -- <file>`): a CSV or
 * XLSX of 名称,层级,所在地区,标签,联系人,联系电话,经度,纬度 becomes communities and their
 * tags. Rows are matched to known places tolerantly (see domain/communities.ts), so re-importing,
 * or importing 幸福 社区居委会 after /结对 created 幸福社区, updates one row and never adds a twin.
 * Reading the file and wording its problems is here; the write is domain/communityImport.ts.
 */
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import type { CommunityInput } from '../../domain/communities.js';
import { coordinatesText, levelText, nameText, optionalText, phoneText, tagsText } from '../../domain/communityFields.js';
import { COMMUNITY_FIELDS, saveCommunities, type CommunityEntry, type CommunityField } from '../../domain/communityImport.js';
import { issueMessage } from '../../domain/errors.js';
import { PlaceIndex } from '../../domain/placeNames.js';
import { communities as text } from '../../text/communities.zh-CN.js';
import { render } from '../../text/message.js';
import { format, translator } from '../../text/t.js';
import { readTable, summaryText, type TableParse, type TableSpec } from './tableFile.js';

export { COMMUNITY_FIELDS, type CommunityEntry, type CommunityField };

export type CommunityParse = TableParse<CommunityField>;

export interface CommunityRowError { line: number; reason: string }

export interface CommunitySummary {
  created: number;
  updated: number;
  unchanged: number;
  /** Bad rows, by line; each `reason` is Chinese and says what to fix. */
  errors: CommunityRowError[];
}

/** A whole-file problem (wrong type, unreadable, no 名称 column): nothing was imported. */
export class CommunityFileError extends Error {
  override name = 'CommunityFileError';
}

const t = translator(text);

// Header cells are matched after lower-casing and dropping spaces, '_' and '-'.
const HEADERS: Record<string, CommunityField> = {
  名称: 'name', 服务地: 'name', 服务地名称: 'name', 社区名称: 'name', name: 'name',
  层级: 'level', 级别: 'level', 类型: 'level', level: 'level',
  所在地区: 'region', 地区: 'region', 所在地: 'region', 区域: 'region', region: 'region',
  标签: 'tags', tags: 'tags', tag: 'tags',
  联系人: 'contactName', contact: 'contactName', contactname: 'contactName',
  联系电话: 'contactPhone', 电话: 'contactPhone', 联系方式: 'contactPhone', phone: 'contactPhone', contactphone: 'contactPhone',
  经度: 'longitude', longitude: 'longitude', lng: 'longitude', lon: 'longitude',
  纬度: 'latitude', latitude: 'latitude', lat: 'latitude',
};

const COMMUNITY_TABLE: TableSpec<CommunityField> = {
  fields: COMMUNITY_FIELDS,
  optional: COMMUNITY_FIELDS.filter((f) => f !== 'name'),
  headers: HEADERS,
  label: (f) => t(`community.column.${f}`),
  // The reader's whole-file problems come as a kind and its values.
  fail: (problem, params) => new CommunityFileError(format(text[`community.file.${problem}`], params)),
};

/**
 * Reads a community list (.csv in UTF-8 with or without BOM, or GBK; or the first sheet of
 * an .xlsx). Blank lines are skipped but counted, so reported line numbers match the file.
 * @throws CommunityFileError for an unsupported type, an unreadable file, no 名称 column or no data rows.
 */
export function readCommunityFile(data: Buffer, fileName: string): Promise<CommunityParse> {
  return readTable(data, fileName, COMMUNITY_TABLE);
}

const rowSchema = z.object({
  name: nameText,
  level: levelText,
  region: optionalText(60, 'community.row.regionTooLong'),
  tags: tagsText,
  contactName: optionalText(40, 'community.row.contactNameTooLong'),
  contactPhone: phoneText,
});

/** "凌河区" from "锦州市凌河区", for the hint on how to tell two same-named places apart. */
function districtOf(region: string | null): string {
  return region?.match(/[^省市]{1,7}[区县旗]$|[^省市]{1,7}市$/)?.[0] ?? '某某区';
}

/**
 * Validates every row; a row naming the same place as an earlier row (tolerantly, as the
 * database would match it) is reported against that row's line. Pure.
 */
function validateCommunities(parse: CommunityParse): { entries: CommunityEntry[]; errors: CommunityRowError[] } {
  const has = (f: CommunityField) => parse.columns.includes(f);
  const entries: CommunityEntry[] = [];
  const errors: CommunityRowError[] = [];
  const seen = new PlaceIndex<{ line: number; name: string; region: string }>();
  for (const { line, cells } of parse.rows) {
    const earlier = cells.name ? seen.find({ name: cells.name, region: cells.region }) : undefined;
    if (earlier) {
      const example = `${districtOf(cells.region.normalize('NFKC').trim() || null)}${cells.name.normalize('NFKC').trim()}`;
      errors.push({ line, reason: t('community.row.duplicate', { first: earlier.line, example }) });
      continue;
    }
    if (cells.name) seen.add({ line, name: cells.name, region: cells.region });
    const row = rowSchema.safeParse(cells);
    const coords = coordinatesText.safeParse({ longitude: cells.longitude, latitude: cells.latitude });
    if (!row.success || !coords.success) {
      const issues = [...(row.error?.issues ?? []), ...(coords.error?.issues ?? [])];
      errors.push({ line, reason: issues.map((i) => render(issueMessage(i))).join(t('community.row.separator')) });
      continue;
    }
    const r = row.data;
    const input: CommunityInput = {
      name: r.name,
      level: r.level,
      ...(has('region') ? { region: r.region } : {}),
      ...(has('tags') ? { tags: r.tags } : {}),
      ...(has('contactName') ? { contactName: r.contactName } : {}),
      ...(has('contactPhone') ? { contactPhone: r.contactPhone } : {}),
      ...(has('longitude') || has('latitude') ? coords.data : {}),
    };
    entries.push({ line, input });
  }
  return { entries, errors };
}

/**
 * Imports a read list in one transaction: each row creates its community or updates the one
 * it matches (fields of absent columns are left alone; a present but blank cell clears the
 * field, a blank 层级 keeps the known level; 标签 replaces the tags). A name that fits several
 * known places is reported, not guessed.
 */
export function importCommunities(db: Db, parse: CommunityParse, now: number): CommunitySummary {
  const { entries, errors } = validateCommunities(parse);
  const saved = saveCommunities(db, entries, now);
  for (const { line, name, matches } of saved.ambiguous) {
    errors.push({ line, reason: t('community.row.ambiguous', { name, names: matches.map((m) => `「${m}」`).join('、') }) });
  }
  errors.sort((a, b) => a.line - b.line);
  return { created: saved.created, updated: saved.updated, unchanged: saved.unchanged, errors };
}

/**
 * File bytes → import summary (what the CLI runs).
 * @throws CommunityFileError when the file as a whole cannot be used; nothing is imported then.
 */
export async function importCommunitiesFile(db: Db, data: Buffer, fileName: string, now: number): Promise<CommunitySummary> {
  return importCommunities(db, await readCommunityFile(data, fileName), now);
}

/** The Chinese summary: counts, then at most 20 bad rows by line. */
export function formatCommunitySummary(summary: CommunitySummary): string {
  const { created, updated, unchanged, errors } = summary;
  const head = [
    t('community.summary.title', { total: created + updated + unchanged + errors.length }),
    t('community.summary.counts', { created, updated, unchanged }),
  ];
  return summaryText(head, errors, {
    none: t('community.summary.noErrors'),
    header: (count) => t('community.summary.errorsHeader', { count }),
    row: (e) => t('community.row.error', { line: e.line, reason: e.reason }),
    more: (count) => t('community.summary.moreErrors', { count }),
  });
}
