/**
 * What the platform says about a request it checked: a refusal (the call fails, the message
 * never arrives) or a defect (accepted, but users see something other than what was meant:
 * a subtitle cut to "…", a form that cannot be submitted).
 */

/** A refusal as Feishu answers it: HTTP status, `code` and `msg` (CARDS.md, the API pages' error tables). */
export interface Refusal {
  /** Which rule of CARDS.md was broken (stable id, for tests and the developer note). */
  rule: string;
  status: number;
  code: number;
  msg: string;
}

/** Something Feishu accepts but shows wrongly, or that users cannot use as meant. */
export interface Defect {
  rule: string;
  /** Where in the card, e.g. `body.elements[2].elements[0]`. */
  path: string;
  note: string;
}

/** What checking a card, a message or an answer found. */
export interface Verdict {
  refusal?: Refusal;
  defects: Defect[];
}

/**
 * A card Feishu could not build: HTTP 400, code 230099 and the sub-code in `msg`, in the
 * shape the send, reply and patch pages document ("Failed to create card content, ext=ErrCode: …").
 */
export function cardRefusal(rule: string, subCode: number, errMsg: string, path?: string, value?: unknown): Refusal {
  const where = path ? `ErrPath: ROOT -> ${path}; ` : '';
  const shown = value === undefined ? '' : ` ErrorValue: ${typeof value === 'string' ? value : JSON.stringify(value)?.slice(0, 120)};`;
  return { rule, status: 400, code: 230099, msg: `Failed to create card content, ext=ErrCode: ${subCode}; ${where}ErrMsg: ${errMsg};${shown} ` };
}

/** 230025: the message body is larger than Feishu takes (text 150 KB, card and post 30 KB). */
export const tooLong = (rule: string): Refusal => ({ rule, status: 400, code: 230025, msg: 'The length of the message content reaches its limit.' });

/** 230001: a request parameter Feishu does not accept. */
export const badParam = (rule: string, detail: string): Refusal => ({ rule, status: 400, code: 230001, msg: `Your request contains an invalid request parameter, ext=${detail}` });
