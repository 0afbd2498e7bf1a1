/**
 * /帮助 (merged into the zh-CN catalogue): the card's frame, and each command's wording for a role
 * whose scope its common `cmd.<name>.summary` does not fit — 团支书 本支部, 团总支 本院, 团委 全校
 * (a command's `summaryFor`, src/bot/define.ts). Examples never use a real roster number.
 */
export const help = {
  'help.title': '社区实践助手 · 可用命令',
  'help.intro': '你的身份：**{role}**{who}。照着示例发送即可：',
  'help.unbound': '你还没有绑定名单。先发送 `/绑定 学号 姓名` 完成绑定，之后能看到更多命令。',
  'help.footer': '私聊我时直接发送命令即可；在群里请先 @我。',

  'cmd.review.college_admin.summary': '审核本院学生和团支书提交的服务记录',
  'cmd.review.school_admin.summary': '审核全校的服务记录（含团总支提交的）',

  'cmd.branch.secretary.summary': '本支部看板：结对、项目清单、岗位、"四个一"、未参与成员、待审核和时间节点',
  'cmd.branch.college_admin.summary': '本院团支部的看板（命令后写团支部名称）：结对、项目清单、岗位、"四个一"、未参与成员、待审核和时间节点',
  'cmd.branch.school_admin.summary': '全校任一团支部的看板（命令后写团支部名称）：结对、项目清单、岗位、"四个一"、未参与成员、待审核和时间节点',

  'cmd.pair.college_admin.summary': '结对协议由各团支书记录；本院团支部的结对情况请用 /支部 团支部名称 查看',
  'cmd.pair.school_admin.summary': '结对协议由各团支书记录；全校团支部的结对情况请用 /支部 团支部名称 查看',

  'cmd.project.college_admin.summary': '本院各团支部的项目清单：查看和编辑项目、添加岗位',
  'cmd.project.school_admin.summary': '全校各团支部的项目清单：查看和编辑项目、添加岗位',

  'cmd.positions.secretary.summary': '查看本支部和学院可报名的岗位；确认本支部岗位的报名匹配',
  'cmd.positions.college_admin.summary': '发布本院岗位，确认本院岗位的报名匹配',
  'cmd.positions.school_admin.summary': '查看全校岗位的报名，确认匹配',

  'cmd.recommend.college_admin.summary': '本院兼任职务推荐：按得分排序的候选人和得分明细，记录推荐',
  'cmd.recommend.school_admin.summary': '全校兼任职务推荐：按得分排序的候选人和得分明细，记录推荐',
} as const;
