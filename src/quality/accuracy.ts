// How well the parser reads labelled bulletins: the seeds' reviewed records and the development corpus.
// A labelled record is found when a parsed record has the same title once spaces are removed; every other
// score counts over labelled records, so a record the parser missed counts against each of them.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBulletin } from '../parse/index.js';
import { markdownToPlainText } from '../parse/markdown.js';
import type { ArticleRecord, ParsedBulletin } from '../types.js';
import { characterDifference } from './invariant.js';

/** What a label says of one record; a field left undefined is not labelled (hand-written expectations omit some). */
export interface LabelledRecord {
  kind: 'article' | 'brief';
  title: string;
  kicker?: string | null;
  subtitle?: string | null;
  column?: string | null;
  byline?: string | null;
  date?: string;
  dateApprox?: boolean;
  captions?: string[];
  firstSentence?: string;
}

export interface LabelledBulletin {
  /** Shown in the table, e.g. `corpus/2024-10`. */
  name: string;
  /** The file name the parser sees (it carries the issue date). */
  file: string;
  input: Uint8Array;
  records: LabelledRecord[];
  breaks: { before: string; after: string }[];
}

/** Right out of how many labelled. */
export interface Tally {
  right: number;
  of: number;
}

export interface BulletinScore {
  name: string;
  labelled: number;
  parsed: number;
  found: number;
  roles: Tally;
  dates: Tally;
  columns: Tally;
  bylines: Tally;
  captions: Tally;
  ledes: Tally;
  breaks: Tally;
  /** Letters and digits lost or invented between the source and the records. */
  lost: number;
  invented: number;
  /** What went wrong, one line each, for the person tuning the parser. */
  misses: string[];
}

const SPACES_RE = /\s+/gu;
const LABELLED_SETS = ['corpus', 'blind', 'blind-2', 'blind-3', 'blind-4', 'blind-5'];
const compact = (text: string | null | undefined) => (text ?? '').replace(SPACES_RE, '');

export function loadLabelledBulletins(fixturesDir: string): LabelledBulletin[] {
  const out: LabelledBulletin[] = [];
  const seedsDir = join(fixturesDir, 'bulletins');
  for (const name of readdirSync(seedsDir).sort()) {
    const reviewed = join(seedsDir, name, 'articles.json');
    const handWritten = join(seedsDir, name, 'expected.json');
    const labels = existsSync(reviewed) ? reviewed : existsSync(handWritten) ? handWritten : null;
    if (labels === null) continue;
    const { records } = JSON.parse(readFileSync(labels, 'utf8')) as { records: LabelledRecord[] };
    out.push({ name: `seed/${name}`, file: `${name}.txt`, input: readFileSync(join(seedsDir, name, 'input.txt')), records, breaks: [] });
  }
  // Labelled sets in the corpus format: the development corpus, and bulletins written blind to the parser's rules.
  for (const set of LABELLED_SETS) {
    const dir = join(fixturesDir, set);
    if (!existsSync(join(dir, 'labels.json'))) continue;
    const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as Record<
      string,
      { records: LabelledRecord[]; breaks: { before: string; after: string }[] }
    >;
    for (const [file, entry] of Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : 1))) {
      out.push({ name: `${set}/${file.replace(/\.txt$/, '')}`, file, input: readFileSync(join(dir, 'bulletins', file)), records: entry.records, breaks: entry.breaks });
    }
  }
  return out;
}

export function scoreBulletin(labelled: LabelledBulletin, parsed: ParsedBulletin = parseBulletin(labelled.input, labelled.file)): BulletinScore {
  const score: BulletinScore = {
    name: labelled.name,
    labelled: labelled.records.length,
    parsed: parsed.records.length,
    found: 0,
    roles: tally(),
    dates: tally(),
    columns: tally(),
    bylines: tally(),
    captions: tally(),
    ledes: tally(),
    breaks: tally(),
    lost: 0,
    invented: 0,
    misses: [],
  };
  const unused = [...parsed.records];
  for (const want of labelled.records) {
    const at = unused.findIndex((r) => compact(r.title) === compact(want.title));
    const got = at >= 0 ? unused.splice(at, 1)[0]! : null;
    if (got) score.found++;
    else score.misses.push(`not found: ${want.kind} 「${want.title}」`);
    check(score, 'roles', want, got, (r) => ({ kicker: r.kicker ?? null, title: r.title, subtitle: r.subtitle ?? null }), ['kicker', 'subtitle']);
    check(score, 'dates', want, got, (r) => ({ date: r.date, dateApprox: r.dateApprox }), ['date']);
    check(score, 'columns', want, got, (r) => ({ column: r.column ?? null }), ['column']);
    check(score, 'bylines', want, got, (r) => ({ byline: r.byline ?? null }), ['byline']);
    if (want.captions !== undefined) {
      const have = new Set((got?.captions ?? []).map(compact));
      for (const caption of want.captions) {
        score.captions.of++;
        if (have.has(compact(caption))) score.captions.right++;
        else score.misses.push(`caption not found in 「${want.title}」: 「${caption}」`);
      }
    }
    if (want.firstSentence !== undefined) {
      score.ledes.of++;
      const opening = compact(markdownToPlainText(got?.body ?? '').replace(/^◆/u, '')).slice(0, compact(want.firstSentence).length);
      if (got && opening === compact(want.firstSentence)) score.ledes.right++;
      else if (got) score.misses.push(`lede of 「${want.title}」 starts 「${opening}」, not 「${want.firstSentence}」`);
    }
  }
  for (const extra of unused) score.misses.push(`not labelled: ${extra.kind} 「${extra.title}」 (line ${extra.source.startLine})`);
  const bodies = parsed.records.map((r) => compact(markdownToPlainText(r.body)));
  for (const { before, after } of labelled.breaks) {
    score.breaks.of++;
    if (bodies.some((b) => b.includes(compact(before) + compact(after)))) score.breaks.right++;
    else score.misses.push(`break not rejoined: 「${before}|${after}」`);
  }
  const { lost, invented } = characterDifference(parsed);
  score.lost = [...lost].length;
  score.invented = [...invented].length;
  if (lost || invented) score.misses.push(`characters lost 「${lost}」 invented 「${invented}」`);
  return score;
}

type Comparable = Record<string, string | boolean | null | undefined>;

/**
 * One labelled aspect of one record: right when every labelled field equals the parsed one. `required` names
 * the fields that must be labelled for the aspect to count (hand-written expectations leave some out).
 */
function check(
  score: BulletinScore,
  aspect: 'roles' | 'dates' | 'columns' | 'bylines',
  want: LabelledRecord,
  got: ArticleRecord | null,
  pick: (r: LabelledRecord | ArticleRecord) => Comparable,
  required: (keyof LabelledRecord)[],
): void {
  if (required.some((field) => want[field] === undefined)) return;
  score[aspect].of++;
  if (got === null) return;
  const expected = pick(want);
  const actual = pick(got);
  const wrong = Object.keys(expected).filter((key) => expected[key] !== actual[key]);
  if (wrong.length === 0) score[aspect].right++;
  else score.misses.push(`${aspect} of 「${want.title}」: ${wrong.map((k) => `${k} ${show(actual[k])}, labelled ${show(expected[k])}`).join('; ')}`);
}

function show(value: string | boolean | null | undefined): string {
  return typeof value === 'string' ? `「${value}」` : String(value);
}

function tally(): Tally {
  return { right: 0, of: 0 };
}

export interface Totals extends Omit<BulletinScore, 'name' | 'misses'> {
  precision: number;
  recall: number;
  f1: number;
}

export function totals(scores: BulletinScore[]): Totals {
  const sum = (pick: (s: BulletinScore) => number) => scores.reduce((n, s) => n + pick(s), 0);
  const sumTally = (aspect: 'roles' | 'dates' | 'columns' | 'bylines' | 'captions' | 'ledes' | 'breaks'): Tally => ({
    right: sum((s) => s[aspect].right),
    of: sum((s) => s[aspect].of),
  });
  const labelled = sum((s) => s.labelled);
  const parsed = sum((s) => s.parsed);
  const found = sum((s) => s.found);
  return { labelled, parsed, found, ...f1(found, parsed, labelled), roles: sumTally('roles'), dates: sumTally('dates'), columns: sumTally('columns'), bylines: sumTally('bylines'), captions: sumTally('captions'), ledes: sumTally('ledes'), breaks: sumTally('breaks'), lost: sum((s) => s.lost), invented: sum((s) => s.invented) };
}

export function f1(found: number, parsed: number, labelled: number): { precision: number; recall: number; f1: number } {
  const precision = parsed === 0 ? 0 : found / parsed;
  const recall = labelled === 0 ? 0 : found / labelled;
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

export function share(t: Tally): number {
  return t.of === 0 ? 1 : t.right / t.of;
}
