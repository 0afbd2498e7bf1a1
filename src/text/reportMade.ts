/**
 * Photos, films and edits made of something for someone (给社区拍运动会的活动照片, 帮医生拍健康科普短视频, 拍了秧歌队的排练，
 * 剪成短视频存档): what was filmed is the footage's subject, not an event the student put on, so only the making
 * (拍, 剪, 录 — hands-on work, 实事) is read. Part of reportItems.ts; works on width-folded, masked text.
 */
import { blank } from './reportTopics.js';

/**
 * Making footage: shooting, recording, editing (拍, 拍摄, 跟拍, 录制, 剪辑, 剪成); 剪了 only with footage after it
 * (剪了一条宣传视频 — 剪了窗花 is paper-cutting).
 */
const SHOOT = /拍|摄|录制|剪辑|剪成|剪了(?=[^，。,；;]{0,10}(?:视频|短片|片子|宣传片|纪录片|vlog|素材|合集))/;
/** What footage is (照片, 宣传照, 短视频, 纪录片, 素材, vlog, 图解), said in the clause or the next (…，剪成短视频存档). */
const FOOTAGE = /照片|相片|[^对按拍]照(?![顾看料护])|视频|短片|片子|纪录片|微电影|素材|vlog|宣传片|合集|图解|写真/;
/**
 * …made for someone (给/帮/替/为 before the shooting, in the clause) or kept as a record (存档, 素材, 纪录片, 记录) —
 * not the student's own film shown at the student's own event (放我们自己拍的普法微电影).
 */
const FOR_SOMEONE = /(?:给|帮|替|为)[^，。,；;并又还再后了]{0,24}(?:拍|摄|录制|剪)/;
const KEPT = /存档|素材|纪录片|记录/;
const OWN_FILM = /自己拍|我们拍|自拍/;

/** Why the footage was made, in the clause after it (把咱们的地方秧歌传下去, 帮镇里保护非遗): no work of its own. */
const WHY = /^\s{0,2}(?:把[^，。,；;]{0,12}(?:传下去|传承下去|留下来|保存下来|记录下来)|(?:帮[^，。,；;]{0,6})?(?:保护|传承|留住)[^，。,；;]{0,8}$)/;

/**
 * `text` with each clause that makes footage for someone, or keeps it, blanked after its verb of shooting (the
 * footage's subject) and, when made for someone, from 给/帮/替/为 up to the verb (给广场舞比赛拍: the subject too).
 * Work said before either (组织了反诈宣传活动并拍了照片存档) stays.
 */
export function blankFilmed(text: string): string {
  const clauses = text.split(/(?<=[，。,；;])/);
  let filmed = false;
  return clauses
    .map((clause, i) => {
      if (filmed && WHY.test(clause.replace(/[，。,；;]$/, ''))) return blank(clause);
      // (…also after a clause that goes on with the footage: 做成视频存档)
      filmed &&= FOOTAGE.test(clause);
      const shoot = SHOOT.exec(clause);
      if (!shoot || OWN_FILM.test(clause)) return clause;
      const near = clause + (clauses[i + 1] ?? '');
      if (!FOOTAGE.test(near) || !(FOR_SOMEONE.test(clause) || KEPT.test(near))) return clause;
      // (the verb and the character after it stay — 拍了, 拍宣 — as hands-on work; who it was made for and what of,
      // 给趣味运动会, is the subject too)
      const end = shoot.index + shoot[0].length + 1;
      const who = FOR_SOMEONE.exec(clause);
      const from = who && who.index < shoot.index ? who.index : shoot.index;
      filmed = true;
      return clause.slice(0, from) + blank(clause.slice(from, shoot.index)) + clause.slice(shoot.index, end) + blank(clause.slice(end));
    })
    .join('');
}
