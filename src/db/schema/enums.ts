/**
 * Program vocabularies shared by several aggregates (projects, service logs, exports).
 * The database stores these English keys; the Chinese labels live in the text catalogue.
 */

/** The "4+X" items (四个一 + X): 实事 / 走访 / 活动 / 项目 / X. */
export const ITEMS = ['shishi', 'zoufang', 'huodong', 'xiangmu', 'x'] as const;
export type Item = (typeof ITEMS)[number];

/** The four items every branch must complete ("四个一"); X is optional. */
export const FOUR_ITEMS = ['shishi', 'zoufang', 'huodong', 'xiangmu'] as const satisfies readonly Item[];

/**
 * Service areas (9 + other): 乡村振兴, 基层治理, 济困助学, 就业创业, 生态环保,
 * 文化传承, 科技推广, 卫生医疗, 政策宣传, 其他.
 */
export const SERVICE_AREAS = [
  'rural_revitalization',
  'grassroots_governance',
  'aid_education',
  'employment',
  'ecology',
  'culture',
  'technology',
  'health',
  'policy',
  'other',
] as const;
export type ServiceArea = (typeof SERVICE_AREAS)[number];
