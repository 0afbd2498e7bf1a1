/**
 * Every user-visible sentence, in Simplified Chinese. Each part is `as const`, so the type of
 * the catalogue holds every template: an unknown key, and a `t()` call that leaves out one of
 * its key's `{name}` placeholders, are compile errors (src/text/t.ts parses the placeholders).
 */
import { branch } from './branch.zh-CN.js';
import { communities } from './communities.zh-CN.js';
import { confirm } from './confirm.zh-CN.js';
import { digest } from './digest.zh-CN.js';
import { exportText } from './export.zh-CN.js';
import { help } from './help.zh-CN.js';
import { logs } from './logs.zh-CN.js';
import { organisations } from './organisations.zh-CN.js';
import { pairing } from './pairing.zh-CN.js';
import { projects } from './projects.zh-CN.js';
import { reports } from './reports.zh-CN.js';
import { roster } from './roster.zh-CN.js';
import { settingsText } from './settings.zh-CN.js';
import { teams } from './teams.zh-CN.js';
import { tracking } from './tracking.zh-CN.js';
import { format, type ParamValue, type ParamsArgs, type ParamsOf, type PlainKeysOf } from './t.js';

const core = {
  'role.student': '学生',
  'role.secretary': '团支书',
  'role.college_admin': '团总支',
  'role.school_admin': '团委',
  'role.anyone': '所有人',

  'error.unexpected': '抱歉，处理时出了点问题，已记录下来。请稍后再试；如果反复出现，请联系团委管理员。',
  'error.notBound': '你还没有绑定名单，暂时不能使用「/{command}」。请先发送：/绑定 学号 姓名，例如：/绑定 20240000 张三',
  'error.inactive': '你已不在本学年的名单中（账号已停用），不能再使用这个功能；你的历史记录仍然保留。如有误，请联系校团委把你加入名单后重新导入。',
  'error.forbidden': '「/{command}」仅限{role}及以上角色使用。发送 /帮助 查看你可以使用的命令。',
  'error.groupOnly': '「/{command}」需要在群聊里 @我 使用。',
  'error.privateOnly': '「/{command}」请私聊我发送，不要在群里使用。',
  'error.unknownCommand': '没有「{name}」这个命令。发送 /帮助 查看可用命令。',
  'error.unknownCommandSuggest': '没有「{name}」这个命令，是不是想发 {suggestion}？发送 /帮助 查看可用命令。',
  'error.badArgs': '{problem}\n用法：{usage}',
  'error.cardExpired': '这张卡片已过期，请重新发送命令获取新卡片。',
  'error.cardInvalid': '这张卡片的数据无法识别，请重新发送命令获取新卡片。',
  'error.actionForbidden': '你没有权限进行这个操作。',
  'hint.plainText': '我还没看懂这句话。发送 /帮助 查看可用命令。',
  'hint.groupReport': '服务记录请私聊我发送，群里不记录。',
  'group.answeredPrivately': '「/{command}」的内容只给你本人看，已私聊发给你。',
  'hint.fileNotAdmin': '收到文件。目前只有团委管理员可以通过发送文件导入名单；结对协议等文件请按对应卡片的提示发送。',
  'hint.fileType': '名单文件只支持 .csv 或 .xlsx 格式，请另存后重新发送。',
  'hint.fileForwarded': '合并转发里的文件我取不到。请直接发送文件，不要合并转发。',
  'hint.mergeForward': '合并转发的聊天记录里的文件、照片和文字我都读不到。请直接把文件或照片发给我；记录服务请直接发一句话，例如「今天在幸福社区辅导作业两小时」。',
  'group.welcome': '大家好，我是社区实践助手 👋\n学院团总支管理员请在本群 @我 并发送「/绑定群」，把本群绑定为学院群，每周进展周报会发到这里。\n同学们请私聊我，先发送「/绑定 学号 姓名」完成绑定。',

  'cmd.help.summary': '查看你可以使用的命令',
  'cmd.help.example': '/帮助',
  'cmd.bind.summary': '把飞书账号绑定到名单中的自己',
  'cmd.bind.example': '/绑定 20240000 张三',
  'cmd.me.summary': '查看我的绑定信息和服务时长',
  'cmd.me.example': '/我的',
  'cmd.bindgroup.summary': '把本群绑定为学院群（接收每周进展）',
  'cmd.bindgroup.example': '/绑定群 计算机科学与工程学院',

  'bind.badStudentNo': '学号只能包含字母、数字或短横线（最多 32 位）。',
  'bind.badName': '请填写姓名（最多 40 个字）。',
  'bind.formTitle': '绑定名单',
  'bind.formIntro': '请填写名单中的学号和姓名。绑定后才能报到、记录服务和查看时长。',
  'bind.formStudentNo': '学号',
  'bind.formName': '姓名',
  'bind.formStudentNoPlaceholder': '20240000',
  'bind.formNamePlaceholder': '张三',
  'bind.formSubmit': '绑定',
  'bind.noMatch': '学号和姓名与名单对不上。请核对后重新发送（学号和姓名都需与名单一致）；如果名单里确实没有你，请联系团支书或学院团总支。',
  'bind.locked': '绑定尝试失败次数过多，请一小时后再试。如果学号和姓名确实没错，请联系团支书或学院团总支核实名单。',
  'bind.lockAlert': '⚠️ 一个飞书账号（{openId}）一小时内绑定失败 {count} 次，已暂停它一小时内的绑定。若不是学生输错，可能有人在猜学号和姓名。',
  'bind.takenByOther': '这个学号已经绑定了另一个飞书账号，不能重复绑定。已通知团委管理员核实；如果这就是你的学号，请联系团委管理员处理。',
  'bind.adminAlert': '⚠️ 绑定冲突：名单条目「{name}」（学号 {studentNo}，{unit}）已绑定飞书账号，刚才另一个飞书账号（{openId}）尝试绑定它。请核实是否有人冒用；如需改绑，请私聊我发送「/解绑 {studentNo} 原因」解除原绑定，对方之后可重新发送 /绑定。',
  'bind.selfAlreadyOther': '你的飞书账号已经绑定了「{name}」。如需更换，请联系团委管理员。',
  'bind.already': '你已经绑定过了：{name}（{role}）。发送 /我的 查看信息。',
  'bind.done': '✅ 绑定成功！{name}，{role}{unit}。\n发送 /帮助 查看你可以使用的命令。',
  'cmd.unbind.summary': '解除名单条目与飞书账号的绑定（需写原因，记入审计），之后可用新账号重新绑定',
  'cmd.unbind.example': '/解绑 20240000 换了飞书账号',
  'unbind.badArgs': '请按格式发送：/解绑 学号 原因，例如「/解绑 20240000 换了飞书账号」。',
  'unbind.reasonTooLong': '原因最多 100 个字。',
  'unbind.notFound': '名单里没有这个学号，请核对后重新发送。',
  'unbind.notBound': '「{name}」目前没有绑定飞书账号，不需要解绑。',
  'unbind.self': '不能解除你自己的绑定。如需更换账号，请另一位团委管理员操作。',
  'unbind.done': '已解除「{name}」（{unit}）与原飞书账号的绑定，原因：{reason}。已通知原账号；之后用新的飞书账号发送 /绑定 学号 姓名 即可重新绑定。',
  'unbind.notice': '团委管理员已解除你的飞书账号与名单条目「{name}」的绑定，原因：{reason}。如有疑问请联系团委；需要重新绑定时发送 /绑定 学号 姓名。',

  'me.title': '我的信息',
  'me.identity': '**{name}** · {role}\n{unit}',
  'me.hours': '**已认证 {approved} 小时** · 待审核 {pending} 小时',
  'me.noLogs': '还没有服务记录。',
  'me.refresh': '刷新',
  'me.notYours': '这是别人的卡片。发送 /我的 查看你自己的信息。',
  'me.boundAt': '绑定时间：{at}',

  'bindgroup.needCollege': '请写明要绑定的学院，例如：/绑定群 计算机科学与工程学院；绑定团委工作群请发送：/绑定群 全校',
  'bindgroup.unknownCollege': '没有找到学院「{name}」。请使用名单中的学院全称。',
  'bindgroup.notYourCollege': '你只能把群绑定到自己所在的学院（{own}）。',
  'bindgroup.schoolOnly': '只有团委管理员可以绑定全校群。',
  'bindgroup.takenByOther': '本群已绑定「{other}」。一个群只接收一个学院的周报；如需改绑，请由团委管理员在本群发送 /绑定群 {name}。',
  'bindgroup.done': '✅ 本群已绑定为「{name}」的学院群，每周一 09:00 会在这里发布进展周报。',
  'bindgroup.moved': '✅ 本群已从「{from}」改绑为「{name}」的学院群。',
  'bindgroup.already': '本群已经是「{name}」的学院群了。',
  'bindgroup.schoolDone': '✅ 本群已绑定为团委工作群，每周一会收到全校汇总周报。',
  'bindgroup.schoolAlready': '本群已经是团委工作群了。',

  'import.failed': '名单导入失败：{reason}',
  'import.tooLarge': '名单文件超过 {mb} MB，请拆分后分别发送。',
  'card.processing': '正在处理，请稍候…',
  'bindgroup.tooLong': '学院名称太长了，请写名单中的学院全称。',
} as const;

export const zhCN = { ...core, ...help, ...roster, ...logs, ...confirm, ...communities, ...pairing, ...projects, ...branch, ...exportText, ...tracking, ...digest, ...reports, ...settingsText, ...teams, ...organisations } as const;

/** The whole catalogue's type: every value a literal, so `t()` can read its placeholders. */
export type Catalogue = typeof zhCN;

export type MessageKey = keyof Catalogue;

/** Keys whose template has no `{placeholder}`: safe to pass around and render as `t(key)`. */
export type PlainKey = PlainKeysOf<Catalogue>;

/** The texts a command definition names: its `cmd.<name>.summary` and `cmd.<name>.example`. */
export type CommandTextKey = Extract<PlainKey, `cmd.${string}.${'summary' | 'example'}`>;

/** The params object `t(key, params)` needs for K (for a union of keys, for all of them). */
export type MessageParams<K extends MessageKey> = ParamsOf<Catalogue[K]>;

/**
 * The arguments after the key: nothing for a plain key, else the params object. V widens what
 * a param may be (e.g. `MessageValues[string]` for a `UserError`'s constructor).
 */
export type MessageArgs<K extends MessageKey, V = ParamValue> = ParamsArgs<Catalogue[K], V>;

/**
 * Renders a catalogue entry. The params object must fill the `{name}` placeholders of the
 * key's template — a missing one does not compile, nor does an extra one in an object literal;
 * a key without placeholders takes none.
 * A key built at run time types itself from its template literal (`t(\`item.${log.item}\`)`),
 * and then must fill the placeholders of every key it can be.
 */
export function t<K extends MessageKey>(key: K, ...[params]: MessageArgs<K>): string {
  return format(zhCN[key], params);
}

/**
 * The escape hatch: renders a key whose params the compiler cannot see — a `Message` carried
 * as data (text/message.ts `render`) or a label key built from a stored code (the export's
 * `labels`). A missing param renders as empty, so use `t()` wherever the key is known.
 */
export function tDynamic(key: MessageKey, params?: Readonly<Record<string, ParamValue>>): string {
  return format(zhCN[key], params);
}
