// "Related articles": records whose headline or opening share rare two-character terms (黔江, 篮球, 协商), then the
// nearest records of the same column. Terms many records share (工会, 重庆) say nothing, so postings longer than
// RARE_LIMIT are skipped; that also bounds the work per record, so 50,000 records cost the same per record as 50.
import type { ArticleRecord } from '../types.js';

export const RELATED_COUNT = 3;
const RARE_LIMIT = 30;
/** How much of the body counts: the lead paragraph names the who and where. */
const OPENING_CHARS = 80;
const HAN = /\p{Script=Han}/u;

function titleTerms(record: ArticleRecord): string[] {
  const text = `${record.kicker ?? ''} ${record.title} ${record.subtitle ?? ''} ${record.body.slice(0, OPENING_CHARS)}`;
  const chars = Array.from(text);
  const terms = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) {
    if (HAN.test(chars[i]!) && HAN.test(chars[i + 1]!)) terms.add(chars[i]! + chars[i + 1]!);
  }
  return [...terms];
}

/** For each record (by index), the indexes of up to RELATED_COUNT related records, best first. */
export function relatedRecords(records: ArticleRecord[]): number[][] {
  const terms = records.map(titleTerms);
  const postings = new Map<string, number[]>();
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

  const dayDistance = (a: number, b: number) => Math.abs(Date.parse(records[a]!.date) - Date.parse(records[b]!.date));

  return records.map((record, i) => {
    const scores = new Map<number, number>();
    for (const term of terms[i]!) {
      const posting = postings.get(term)!;
      if (posting.length > RARE_LIMIT) continue;
      const weight = 1 / posting.length;
      for (const j of posting) if (j !== i) scores.set(j, (scores.get(j) ?? 0) + weight);
    }
    for (const [j, score] of scores) {
      if (record.column !== null && records[j]!.column === record.column) scores.set(j, score + 0.01);
    }
    const chosen = [...scores.entries()]
      .sort((a, b) => b[1] - a[1] || dayDistance(i, a[0]) - dayDistance(i, b[0]) || a[0] - b[0])
      .slice(0, RELATED_COUNT)
      .map(([j]) => j);
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
