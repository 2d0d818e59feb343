// The dateline (电头, 讯头) a report may open with, before the lede: the outlet's name ending in 讯 or 电,
// optionally with a place, date and time before it (`新华社重庆3月9日电`, `华龙网12月25日14时15分讯`), then
// optionally the reporters, in brackets (`本报讯（记者 张三 通讯员 李四）`, `中国报道讯（郭远乐 通讯员唐松柏）`)
// or not (`本报讯 通讯员 王五 摄影报道`, `本报讯记者张三近日，…`). The lede's own date follows it.
import { DIGIT_CLASS, NUMBER_SOURCE, YEAR_SOURCE } from './constants.js';

const HAN = '\\u4e00-\\u9fff';
const SPACES = '[ \\u3000]*';

/** A news outlet's name: a short run of words ending like one (本报, 华龙网, 新华社, 新重庆客户端, 中国报道, 上游新闻). */
const OUTLET_SOURCE = `[${HAN}0-9A-Za-z０-９·\\-－—]{1,14}?(?:报道|新闻|杂志|频道|客户端|报|网|社|台|刊)`;
const PLACE_SOURCE = `[${HAN}]{2,5}?`;
const DATE_SOURCE = `(?:${YEAR_SOURCE}年)?${NUMBER_SOURCE}月${NUMBER_SOURCE}[日号]`;
const TIME_SOURCE = `(?:[${DIGIT_CLASS}]{1,2}[时点](?:[${DIGIT_CLASS}]{1,2}分)?|[${DIGIT_CLASS}]{1,2}[:：][${DIGIT_CLASS}]{2})`;

/** Groups: outlet, place before a date, the date, place right before 电, the closing word. */
const HEAD_RE = new RegExp(
  `^(${OUTLET_SOURCE})(?:(${PLACE_SOURCE})?(${DATE_SOURCE})${TIME_SOURCE}?|(${PLACE_SOURCE})(?=电))?` +
    // `讯号`, `讯息` are words, not a dateline's end.
    `(讯(?![号息])|电|消息)`,
  'u',
);

const BRACKET_CREDIT_RE = new RegExp(`${SPACES}[（(]([^（）()。\\n]{1,50})[）)]${SPACES}`, 'uy');

const ROLE_SOURCE = '(?:本报|本台|本刊|本网)?(?:首席|特约|实习|见习|摄影)?(?:记者|通讯员)';
const NAME_SOURCE = `[${HAN}·]{2,4}?`;
const CREDIT_UNIT_SOURCE = `${ROLE_SOURCE}[ \\u3000]?${NAME_SOURCE}(?:[ \\u3000、]${NAME_SOURCE})*?[ \\u3000]?`;
/** What a lede opens with right after an unbracketed credit: its date, or the clause's comma. */
const LEDE_OPENER_SOURCE = `(?:(?:${YEAR_SOURCE}年)?${NUMBER_SOURCE}月|近日|日前|连日来|近期|今[（(日天]|昨[（(日天]|[，,：:])`;
/**
 * An unbracketed credit must end in a way that shows where the names stop: a credit word (`摄影报道`, `报道`,
 * `摄`), or the lede's date right after the names.
 */
const PLAIN_CREDIT_RE = new RegExp(
  `${SPACES}((?:${CREDIT_UNIT_SOURCE})+?(?:摄影报道|报道|摄(?!影))|(?:${CREDIT_UNIT_SOURCE})+?(?=${LEDE_OPENER_SOURCE}))${SPACES}`,
  'uy',
);
const TRAILING_SPACE_RE = /[ \u3000]*/y;

/** Where a dateline opens at all: one of its closing characters must come this early. */
const HEAD_MAX = 40;
const XUN = '讯'.charCodeAt(0);
const DIAN = '电'.charCodeAt(0);
const XI = '消'.charCodeAt(0);

export interface Dateline {
  /** Characters from the paragraph start to the lede, trailing spaces included. */
  length: number;
  /** `本报`, `华龙网-新重庆客户端`, `新华社`. */
  outlet: string;
  /** `重庆` in `新华社重庆3月9日电`, else null. */
  place: string | null;
  /** The date inside the dateline (`3月9日`), with its index in the paragraph, else null. */
  date: { index: number; text: string } | null;
  /** The reporters as printed, without brackets (`记者 张三 通讯员 李四`, `通讯员徐丁一摄影报道`), else null. */
  credit: string | null;
}

/** The dateline at the start of a paragraph, or null when it opens some other way. */
export function readDateline(text: string): Dateline | null {
  if (!mayOpenWithDateline(text)) return null;
  const head = HEAD_RE.exec(text);
  if (!head) return null;
  let length = head[0].length;
  const closing = head[5]!;
  const place = head[2] ?? head[4] ?? null;
  const dateText = head[3] ?? null;
  let credit: string | null = null;
  BRACKET_CREDIT_RE.lastIndex = length;
  const bracket = BRACKET_CREDIT_RE.exec(text);
  if (bracket) {
    credit = bracket[1]!.trim();
    length += bracket[0].length;
  } else {
    PLAIN_CREDIT_RE.lastIndex = length;
    const plain = PLAIN_CREDIT_RE.exec(text);
    if (plain) {
      credit = plain[1]!.trim();
      length += plain[0].length;
    }
  }
  // `讯` after an outlet's name is a dateline however the lede goes on; `电` and `消息` are common words
  // (`供销社电商`, `报社电话`), so they need a place, a date or a credit to be one.
  if (closing !== '讯' && place === null && dateText === null && credit === null) return null;
  TRAILING_SPACE_RE.lastIndex = length;
  length += TRAILING_SPACE_RE.exec(text)![0].length;
  return {
    length,
    outlet: head[1]!,
    place,
    date: dateText === null ? null : { index: head[1]!.length + (head[2]?.length ?? 0), text: dateText },
    credit,
  };
}

/** Length of the dateline that opens a paragraph, 0 when there is none. */
export function datelineLength(text: string): number {
  return readDateline(text)?.length ?? 0;
}

/** Cheap test before any pattern: a dateline closes with 讯, 电 or 消息 within its first characters. */
function mayOpenWithDateline(text: string): boolean {
  const end = Math.min(text.length, HEAD_MAX);
  for (let i = 1; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === XUN || c === DIAN || c === XI) return true;
  }
  return false;
}
