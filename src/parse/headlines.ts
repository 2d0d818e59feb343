// Headline roles: column label, kicker (引题), title (主题), subtitle (副题). Two stacked lines are ambiguous by
// position, so the content decides where it can: an editor's mark, a `#` level that sets one line larger than
// the others, a subtitle's dash or its facts (某某出席, 当选…, …报道), a label-like line that the lede restates
// (a place kicker such as 贵州铜仁, not a column), a title wrapped over two lines. Where none of that speaks, the
// upper line is the kicker, and the headline says it was a guess.
import { hanCount, isCjkish, isHan } from './chars.js';
import { isLabelLike } from './captions.js';
import type { EditorMark } from './editorMarks.js';
import { quotedSloganSpaces } from './spaces.js';

export interface SourceLine {
  text: string;
  line: number;
  endLine: number;
  /** `#` count of a heading line, 0 when unmarked. */
  level?: number;
  mark?: EditorMark | undefined;
}

export interface Headline {
  column: SourceLine | null;
  kicker: SourceLine | null;
  title: SourceLine | null;
  subtitle: SourceLine | null;
  /** Headings beyond kicker/title/subtitle: each stood as a headline of its own. */
  extra: SourceLine[];
  /** Set when the roles were chosen without evidence: what was guessed, for the editor's report. */
  guess?: string;
}

const SUBTITLE_DASH_RE = /^[—–-]{1,2}/u;
/** A subtitle adds facts: who attended, spoke or was elected, or what kind of piece follows (…纪实, …报道). */
const SUBTITLE_FACT_RE =
  /(?:出席|致辞|讲话|主持|颁奖|作报告|带队)(?:[ ，]|$)|当选|(?:报道|纪实|侧记|掠影|剪影|综述|速递)$|\d+(?:万|亿)?余?[名个家项支人场次户]|(?:获|荣获|夺得).*(?:称号|奖|冠军|第一)|(?:书记|主席|主任|部长|局长|市长|区长|县长|负责人)[、，]?[\p{Script=Han}]{0,8}(?:带队|出席|调研|走访|看望|慰问|检查)/u;
/** A title wrapped over two lines: the second half continues (暨…, 及…) or the first is left open (…——, …的). */
const CONTINUES_RE = /^(?:暨|及|以及|和|与|并|之)/u;
const LEFT_OPEN_RE = /(?:——|—|暨|及|和|与|的|、|，|·)$/u;
/** A report's title says who did what; a two- or four-character slogan (服务大局) heads a section. */
export const TITLE_MIN_HAN = 6;
/** A label-like line that names a province or city (贵州铜仁, 四川宜宾) is a place kicker, not a column. */
const PLACE_KICKER_RE =
  /^(?:川渝|成渝|北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门)/u;
/** Share of a line's character pairs the lede repeats, above which the lede restates that line. */
export const RESTATED_SHARE = 0.5;
const ORDINAL_RE = /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十\d]+）|\d+[.、．]|第[一二三四五六七八九十\d]+[部分章节])/u;
const ROLE_MARKS: readonly EditorMark[] = ['kicker', 'title', 'subtitle'];

/** `lede` is the first paragraph under the headline, when there is one: the title's words recur in it. */
export function assignHeadlineRoles(headings: SourceLine[], lede = ''): Headline {
  if (headings.some((h) => h.mark !== undefined && ROLE_MARKS.includes(h.mark))) return rolesFromMarks(headings);
  const markedColumn = headings.find((h) => h.mark === 'column') ?? null;
  let rest = headings.filter((h) => h !== markedColumn);
  const column =
    markedColumn ??
    (rest.length >= 2 && isLabelLike(rest[0]!.text) && !SUBTITLE_DASH_RE.test(rest[1]!.text) && !PLACE_KICKER_RE.test(rest[0]!.text)
      ? rest.shift()!
      : null);
  rest = joinWrappedTitle(rest);
  const extra = rest.length > 3 ? rest.splice(0, rest.length - 3) : [];
  const headline: Headline = { column, kicker: null, title: null, subtitle: null, extra };
  // A larger line is the title, unless it is a motto of two halves: converters set some kickers largest.
  let largest = uniqueLargest(rest);
  if (largest >= 0 && / /.test(rest[largest]!.text) && rest.some((l, i) => i !== largest && !/ /.test(l.text))) largest = -1;
  if (largest >= 0) {
    headline.title = rest[largest]!;
    headline.kicker = rest[largest - 1] ?? null;
    headline.subtitle = rest[largest + 1] ?? null;
    headline.extra.push(...rest.slice(0, Math.max(0, largest - 1)), ...rest.slice(largest + 2));
  } else if (rest.length === 1) headline.title = rest[0]!;
  else if (rest.length === 2) {
    const [upper, lower] = rest as [SourceLine, SourceLine];
    const factsBelow = SUBTITLE_FACT_RE.test(lower.text) && !looksLikeKicker(upper.text);
    if (SUBTITLE_DASH_RE.test(lower.text) || factsBelow) [headline.title, headline.subtitle] = [upper, lower];
    else {
      [headline.kicker, headline.title] = [upper, lower];
      if (lede !== '' && !looksLikeKicker(upper.text) && restatedShare(upper.text, lede) > restatedShare(lower.text, lede)) {
        headline.guess = `read 「${upper.text}」 as the kicker and 「${lower.text}」 as the title, though the lede repeats the upper line more`;
      }
    }
  } else if (rest.length === 3) [headline.kicker, headline.title, headline.subtitle] = rest as [SourceLine, SourceLine, SourceLine];
  return headline;
}

function rolesFromMarks(headings: SourceLine[]): Headline {
  const marked = (mark: EditorMark) => headings.find((h) => h.mark === mark) ?? null;
  const column = marked('column');
  const unmarked = headings.filter((h) => h.mark === undefined);
  let title = marked('title');
  if (title === null) title = unmarked.shift() ?? null;
  const at = title ? headings.indexOf(title) : -1;
  const before = headings[at - 1];
  const after = headings[at + 1];
  const kicker = marked('kicker') ?? (before && before.mark === undefined ? before : null);
  const subtitle = marked('subtitle') ?? (after && after.mark === undefined ? after : null);
  const used = new Set([column, title, kicker, subtitle]);
  return { column, kicker, title, subtitle, extra: headings.filter((h) => !used.has(h)) };
}

/** The one line set larger (fewer `#`) than every other, when the converter kept the sizes; else -1. */
function uniqueLargest(lines: SourceLine[]): number {
  if (lines.length < 2 || lines.some((l) => !l.level)) return -1;
  const min = Math.min(...lines.map((l) => l.level!));
  const at = lines.filter((l) => l.level === min);
  return at.length === 1 && lines.some((l) => l.level !== min) ? lines.indexOf(at[0]!) : -1;
}

function joinWrappedTitle(lines: SourceLine[]): SourceLine[] {
  const out: SourceLine[] = [];
  for (const line of lines) {
    const previous = out.at(-1);
    if (previous && (CONTINUES_RE.test(line.text) || LEFT_OPEN_RE.test(previous.text) || opensMoreThanItCloses(previous.text))) {
      out[out.length - 1] = { ...previous, text: previous.text + line.text, endLine: line.endLine };
    } else out.push(line);
  }
  return out;
}

function opensMoreThanItCloses(text: string): boolean {
  const count = (re: RegExp) => text.match(re)?.length ?? 0;
  return count(/[“（《]/gu) > count(/[”）》]/gu);
}

/** A kicker is a motto of two parallel halves (凝心聚力谋发展 奋楫扬帆启新程) or a few characters of place or theme. */
function looksLikeKicker(text: string): boolean {
  return / /.test(text) || hanCount(text) <= 6;
}

/**
 * Whether headings could title a report of their own. A report's title says who did what, so a short one names
 * its actor (区总工会…, 重庆市…, 某某公司…); a short slogan with no actor (走访慰问暖人心, 服务大局) heads a section.
 */
export function isPlausibleTitle(headings: SourceLine[]): boolean {
  const { title } = assignHeadlineRoles(headings);
  if (title === null) return false;
  const han = hanCount(title.text);
  return han >= ACTORLESS_TITLE_MIN_HAN || (han >= TITLE_MIN_HAN && ACTOR_RE.test(title.text));
}

/** Who a report's title names: a union, a place, an organisation. */
const ACTOR_RE = /工会|工委|[省市区县镇乡村]|街道|园区|公司|集团|企业|[局委办厅院校]|中心|协会|联合会|劳模|工匠/u;
/** Long enough to be a report's title whatever it names. */
const ACTORLESS_TITLE_MIN_HAN = 8;

export function isOrdinalHeading(text: string): boolean {
  return ORDINAL_RE.test(text);
}

/** Each half of a parallel title is a phrase: 是比武 更是切磋学习和提高 (3 + 8), never a word or two. */
const MIN_HALF_HAN = 3;
/**
 * A line wraps where it is full, so a long first part with a short tail (…运动会 喜获佳绩, …示范 点挂牌运行) was
 * wrapped; a parallel title's first half is as short as its second or shorter (寒冬送暖 户外劳动者服务站点上新).
 */
const MAX_HALF_RATIO = 1.9;
/**
 * A first half that ends on a verb still waiting for its object (…总工会举办 第三届…大赛) does not stand alone:
 * the space was a line's end, not the middle of a parallel title.
 */
const OPEN_VERB_END_RE = /(?:举办|召开|举行|开展|启动|组织|发布|推进|看望|慰问|走进|参加|成立|签订|建成|开通|出台|印发|部署|表彰|命名)$/u;
/** A second half that opens with a pairing word belongs to the first whatever their lengths (…是 …更是). */
const PARALLEL_CONNECTOR_RE = /^(?:更|也|又|还|再|亦|既|且)/u;

/**
 * A heading keeps the one space between the two halves of a parallel title (川渝“飞手”聚开州 空天比拼斗技艺), and
 * the space of a quoted slogan (“情暖劳动者 共筑幸福途”). The article's own text is the evidence: where it runs
 * the two sides together (the lede's `召开六届` proves `召开 六届` was a line-wrap artifact) the space goes, and
 * where it prints them with the space (the lede's “劳动有福 劳动造福”) the space stays.
 */
export function resolveHeadingSpaces(text: string, articleText: string, compactArticle = articleText.replace(/ /g, '')): string {
  if (!text.includes(' ')) return text;
  const quoted = quotedSloganSpaces(text);
  const parts = text.split(' ');
  const latin: number[] = [];
  const kept = new Set<number>();
  const parallel: number[] = [];
  let offset = 0;
  for (let k = 0; k < parts.length - 1; k++) {
    offset += parts[k]!.length;
    const left = parts[k]!;
    const right = parts[k + 1]!;
    const cjkLeft = isCjkish(left.at(-1));
    const cjkRight = isCjkish(right[0]);
    const spaceAt = offset + k;
    if (!cjkLeft && !cjkRight) latin.push(k); // English keeps its spaces
    if (!cjkLeft || !cjkRight) continue; // none between Chinese and Latin or digits
    const seam = left.slice(-2) + right.slice(0, 2);
    const printedWithSpace = articleText.includes(`${left.slice(-2)} ${right.slice(0, 2)}`);
    if (quoted.has(spaceAt) || printedWithSpace) {
      kept.add(k);
      continue;
    }
    const [leftHan, rightHan] = [hanCount(left), hanCount(right)];
    const short = Math.min(leftHan, rightHan);
    const alike = leftHan <= rightHan * MAX_HALF_RATIO || PARALLEL_CONNECTOR_RE.test(right);
    if (short >= MIN_HALF_HAN && alike && !OPEN_VERB_END_RE.test(left) && !compactArticle.includes(seam)) parallel.push(k);
  }
  // Of several candidates for the parallel space, the one nearest the middle divides the title.
  const middle = text.replace(/ /g, '').length / 2;
  let best = -1;
  let bestDistance = Infinity;
  let position = 0;
  for (let k = 0; k < parts.length - 1; k++) {
    position += parts[k]!.length;
    if (parallel.includes(k) && Math.abs(position - middle) < bestDistance) {
      best = k;
      bestDistance = Math.abs(position - middle);
    }
  }
  if (best >= 0) kept.add(best);
  let out = parts[0]!;
  for (let k = 0; k < parts.length - 1; k++) out += (latin.includes(k) || kept.has(k) ? ' ' : '') + parts[k + 1]!;
  return out;
}

const LEDE_WINDOW_CHARS = 120;

/**
 * How much of a headline the paragraph under it restates: the share of the headline's pairs of Chinese
 * characters that recur in the paragraph's opening. A main title is restated by its lede; a cut sentence,
 * a slogan kicker or a section heading mostly is not.
 */
export function restatedShare(headline: string, paragraph: string): number {
  const pairs = hanPairs(headline);
  if (pairs.length === 0) return 0;
  const opening = paragraph.slice(0, LEDE_WINDOW_CHARS).replace(/ /g, '');
  let found = 0;
  for (const pair of pairs) if (opening.includes(pair)) found++;
  return found / pairs.length;
}

function hanPairs(text: string): string[] {
  const pairs: string[] = [];
  const chars = [...text.replace(/ /g, '')];
  for (let i = 0; i + 1 < chars.length; i++) if (isHan(chars[i]) && isHan(chars[i + 1])) pairs.push(chars[i]! + chars[i + 1]!);
  return pairs;
}
