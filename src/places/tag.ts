// Which districts, counties, zones and city industry unions a finished record names, and where. A pure function over
// records (not a parser stage): it reads the fields the parser produced and the gazetteer, nothing else.
import type { ArticleRecord } from '../types.js';
import { GAZETTEER, type PlaceEntry, type PlaceKind } from './gazetteer.js';

export type PlaceField = 'kicker' | 'title' | 'subtitle' | 'byline' | 'dateline' | 'body' | 'captions';

export interface PlaceMention {
  field: PlaceField;
  /** Offset in UTF-16 code units into the field's text; for `dateline` and `body` both count from the start of `record.body`. */
  index: number;
  /** The form as written (`永川区`, `永川`, `市能源工会`). */
  text: string;
  /** For `captions`: which caption. */
  item?: number;
}

export interface PlaceTag {
  id: string;
  name: string;
  label: string;
  kind: PlaceKind;
  found: PlaceMention[];
}

export type TaggableRecord = Pick<ArticleRecord, 'kicker' | 'title' | 'subtitle' | 'byline' | 'body' | 'captions'>;

const HAN_RE = /\p{Script=Han}/u;
// What may stand before a short name that must be a word of its own: a place preposition or a list/coordination mark.
const ALONE_BEFORE = '在赴到至于去来从和与及同跟由向、';
// …and after it: a place suffix, a demonym, a list mark.
const ALONE_AFTER = '、的籍人和与及等';

// A report's opening credit (本报讯（记者…）, 华龙网-新重庆客户端2月9日10时讯（…）, 新华社重庆3月9日电（…）) is the dateline.
// Lazy, so that 本报讯通讯员… ends at the first 讯.
const DATELINE_RE = /^(?:[^\n，。；：（]{1,30}?讯|[^\n，。；：（]{1,20}?\d{1,2}月\d{1,2}日(?:\d{1,2}时)?电)(?:（[^）\n]{0,80}）)?/;

interface Candidate {
  entry: PlaceEntry;
  order: number;
  start: number;
  end: number;
  short: boolean;
}

/** Every district and union the record names, in gazetteer order, each with every place it was found. */
export function tagPlaces(record: TaggableRecord): PlaceTag[] {
  const found = new Map<number, PlaceMention[]>();
  const add = (order: number, mention: PlaceMention) => {
    const list = found.get(order);
    if (list) list.push(mention);
    else found.set(order, [mention]);
  };
  const scan = (field: PlaceField, text: string | null, offset = 0, item?: number) => {
    if (!text) return;
    for (const c of matchesIn(text)) {
      add(c.order, { field, index: offset + c.start, text: text.slice(c.start, c.end), ...(item === undefined ? {} : { item }) });
    }
  };
  scan('kicker', record.kicker);
  scan('title', record.title);
  scan('subtitle', record.subtitle);
  scan('byline', record.byline);
  const dateline = DATELINE_RE.exec(record.body)?.[0] ?? '';
  scan('dateline', dateline);
  scan('body', record.body.slice(dateline.length), dateline.length);
  record.captions.forEach((caption, i) => scan('captions', caption, 0, i));
  return [...found.entries()]
    .sort(([a], [b]) => a - b)
    .map(([order, mentions]) => {
      const entry = GAZETTEER[order]!;
      return { id: entry.id, name: entry.name, label: entry.label, kind: entry.kind, found: mentions };
    });
}

interface Form {
  text: string;
  entry: PlaceEntry;
  order: number;
  short: boolean;
}

// Every form under its first character, so one pass over a text finds them all (instead of one search per form).
const FORMS_BY_FIRST = new Map<string, Form[]>();
GAZETTEER.forEach((entry, order) => {
  for (const [forms, short] of [[entry.forms, false], [entry.short, true]] as const) {
    for (const text of forms) {
      const list = FORMS_BY_FIRST.get(text[0]!) ?? [];
      list.push({ text, entry, order, short });
      FORMS_BY_FIRST.set(text[0]!, list);
    }
  }
});

/** The gazetteer's matches in one piece of text, longest first where they overlap (永川区 over 永川, 市能源工会 over 能源工会). */
export function matchesIn(text: string): Candidate[] {
  const candidates: Candidate[] = [];
  for (let at = 0; at < text.length; at++) {
    for (const form of FORMS_BY_FIRST.get(text[at]!) ?? []) {
      if (!text.startsWith(form.text, at)) continue;
      const c = { entry: form.entry, order: form.order, start: at, end: at + form.text.length, short: form.short };
      if (allowed(text, c)) candidates.push(c);
    }
  }
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start || a.order - b.order);
  const taken: Candidate[] = [];
  for (const c of candidates) {
    if (!taken.some((t) => c.start < t.end && t.start < c.end)) taken.push(c);
  }
  return taken.sort((a, b) => a.start - b.start);
}

function allowed(text: string, c: Candidate): boolean {
  const { entry } = c;
  for (const longer of entry.notIn ?? []) {
    for (let at = text.indexOf(longer); at !== -1; at = text.indexOf(longer, at + 1)) {
      if (at <= c.start && c.end <= at + longer.length) return false;
    }
  }
  if (!c.short || !entry.guard) return true;
  const { before, after, alone } = entry.guard;
  const prev = c.start > 0 ? text[c.start - 1]! : '';
  const rest = text.slice(c.end);
  if (before && prev !== '' && before.includes(prev)) return false;
  if (after?.some((s) => rest.startsWith(s))) return false;
  if (alone) {
    if (prev !== '' && HAN_RE.test(prev) && !ALONE_BEFORE.includes(prev)) return false;
    const next = rest[0] ?? '';
    if (alone === 'both' && next !== '' && HAN_RE.test(next) && !ALONE_AFTER.includes(next)) return false;
  }
  return true;
}
