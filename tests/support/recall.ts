// The recall/precision harness: queries drawn from the records, truth computed from the records' text,
// answers from Pagefind in a real browser.
import type { Page } from 'playwright-core';
import { mulberry32 } from '../../bench/generate.js';
import { searchableParts } from '../../src/search/tokens.js';
import type { ArticleRecord } from '../../src/types.js';

/** Words a reader is likely to remember: inside longer words, names, numbers, places, and pairs of words. */
export const CHOSEN_QUERIES = [
  '协商', '工匠', '劳模', '刘颖', '12351', '黔江', '新重庆', '赛', '集体协商竞赛', '劳模工匠', '职工之家', '渝工港湾',
  '爱心翼站', '技能竞赛', '户外劳动者', '农民工', '篮球赛', '文化宫', '女职工', '数字工会', '红岩', '思政', '产业工人',
  '求学圆梦', '二十大', '2023', '2024年', '巾帼', '遂宁', '云阳', '涪陵', '开州', '无人机', '清明', '璧山', '永川', '宣讲',
  '慰问', '帮扶', '12351热线', '劳模 黔江', '工匠 数字', '职工 篮球', '新重庆 工会', '协商 竞赛', '刘颖 清明',
  '颖', '工 赛', '年 劳模', '2023 颖', '发布2023', '竞赛21', '布2023',
];

/** Every column label the records carry: a reader types one to find its articles. */
export function columnQueries(records: ArticleRecord[]): string[] {
  return [...new Set(records.map((r) => r.column).filter((c): c is string => c !== null))].sort();
}

/** A reader's view of a record: the searchable fields (its column label too), whitespace removed, fields kept apart. */
export function recordText(record: ArticleRecord): string {
  return searchableParts(record)
    .map((part) => part.replace(/[\s\u200B]+/gu, ''))
    .join('¶')
    .toLowerCase();
}

/** Every record that contains every space-separated word of the query. */
export function truthFor(texts: Map<string, string>, query: string): Set<string> {
  const words = query.toLowerCase().split(/\s+/u).filter(Boolean);
  const ids = new Set<string>();
  for (const [id, text] of texts) if (words.every((w) => text.includes(w))) ids.add(id);
  return ids;
}

/** Runs of 1–6 Han characters taken at random from the records, single and in pairs. */
export function sampledQueries(records: ArticleRecord[], count: number, seed = 6): string[] {
  // Seeded, so the sampled queries are the same on every run.
  const random = mulberry32(seed);
  const runs = records.flatMap((r) => recordText(r).match(/\p{Script=Han}+/gu) ?? []).filter((run) => run.length >= 2);
  const pick = () => {
    const run = runs[Math.floor(random() * runs.length)]!;
    const length = 1 + Math.floor(random() * Math.min(6, run.length));
    const start = Math.floor(random() * (run.length - length + 1));
    return run.slice(start, start + length);
  };
  const queries = new Set<string>();
  while (queries.size < count && runs.length > 0) {
    queries.add(queries.size % 6 === 5 ? `${pick()} ${pick()}` : pick());
  }
  return [...queries];
}

export interface QueryScore {
  query: string;
  truth: number;
  found: number;
  correct: number;
  recall: number;
  precision: number;
  missed: string[];
  extra: string[];
}

export interface RecallReport {
  queries: QueryScore[];
  meanRecall: number;
  meanPrecision: number;
}

/**
 * `tokens` runs queries the way the search page does (phrases of character pairs); `plain` hands the query
 * to Pagefind as typed, with Pagefind's own Chinese segmentation: what a site without our tokens does.
 */
export async function measureRecall(
  page: Page,
  records: ArticleRecord[],
  queries: string[],
  mode: 'tokens' | 'plain',
): Promise<RecallReport> {
  const texts = new Map(records.map((r) => [r.id, recordText(r)]));
  // A string, not a function: vitest rewrites `import()` inside test code, and this runs in the page.
  const answers = (await page.evaluate(`(async ({ queries, mode }) => {
    const search = await import(new URL('../assets/search/archive.js', location.href).href);
    const files = await import(new URL('../assets/search/files.js', location.href).href);
    let pagefind;
    if (mode === 'tokens') pagefind = await search.loadPagefind();
    else {
      pagefind = await import(new URL('../pagefind/pagefind.js', location.href).href);
      await pagefind.init();
      await search.mergeOlderYears(pagefind, await files.loadManifest(), files.siteRoot, 'zh-cn');
    }
    const out = {};
    for (const query of queries) {
      const results = mode === 'tokens'
        ? (await search.searchArchive(pagefind, query, { sort: 'relevance' })).results
        : ((await pagefind.search(query)) ?? { results: [] }).results;
      // In batches: a one-character query on a 10,000-record archive has thousands of fragments to fetch.
      out[query] = [];
      for (let i = 0; i < results.length; i += 100) {
        out[query].push(...(await Promise.all(results.slice(i, i + 100).map(async (r) => (await r.data()).url))));
      }
    }
    return out;
  })(${JSON.stringify({ queries, mode })})`)) as Record<string, string[]>;
  const scores: QueryScore[] = [];
  for (const query of queries) {
    const truth = truthFor(texts, query);
    if (truth.size === 0) continue;
    const found = new Set(answers[query]!.map((url) => /([^/]+)\/?$/.exec(url)?.[1] ?? url));
    const correct = [...found].filter((id) => truth.has(id)).length;
    scores.push({
      query,
      truth: truth.size,
      found: found.size,
      correct,
      recall: correct / truth.size,
      precision: found.size === 0 ? 1 : correct / found.size,
      missed: [...truth].filter((id) => !found.has(id)),
      extra: [...found].filter((id) => !truth.has(id)),
    });
  }
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
  return { queries: scores, meanRecall: mean(scores.map((s) => s.recall)), meanPrecision: mean(scores.map((s) => s.precision)) };
}
