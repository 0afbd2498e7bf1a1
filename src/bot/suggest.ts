/**
 * "是不是想发 /报到？": the registered command an unknown `/word` most likely meant. Pure and
 * deterministic. It reads what students type instead of a command's name:
 * - typos: a character added, left out, changed or two swapped (/报到了, /报, /绑顶, /到报);
 * - characters that sound or look alike (/报道, /记路, /帮主, /审合, /记彔, /報到), see pinyin.ts;
 * - pinyin in Latin letters, with or without spaces, tone digits or marks (/baodao, /bao dao, /jìlù);
 * - the English names, mistyped (/chekin, /hlep);
 * - a command run together with its argument (/报到幸福社区, /checkin幸福社区).
 * Nothing is suggested when no command is close enough: a wrong guess is worse than none.
 */
import { charCost, foldSounds, spellings } from './pinyin.js';

export interface Suggestion<C> {
  command: C;
  /** What to send instead, e.g. `/报到` (the Chinese alias, also for a match on the English name or pinyin). */
  suggestion: string;
  /** The part of the message the suggestion is for, e.g. `/bao dao`. */
  typed: string;
}

interface Form {
  /** A Chinese alias, the English name, or a pinyin spelling of an alias. */
  text: string;
  kind: 'han' | 'latin' | 'pinyin';
  /** The alias to suggest when this form is the closest. */
  alias: string;
}

interface Scored<C> extends Suggestion<C> {
  cost: number;
  tokens: number;
  order: number;
}

const HAN = /^\p{Script=Han}+$/u;
const LATIN = /^[\p{Script=Latin}0-9']+$/u;
/** How many leading words may together be one command (`/bao dao`, `/ji lu`, `/you xiu an li`). */
const MAX_WORDS = 4;

/** Lower case, without tone marks, tone digits or apostrophes: `Bào4dào'` → `baodao`. */
function latinKey(word: string): string {
  return word.normalize('NFKC').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[0-9']/g, '');
}

/** Optimal string alignment distance: insertions, deletions and adjacent swaps cost 1, a substitution `sub`. */
function distance(a: readonly string[], b: readonly string[], sub: (x: string, y: string) => number): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const same = a[i - 1] === b[j - 1];
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (same ? 0 : sub(a[i - 1]!, b[j - 1]!)));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

const plain = () => 1;

/** How far off a typed form may be: a word of 2 letters must be exact, up to 5 one edit, longer two. */
const latinLimit = (length: number) => (length <= 2 ? 0 : length <= 5 ? 1 : 2);
/** One edit on an alias of up to three characters (two such edits if they sound alike), two on a longer one. */
const hanLimit = (length: number) => (length >= 4 ? 2 : 1);

export class CommandSuggester<C extends { name: string; aliases: readonly string[] }> {
  private readonly forms: { command: C; form: Form; order: number }[] = [];
  /** Aliases without a pinyin spelling (a character missing from pinyin.ts READINGS); a test keeps this empty. */
  readonly unspelled: string[] = [];

  constructor(commands: readonly C[]) {
    let order = 0;
    for (const command of commands) {
      const aliases = command.aliases.filter((a) => HAN.test(a));
      const first = aliases[0] ?? command.name;
      this.forms.push({ command, form: { text: command.name.toLowerCase(), kind: 'latin', alias: first }, order: order++ });
      for (const alias of aliases) {
        this.forms.push({ command, form: { text: alias, kind: 'han', alias }, order: order++ });
        const spelled = spellings(alias);
        if (!spelled) this.unspelled.push(alias);
        for (const text of spelled ?? []) this.forms.push({ command, form: { text, kind: 'pinyin', alias }, order: order++ });
      }
    }
  }

  /**
   * The closest command `allowed` admits to `body`, the message after its `/`; ties go to the
   * command registered first (the /帮助 order), then to the fewer words read.
   */
  suggest(body: string, allowed: (command: C) => boolean): Suggestion<C> | undefined {
    const words = body.trim().split(/\s+/).filter(Boolean).slice(0, MAX_WORDS);
    if (words.length === 0) return undefined;
    // `/ 报到` is told apart from `/报到`, which would have run.
    const slash = /^\s/.test(body) ? '/ ' : '/';
    const forms = this.forms.filter((f) => allowed(f.command));
    let best: Scored<C> | undefined;
    const consider = (s: Scored<C>) => {
      if (!best || s.cost < best.cost || (s.cost === best.cost && (s.order < best.order || (s.order === best.order && s.tokens < best.tokens)))) best = s;
    };
    for (let n = 1; n <= words.length; n++) {
      const span = words.slice(0, n);
      const script = span.every((w) => HAN.test(w)) ? 'han' : span.every((w) => LATIN.test(w)) ? 'latin' : undefined;
      if (!script && n > 1) break;
      const typed = `${slash}${span.join(' ')}`;
      for (const { command, form, order } of forms) {
        // The leading word may also be a command run together with its argument.
        const costs = [script && score(span.join(''), script, form), n === 1 ? runTogether(span[0]!, form) : undefined];
        for (const cost of costs) if (cost !== undefined) consider({ command, suggestion: `/${form.alias}`, typed, cost, tokens: n, order });
      }
    }
    return best && { command: best.command, suggestion: best.suggestion, typed: best.typed };
  }
}

/** The cost of reading `typed` (one script) as `form`, or undefined when it is too far off. */
function score(typed: string, script: 'han' | 'latin', form: Form): number | undefined {
  if (script === 'han') {
    if (form.kind !== 'han') return undefined;
    const wanted = [...form.text];
    const cost = distance([...typed], wanted, charCost);
    return cost <= hanLimit(wanted.length) && cost < wanted.length ? cost : undefined;
  }
  if (form.kind === 'han') return undefined;
  const key = latinKey(typed);
  const limit = latinLimit(Math.max(key.length, form.text.length));
  let cost = distance([...key], [...form.text], plain);
  // 近音 in pinyin: bangzu, senhe, jinu — a half edit more than the same typo in exact pinyin.
  if (form.kind === 'pinyin') cost = Math.min(cost, distance([...foldSounds(key)], [...foldSounds(form.text)], plain) + 0.5);
  return cost <= limit ? cost : undefined;
}

/**
 * `/报到幸福社区`, `/checkin幸福社区`: a whole name or alias followed by more text without a
 * space, at a cost between ½ and 0.9. An English name counts only before a character that is
 * not a Latin letter (`/message` is not `/me`).
 */
function runTogether(word: string, form: Form): number | undefined {
  if (form.kind === 'pinyin' || [...form.text].length < 2) return undefined;
  const lower = word.toLowerCase();
  if (!lower.startsWith(form.text) || lower.length === form.text.length) return undefined;
  if (form.kind === 'latin' && /\p{Script=Latin}/u.test(lower.slice(form.text.length, form.text.length + 1))) return undefined;
  // The longer the name that was run together, the likelier it was meant (/绑定群聊 is /绑定群, not /绑定).
  return 0.9 - (0.4 * form.text.length) / lower.length;
}
