/**
 * Communities (服务地): level and tag names, tolerant-matching messages and the community
 * list import (merged into the zh-CN catalogue; every key starts with `community.` so it
 * cannot shadow the roster's `file.*`/`row.*` keys).
 */
export const communities = {
  'community.level.street': '街道',
  'community.level.town': '乡镇',
  'community.level.community': '社区',
  'community.level.village': '村',
  'community.level.venue': '校外活动场所',
  'community.tag.county_reform_demo': '县域共青团基层组织改革示范点',
  'community.tag.youth_city_pilot': '青年发展型城市建设试点',
  'community.tag.community_youth_action': '社区青春行动实施社区',
  'community.tag.rural_revitalization_county': '国家乡村振兴重点帮扶县',
  'community.tag.league_venue': '团属青少年校外活动场所',
  'community.ambiguous': '「{name}」可能是这几个服务地之一：{names}。请写出全称（带上 社区/村/街道 等，必要时加上区县），例如「{example}」。',

  // Community list import: whole-file problems (nothing is imported).
  'community.file.unsupportedType': '不支持的文件类型“{ext}”：服务地清单只能是 .csv 或 .xlsx 文件（Excel 可“另存为”CSV UTF-8 或 .xlsx）',
  'community.file.empty': '文件是空的：第一行应为表头 名称,层级,所在地区,标签,联系人,联系电话,经度,纬度',
  'community.file.noRows': '文件只有表头，没有服务地数据',
  'community.file.missingColumns': '表头缺少必填列：{columns}。表头应为 名称,层级,所在地区,标签,联系人,联系电话,经度,纬度（只有“名称”必填，其余列可省略）',
  'community.file.duplicateColumn': '表头中“{column}”列出现了不止一次，请只保留一列',
  'community.file.badCsv': 'CSV 文件无法解析（第 {line} 行附近）：{detail}。请检查引号是否成对',
  'community.file.badXlsx': 'Excel 文件无法读取：{detail}。请确认是 .xlsx 文件（旧版 .xls 请先另存为 .xlsx）',
  'community.file.noWorksheet': 'Excel 文件里没有工作表',
  'community.file.tooLarge': '文件超过 {mb} MB，请拆分后分别发送',
  'community.file.tooLargeUnpacked': 'Excel 文件解压后超过 {mb} MB，不像是一份服务地清单，没有读取。请另存为 CSV UTF-8 或删去多余的工作表、图片后再发送',
  'community.file.tooManyRows': '文件超过 {max} 行，请拆分后分别导入',
  'community.file.tooHeavy': '文件内容太多，读取需要的内存超过上限，没有读取。请拆分后分别导入，或另存为 CSV UTF-8',
  'community.column.name': '名称',
  'community.column.level': '层级',
  'community.column.region': '所在地区',
  'community.column.tags': '标签',
  'community.column.contactName': '联系人',
  'community.column.contactPhone': '联系电话',
  'community.column.longitude': '经度',
  'community.column.latitude': '纬度',

  // One bad row: `community.row.error` wraps the reasons (joined by `community.row.separator`).
  'community.row.error': '第 {line} 行：{reason}',
  'community.row.separator': '；',
  'community.row.nameMissing': '名称为空',
  'community.row.nameTooLong': '名称超过 60 个字',
  'community.row.levelInvalid': '层级“{value}”无效，应为 街道/乡镇/社区/村/校外活动场所 之一（也可以留空）',
  'community.row.regionTooLong': '所在地区超过 60 个字',
  'community.row.tagInvalid': '标签“{value}”无效。可用的标签：县域共青团基层组织改革示范点、青年发展型城市建设试点、社区青春行动实施社区、国家乡村振兴重点帮扶县、团属青少年校外活动场所（多个标签用“、”分隔）',
  'community.row.contactNameTooLong': '联系人超过 40 个字',
  'community.row.phoneInvalid': '联系电话“{value}”格式不对，应为 11 位手机号或带区号的座机号（如 0416-1234567），也可以留空',
  'community.row.longitudeInvalid': '经度“{value}”不是 -180 到 180 之间的数字',
  'community.row.latitudeInvalid': '纬度“{value}”不是 -90 到 90 之间的数字',
  'community.row.coordinatesSwapped': '经度和纬度好像填反了：锦州一带约为 经度 121.1、纬度 41.1',
  'community.row.coordinatesHalf': '经度和纬度要么都填，要么都不填',
  'community.row.duplicate': '与第 {first} 行是同一个服务地（名称只差空格、全角半角或“社区/街道”等后缀）。如果确实是不同地区的两个地方，请在名称前加上区县，例如「{example}」',
  'community.row.ambiguous': '名称“{name}”可能是已有的 {names} 之一，请写出全称',

  // The summary printed by the CLI.
  'community.summary.title': '服务地导入完成：共读取 {total} 行',
  'community.summary.counts': '服务地：新增 {created} 个，更新 {updated} 个，无变化 {unchanged} 个',
  'community.summary.noErrors': '所有行均已导入。',
  'community.summary.errorsHeader': '以下 {count} 行未导入，请改正后重新导入整个文件（已导入的行不会重复）：',
  'community.summary.moreErrors': '另有 {count} 处错误',

  // CLI only.
  'community.cli.usage': '用法 / Usage: npm run import-communities -- <服务地清单 community list (.csv | .xlsx)>\n表头 / header: 名称,层级,所在地区,标签,联系人,联系电话,经度,纬度（只有 名称 必填）',
  'community.cli.fileNotFound': '无法读取文件 / Cannot read file: {path}',
} as const;

export type CommunitiesTextKey = keyof typeof communities;
