// "Related articles": records whose headline or opening share rare two-character terms (黔江, 篮球, 协商), then the
// nearest records of the same column. Terms many records share (工会, 重庆) say nothing, so postings longer than
// RARE_LIMIT are skipped; that also bounds the work per record, so 50,000 records cost the same per record as 50.
import type { ArticleRecord } from '../types.js';

export const RELATED_COUNT = 3;
const RARE_LIMIT = 30;
/** How much of the body counts: the lead paragraph names the who and where. */
const OPENING_CHARS = 80;

/** CJK Unified Ideographs and Extension A: the Han characters of modern Chinese text, as UTF-16 code units. */
const isHan = (code: number) => (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf);

/** Two-character Han terms of the headline and opening, as numbers (two code units) to spare the garbage collector. */
function titleTerms(record: ArticleRecord): number[] {
  const text = `${record.kicker ?? ''} ${record.title} ${record.subtitle ?? ''} ${record.body.slice(0, OPENING_CHARS)}`;
  const terms = new Set<number>();
  for (let i = 0; i + 1 < text.length; i++) {
    const a = text.charCodeAt(i);
    const b = text.charCodeAt(i + 1);
    if (isHan(a) && isHan(b)) terms.add(a * 0x10000 + b);
  }
  return [...terms];
}

/** For each record (by index), the indexes of up to RELATED_COUNT related records, best first. */
export function relatedRecords(records: ArticleRecord[]): number[][] {
  const terms = records.map(titleTerms);
  const postings = new Map<number, number[]>();
  terms.forEach((list, i) => {
    for (const term of list) {
      const posting = postings.get(term);
      if (posting) posting.push(i);
      else postings.set(term, [i]);
    }
  });

  const byColumn = new Map<string, number[]>();
  records.forEach((record, i) => {
    if (record.column === null) return;
    const list = byColumn.get(record.column);
    if (list) list.push(i);
    else byColumn.set(record.column, [i]);
  });
  const positionInColumn = new Map<number, number>();
  for (const list of byColumn.values()) {
    list.sort((a, b) => compareByDate(records, a, b));
    list.forEach((recordIndex, position) => positionInColumn.set(recordIndex, position));
  }

  const days = records.map((record) => Date.parse(record.date) / 86_400_000);
  const rare = terms.map((list) => list.map((term) => postings.get(term)!).filter((p) => p.length > 1 && p.length <= RARE_LIMIT));
  // Scores live in one array reused for every record; `touched` lists the entries to read and reset.
  const scores = new Float64Array(records.length);
  const touched: number[] = [];
  const better = (i: number, a: number, b: number) =>
    scores[a]! !== scores[b]! ? scores[a]! > scores[b]! : Math.abs(days[i]! - days[a]!) !== Math.abs(days[i]! - days[b]!) ? Math.abs(days[i]! - days[a]!) < Math.abs(days[i]! - days[b]!) : a < b;

  return records.map((record, i) => {
    for (const posting of rare[i]!) {
      const weight = 1 / posting.length;
      for (const j of posting) {
        if (j === i) continue;
        if (scores[j] === 0) touched.push(j);
        scores[j]! += weight;
      }
    }
    const chosen: number[] = [];
    for (const j of touched) {
      if (record.column !== null && records[j]!.column === record.column) scores[j]! += 0.01;
    }
    for (const j of touched) {
      let at = chosen.length;
      while (at > 0 && better(i, j, chosen[at - 1]!)) at--;
      if (at < RELATED_COUNT) {
        chosen.splice(at, 0, j);
        if (chosen.length > RELATED_COUNT) chosen.pop();
      }
    }
    for (const j of touched) scores[j] = 0;
    touched.length = 0;
    if (chosen.length < RELATED_COUNT && record.column !== null) {
      const column = byColumn.get(record.column)!;
      const at = positionInColumn.get(i)!;
      for (let step = 1; chosen.length < RELATED_COUNT && (at - step >= 0 || at + step < column.length); step++) {
        for (const j of [column[at + step], column[at - step]]) {
          if (j !== undefined && chosen.length < RELATED_COUNT && !chosen.includes(j)) chosen.push(j);
        }
      }
    }
    return chosen;
  });
}

function compareByDate(records: ArticleRecord[], a: number, b: number): number {
  const da = records[a]!.date;
  const db = records[b]!.date;
  return da !== db ? (da < db ? -1 : 1) : a - b;
}
