// A published address never breaks. `<content>/published-urls.json` lists every record and issue address the site
// has published. A record's id hashes its issue, kind and title, so a corrected title moves the article; when an
// address in the list would no longer be built, its page becomes a redirect to its successor (the same record under
// its new address, found by issue, position and text), and feed entries keep the id they were first published
// under. An address with no successor stops the build, unless the editor retired it in the same file; a retired
// address points to its issue page. Everything here is deterministic: the list is written sorted, one line per
// address, and holds no times.
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { BulletinError } from '../errors.js';

export const REGISTRY_FILE = 'published-urls.json';

/** Written at the top of the file, for the editor who opens it. */
const ABOUT = [
  'Every address this site has published (records and issues). `npm run build` adds new ones, and when an address would',
  'no longer be built it records where the same article went ("to"); its old address then serves a redirect page.',
  'Commit this file with the bulletins; CI fails when it is out of date. Never delete an entry.',
  'A wrong or missing "to": set it to the right address by hand. An article or issue removed on purpose: add its address',
  'under "retired" with the reason, e.g. "/2024/01/05/1a2b3c4d/": "duplicate of …"; it then points to its issue page',
  '(a retired issue address retires its articles too, and points to /archive/).',
];

const RECORD_PATH_RE = /^\/\d{4}\/\d{2}\/\d{2}\/[A-Za-z0-9_-]+\/$/;
const ISSUE_PATH_RE = /^\/issues\/[a-z0-9]+(?:-[a-z0-9]+)*\/$/;
const ISSUE_DATE_RE = /^\d{4}-\d{2}(?:-\d{2})?/;

export interface UrlEntry {
  /** The issue key the address was published under (`2023-12-year-end`). */
  issue: string;
  /** Records only: what the address held when first published. */
  kind?: 'article' | 'brief';
  order?: number;
  title?: string;
  /** Records only: a MinHash of the text's character pairs (`textSignature`). */
  text?: string;
  /** Where the address now points (written by the build, or by an editor to correct it). */
  to?: string;
  /** The address a moved record was first published under: its feed id. */
  first?: string;
}

export interface Registry {
  retired: Map<string, string>;
  urls: Map<string, UrlEntry>;
}

/** What the build publishes now, as the registry needs it. */
export interface CurrentRecord {
  path: string;
  issueKey: string;
  kind: 'article' | 'brief';
  order: number;
  title: string;
  body: string;
}
export interface CurrentIssue {
  path: string;
  key: string;
}

export interface Redirect {
  /** The old, unprefixed address. */
  path: string;
  /** The unprefixed address it points to: a record, an issue page or /archive/. */
  target: string;
  reason: 'moved' | 'retired';
}

export interface UrlPlan {
  file: string;
  redirects: Redirect[];
  /** Current record path → the path its feed entries use as id, when that differs. */
  feedIds: Map<string, string>;
  errors: BulletinError[];
  /** The registry as this build leaves it; `changed` when it differs from the file. */
  text: string;
  changed: boolean;
  added: number;
  moved: number;
}

/**
 * Where the registry of `bulletins` lives: beside their folder (`content/bulletins/…` → `content/published-urls.json`).
 * Null when they do not share one `bulletins` folder (records parsed from test fixtures).
 */
export function registryFileFor(files: string[], contentDir?: string): string | null {
  if (contentDir !== undefined) return join(contentDir, REGISTRY_FILE);
  const folders = new Set(files.map((file) => dirname(file)));
  if (folders.size !== 1) return null;
  const [folder] = [...folders] as [string];
  if (basename(folder) !== 'bulletins') return null;
  return join(dirname(folder), REGISTRY_FILE);
}

/** The registry in `file`, or null when there is none yet. Throws a `BulletinError` with the line for a bad file. */
export function readRegistry(file: string): { registry: Registry; text: string } | null {
  if (!existsSync(file)) return null;
  const text = readFileSync(file, 'utf8');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const at = /position (\d+)/.exec((error as Error).message);
    const line = at ? lineAt(text, Number(at[1])) : 1;
    throw new BulletinError(file, line, `not valid JSON (${(error as Error).message}); fix the file by hand or restore it from git`);
  }
  const bad = (key: string | null, what: string) =>
    new BulletinError(file, key === null ? 1 : lineOf(text, key), `${key === null ? 'the file' : JSON.stringify(key)} ${what}`);
  if (!isObject(data)) throw bad(null, 'must hold an object with "urls" and "retired"');
  const registry: Registry = { retired: new Map(), urls: new Map() };
  const retired = data.retired ?? {};
  if (!isObject(retired)) throw bad('retired', 'must be an object: address → reason');
  for (const [path, reason] of Object.entries(retired)) {
    if (!RECORD_PATH_RE.test(path) && !ISSUE_PATH_RE.test(path)) throw bad(path, 'is not a record or issue address such as /2024/01/05/1a2b3c4d/ or /issues/2024-01-05/');
    if (typeof reason !== 'string' || reason.trim() === '') throw bad(path, 'needs a reason: "retired": { "/…/": "why it was removed" }');
    registry.retired.set(path, reason);
  }
  const urls = data.urls ?? {};
  if (!isObject(urls)) throw bad('urls', 'must be an object: address → entry');
  for (const [path, value] of Object.entries(urls)) {
    const record = RECORD_PATH_RE.test(path);
    if (!record && !ISSUE_PATH_RE.test(path)) throw bad(path, 'is not a record or issue address such as /2024/01/05/1a2b3c4d/ or /issues/2024-01-05/');
    if (!isObject(value) || typeof value.issue !== 'string' || !ISSUE_DATE_RE.test(value.issue)) throw bad(path, 'needs an "issue" such as "2024-01-05"');
    const entry: UrlEntry = { issue: value.issue };
    if (value.kind !== undefined) {
      if (value.kind !== 'article' && value.kind !== 'brief') throw bad(path, 'has a "kind" other than "article" or "brief"');
      entry.kind = value.kind;
    }
    if (value.order !== undefined) {
      if (!Number.isInteger(value.order)) throw bad(path, 'has an "order" that is not a whole number');
      entry.order = value.order as number;
    }
    for (const key of ['title', 'text'] as const) {
      if (value[key] === undefined) continue;
      if (typeof value[key] !== 'string') throw bad(path, `has a "${key}" that is not text`);
      entry[key] = value[key] as string;
    }
    for (const key of ['to', 'first'] as const) {
      if (value[key] === undefined) continue;
      const target = value[key];
      if (typeof target !== 'string' || (!RECORD_PATH_RE.test(target) && !ISSUE_PATH_RE.test(target))) {
        throw bad(path, `has a "${key}" that is not an address of this site such as /2024/01/05/1a2b3c4d/`);
      }
      entry[key] = target;
    }
    registry.urls.set(path, entry);
  }
  return { registry, text };
}

/** The file's text: sorted, one line per address, so a diff shows exactly what a build added. */
export function serializeRegistry(registry: Registry): string {
  const block = (name: string, map: Map<string, unknown>, last: boolean) => {
    const keys = [...map.keys()].sort(byCodeUnit);
    const close = last ? '' : ',';
    if (keys.length === 0) return [`  ${JSON.stringify(name)}: {}${close}`];
    return [
      `  ${JSON.stringify(name)}: {`,
      ...keys.map((key, i) => `    ${JSON.stringify(key)}: ${JSON.stringify(map.get(key))}${i < keys.length - 1 ? ',' : ''}`),
      `  }${close}`,
    ];
  };
  const urls = new Map([...registry.urls].map(([path, e]) => [path, orderedEntry(e)]));
  return `${[
    '{',
    '  "about": [',
    ...ABOUT.map((line, i) => `    ${JSON.stringify(line)}${i < ABOUT.length - 1 ? ',' : ''}`),
    '  ],',
    ...block('retired', registry.retired, false),
    ...block('urls', urls, true),
    '}',
  ].join('\n')}\n`;
}

function orderedEntry(e: UrlEntry): UrlEntry {
  const out: UrlEntry = { issue: e.issue };
  if (e.kind !== undefined) out.kind = e.kind;
  if (e.order !== undefined) out.order = e.order;
  if (e.title !== undefined) out.title = e.title;
  if (e.to !== undefined) out.to = e.to;
  if (e.first !== undefined) out.first = e.first;
  if (e.text !== undefined) out.text = e.text;
  return out;
}

// --- Text similarity -------------------------------------------------------------------------------------------

const HASHES = 16;
const SEEDS = Array.from({ length: HASHES }, (_, i) => Math.imul(0x9e3779b1, i + 1) >>> 0);
const WORD_CHAR = /[\p{L}\p{N}]/u;

function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function wordChars(text: string): number[] {
  const out: number[] = [];
  for (const c of text.normalize('NFC')) if (WORD_CHAR.test(c)) out.push(c.codePointAt(0)!);
  return out;
}

/** Pairs of letters and digits, punctuation and spaces dropped: what stays when a typo is corrected. */
function pairs(text: string): Set<number> {
  const chars = wordChars(text);
  const out = new Set<number>();
  if (chars.length === 1) out.add(mix(chars[0]!));
  for (let i = 0; i + 1 < chars.length; i++) out.add(mix(Math.imul(chars[i]!, 0x01000193) ^ mix(chars[i + 1]! + 0x9e3779b9)));
  return out;
}

/**
 * A MinHash of the text's character pairs: 16 minima of 16 hash functions, 24 bits each, as 96 hex digits. The
 * share of equal minima between two signatures estimates how much of their text the two have in common.
 */
export function textSignature(text: string): string {
  const mins = new Array<number>(HASHES).fill(0xffffffff);
  for (const pair of pairs(text)) {
    for (let k = 0; k < HASHES; k++) {
      const v = mix(pair ^ SEEDS[k]!);
      if (v < mins[k]!) mins[k] = v;
    }
  }
  return mins.map((v) => (v & 0xffffff).toString(16).padStart(6, '0')).join('');
}

export function signatureSimilarity(a: string, b: string): number {
  if (a.length !== HASHES * 6 || b.length !== HASHES * 6) return 0;
  let same = 0;
  for (let k = 0; k < HASHES; k++) if (a.slice(k * 6, k * 6 + 6) === b.slice(k * 6, k * 6 + 6)) same++;
  return same / HASHES;
}

/** Dice coefficient of two titles' character pairs. */
function titleSimilarity(a: string, b: string): number {
  const x = pairs(a);
  const y = pairs(b);
  if (x.size + y.size === 0) return 0;
  let common = 0;
  for (const p of x) if (y.has(p)) common++;
  return (2 * common) / (x.size + y.size);
}

export function recordText(title: string, body: string): string {
  return `${title}\n${body}`;
}

// --- The plan ---------------------------------------------------------------------------------------------------

/** A record found again when most of its text is the same, or when its title is close and its place unchanged. */
const SAME_TEXT = 0.5;
const CLOSE_TITLE = 0.5;

/**
 * Compares what the registry says was published with what this build publishes: new addresses are added, vanished
 * ones get a successor (recorded as "to"), a redirect page, or an error.
 */
export function planUrls(file: string, loaded: { registry: Registry; text: string } | null, records: CurrentRecord[], issues: CurrentIssue[]): UrlPlan {
  const registry: Registry = loaded
    ? { retired: new Map(loaded.registry.retired), urls: new Map([...loaded.registry.urls].map(([p, e]) => [p, { ...e }])) }
    : { retired: new Map(), urls: new Map() };
  const text = loaded?.text ?? '';
  const errors: BulletinError[] = [];
  const produced = new Set<string>([...records.map((r) => r.path), ...issues.map((i) => i.path)]);
  const issueAt = new Map(issues.map((i) => [i.path, i]));
  const issueByKey = new Map(issues.map((i) => [i.key, i]));
  const recordsOfIssue = new Map<string, CurrentRecord[]>();
  for (const r of records) recordsOfIssue.set(r.issueKey, [...(recordsOfIssue.get(r.issueKey) ?? []), r]);
  const signatures = new Map<string, string>();
  const signatureOf = (r: CurrentRecord) => {
    let s = signatures.get(r.path);
    if (s === undefined) signatures.set(r.path, (s = textSignature(recordText(r.title, r.body))));
    return s;
  };
  const isNew = (path: string) => !registry.urls.has(path);

  // Issues first, so a bulletin that is gone is reported once, not once per record.
  const vanished = [...registry.urls.keys()]
    .filter((p) => !produced.has(p))
    .sort((a, b) => Number(RECORD_PATH_RE.test(a)) - Number(RECORD_PATH_RE.test(b)) || byCodeUnit(a, b));
  const target = new Map<string, string>();

  // 1. An address whose "to" (followed through other moved addresses) is built now keeps pointing there.
  const follow = (path: string, seen: Set<string>): string | null => {
    if (produced.has(path)) return path;
    if (seen.has(path)) return null;
    seen.add(path);
    const known = target.get(path);
    if (known !== undefined) return known;
    const to = registry.urls.get(path)?.to;
    return to === undefined ? null : follow(to, seen);
  };
  for (const path of vanished) {
    const found = follow(path, new Set());
    if (found !== null && found !== path) target.set(path, found);
  }

  // 2. Issues: the bulletin under another name (a slug added, a day made known) is the one whose records match.
  const matchScore = (entry: UrlEntry, candidate: CurrentRecord): number | null => {
    const sameKind = entry.kind === undefined || entry.kind === candidate.kind;
    const sameOrder = entry.order === candidate.order;
    const text = entry.text === undefined ? 0 : signatureSimilarity(entry.text, signatureOf(candidate));
    const title = entry.title === undefined ? 0 : titleSimilarity(entry.title, candidate.title);
    if (!(text >= SAME_TEXT || (sameKind && sameOrder && title >= CLOSE_TITLE))) return null;
    return text + 0.3 * title + (sameOrder ? 0.1 : 0) + (sameKind ? 0.05 : 0) + (isNew(candidate.path) ? 0.2 : 0);
  };
  const oldRecordsOf = (issueKey: string) =>
    [...registry.urls].filter(([p, e]) => RECORD_PATH_RE.test(p) && e.issue === issueKey);
  const issueSuccessor = new Map<string, string>();
  for (const path of vanished.filter((p) => ISSUE_PATH_RE.test(p))) {
    const entry = registry.urls.get(path)!;
    const found = target.get(path);
    if (found !== undefined) {
      const issue = issueAt.get(found);
      if (issue) issueSuccessor.set(entry.issue, issue.key);
      continue;
    }
    const date = ISSUE_DATE_RE.exec(entry.issue)![0];
    const candidates = issues.filter((i) => {
      const d = ISSUE_DATE_RE.exec(i.key)![0];
      return d.startsWith(date) || date.startsWith(d);
    });
    const old = oldRecordsOf(entry.issue);
    let best: { issue: CurrentIssue; score: number } | null = null;
    for (const issue of candidates) {
      const mine = recordsOfIssue.get(issue.key) ?? [];
      const score = old.filter(([, e]) => mine.some((r) => matchScore(e, r) !== null)).length;
      if (old.length > 0 && score === 0) continue;
      if (!best || score > best.score) best = { issue, score };
    }
    if (best) {
      target.set(path, best.issue.path);
      issueSuccessor.set(entry.issue, best.issue.key);
    }
  }

  // 3. Records: within their issue (or its successor), the best match by text, title and place; a record not yet
  // published is preferred, and each is given to one old address before any is shared (two merged into one).
  const open = vanished.filter((p) => RECORD_PATH_RE.test(p) && !target.has(p));
  const pairsFound: { path: string; candidate: string; score: number }[] = [];
  for (const path of open) {
    const entry = registry.urls.get(path)!;
    const keys = new Set([entry.issue, issueSuccessor.get(entry.issue)].filter((k): k is string => k !== undefined));
    for (const key of keys) {
      for (const candidate of recordsOfIssue.get(key) ?? []) {
        const score = matchScore(entry, candidate);
        if (score !== null) pairsFound.push({ path, candidate: candidate.path, score });
      }
    }
  }
  pairsFound.sort((a, b) => b.score - a.score || byCodeUnit(a.path, b.path) || byCodeUnit(a.candidate, b.candidate));
  const taken = new Set<string>();
  for (const shared of [false, true]) {
    for (const pair of pairsFound) {
      if (target.has(pair.path) || (!shared && taken.has(pair.candidate))) continue;
      target.set(pair.path, pair.candidate);
      taken.add(pair.candidate);
    }
  }
  // An address moved by hand to one that moved again since.
  for (const path of vanished) {
    if (target.has(path)) continue;
    const found = follow(path, new Set());
    if (found !== null && found !== path) target.set(path, found);
  }

  // 4. What is left was retired on purpose (to its issue page), or is an error.
  const redirects: Redirect[] = [];
  let moved = 0;
  const missingIssues = new Set<string>();
  for (const path of vanished) {
    const entry = registry.urls.get(path)!;
    const to = target.get(path);
    if (to !== undefined) {
      redirects.push({ path, target: to, reason: 'moved' });
      if (entry.to !== to) {
        entry.to = to;
        moved++;
      }
      continue;
    }
    const issueKey = issueByKey.has(entry.issue) ? entry.issue : issueSuccessor.get(entry.issue);
    const issueGone = issueKey === undefined;
    const issuePath = `/issues/${entry.issue}/`;
    if (registry.retired.has(path) || (RECORD_PATH_RE.test(path) && issueGone && registry.retired.has(issuePath))) {
      const fallback = RECORD_PATH_RE.test(path) && !issueGone ? issueByKey.get(issueKey!)!.path : '/archive/';
      redirects.push({ path, target: fallback, reason: 'retired' });
      continue;
    }
    if (ISSUE_PATH_RE.test(path)) {
      missingIssues.add(entry.issue);
      const count = oldRecordsOf(entry.issue).filter(([p]) => !produced.has(p) && !target.has(p) && !registry.retired.has(p)).length;
      errors.push(
        new BulletinError(
          file,
          lineOf(text, path),
          `${path} (issue ${entry.issue}${count ? ` and ${count} of its records` : ''}) was published, but no bulletin builds it now and none ` +
            `took its place. If the bulletin was renamed, rename it back or set its "to" to the new issue address; if it was removed on ` +
            `purpose, add "${path}": "<why>" under "retired" in ${file} (its records then point to /archive/).`,
        ),
      );
      continue;
    }
    if (issueGone && missingIssues.has(entry.issue)) continue; // said once, for the issue
    errors.push(
      new BulletinError(
        file,
        lineOf(text, path),
        `${path} (“${entry.title ?? '?'}”, issue ${entry.issue}) was published, but this build has no page for it and found no ` +
          `record that took its place. If the record moved, set its "to" to the new address; if it was removed on purpose, ` +
          `add "${path}": "<why>" under "retired" in ${file} (it then points to its issue page).`,
      ),
    );
  }

  // 5. New addresses are recorded; a moved record keeps the feed id it was first published under.
  const feedIds = new Map<string, string>();
  const predecessors = new Map<string, string[]>();
  for (const r of redirects) if (r.reason === 'moved') predecessors.set(r.target, [...(predecessors.get(r.target) ?? []), r.path]);
  let added = 0;
  for (const record of records) {
    if (!isNew(record.path)) continue;
    const entry: UrlEntry = {
      issue: record.issueKey,
      kind: record.kind,
      order: record.order,
      title: record.title,
      text: signatureOf(record),
    };
    const before = (predecessors.get(record.path) ?? []).sort((a, b) => {
      const ea = registry.urls.get(a)!;
      const eb = registry.urls.get(b)!;
      return Number(eb.order === record.order) - Number(ea.order === record.order) || byCodeUnit(a, b);
    })[0];
    if (before !== undefined) entry.first = registry.urls.get(before)!.first ?? before;
    registry.urls.set(record.path, entry);
    added++;
  }
  for (const issue of issues) {
    if (!isNew(issue.path)) continue;
    registry.urls.set(issue.path, { issue: issue.key });
    added++;
  }
  for (const record of records) {
    const first = registry.urls.get(record.path)?.first;
    if (first !== undefined && first !== record.path) feedIds.set(record.path, first);
  }

  redirects.sort((a, b) => byCodeUnit(a.path, b.path));
  const next = serializeRegistry(registry);
  return { file, redirects, feedIds, errors, text: next, changed: next !== text, added, moved };
}

// --- Helpers ----------------------------------------------------------------------------------------------------

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The line where `key` is written as a JSON key, or 1. */
function lineOf(text: string, key: string): number {
  const at = text.indexOf(`${JSON.stringify(key)}:`);
  return at < 0 ? 1 : lineAt(text, at);
}

/** Whether this build writes the registry: `npm run build` does; tests, the dev server and benchmarks only read it. */
export function recordsPublishedUrls(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.PUBLISHED_URLS === 'record') return true;
  if (env.PUBLISHED_URLS === 'check') return false;
  return env.npm_lifecycle_event === 'build';
}
