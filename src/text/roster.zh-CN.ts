/** Roster import messages (merged into the zh-CN catalogue). */
export const roster = {
  // Whole-file problems: nothing is imported.
  'file.unsupportedType': '不支持的文件类型“{ext}”：名单只能是 .csv 或 .xlsx 文件（Excel 可“另存为”CSV UTF-8 或 .xlsx）',
  'file.empty': '文件是空的：第一行应为表头 学院,团支部,学号,姓名,角色,手机,飞书ID',
  'file.noRows': '文件只有表头，没有名单数据',
  'file.missingColumns': '表头缺少必填列：{columns}。表头应为 学院,团支部,学号,姓名,角色,手机,飞书ID（手机、飞书ID 可省略）',
  'file.duplicateColumn': '表头中“{column}”列出现了不止一次，请只保留一列',
  'file.badCsv': 'CSV 文件无法解析（第 {line} 行附近）：{detail}。请检查引号是否成对',
  'file.badXlsx': 'Excel 文件无法读取：{detail}。请确认是 .xlsx 文件（旧版 .xls 请先另存为 .xlsx）',
  'file.noWorksheet': 'Excel 文件里没有工作表',
  'column.college': '学院',
  'column.branch': '团支部',
  'column.studentNo': '学号',
  'column.name': '姓名',
  'column.role': '角色',
  'column.mobile': '手机',
  'column.feishuId': '飞书ID',

  // One bad row: `row.error` wraps the reasons (joined by `row.separator`).
  'row.error': '第 {line} 行：{reason}',
  'row.separator': '；',
  'row.studentNoMissing': '学号为空',
  'row.studentNoTooLong': '学号超过 32 个字符',
  'row.studentNoInvalid': '学号“{value}”只能包含字母、数字和连字符 -',
  'row.nameMissing': '姓名为空',
  'row.nameTooLong': '姓名超过 40 个字',
  'row.roleMissing': '角色为空，应为 学生/团支书/团总支/团委 之一',
  'row.roleInvalid': '角色“{value}”无效，应为 学生/团支书/团总支/团委 之一',
  'row.collegeMissing': '学院为空（只有团委可以不填学院）',
  'row.collegeTooLong': '学院名称超过 60 个字',
  'row.branchMissing': '角色为{role}时必须填写团支部',
  'row.branchTooLong': '团支部名称超过 60 个字',
  'row.branchWithoutCollege': '填写了团支部但学院为空，请补上所属学院',
  'row.mobileInvalid': '手机号格式不对，应为 11 位大陆手机号（也可以留空）',
  'row.feishuIdTooLong': '飞书ID 超过 64 个字符',
  'row.feishuIdInvalid': '飞书ID“{value}”无法识别：只能填 open_id（ou_ 开头）或 union_id（on_ 开头）；user_id 等其他 ID 没有通讯录权限无法匹配，请留空，让本人向机器人发送 /绑定 学号 姓名',
  'row.duplicateStudentNo': '学号与第 {first} 行重复',

  // The summary sent to the school admin (and printed by the CLI).
  'summary.title': '名单导入完成：共读取 {total} 行名单',
  'summary.members': '成员：新增 {created} 人，更新 {updated} 人，无变化 {unchanged} 人',
  'summary.org': '组织：新建学院 {colleges} 个，新建团支部 {branches} 个',
  'summary.noErrors': '所有行均已导入。',
  'summary.errorsHeader': '以下 {count} 行未导入，请改正后重新导入整个文件（已导入的行不会重复）：',
  'summary.moreErrors': '另有 {count} 处错误',

  // CLI only.
  'cli.usage': '用法 / Usage: npm run import -- <名单文件 roster file (.csv | .xlsx)>',
  'cli.fileNotFound': '无法读取文件 / Cannot read file: {path}',
} as const;

export type RosterTextKey = keyof typeof roster;
