// The /search/ page: Pagefind's JS API with our own rendering. Every value from the index reaches the page
// through textContent or createElement, never as HTML (Pagefind's Default UI renders filter values as HTML).
//
// The index holds each record as overlapping two-character tokens (src/search/tokens.ts: 集体协商 is indexed
// as 集体 体协 协商 商). A query is cut the same way and searched as quoted phrases, one Pagefind search per
// phrase, and only pages that match every phrase are kept. A lone Chinese character is looked up in the site's
// character index instead (src/search/characterIndex.ts). `tokenize` and the pairing rule below must stay in
// step with src/search/tokens.ts.

const BREAK_TOKEN = '¶';
/**
 * Where one searchable part ends and the next begins (title, then body): a space there would read as the stray
 * space between Chinese characters that the parser removes everywhere else.
 */
export const PART_SEPARATOR = '｜';
const SPACED_WORD = /^[\p{L}\p{N}]$/u;
const CJK = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]$/u;
const PAGE_SIZE = 10;
const EXCERPT_BEFORE = 24;
const EXCERPT_LENGTH = 90;

/** Splits text into index tokens: Han characters one by one, other letters and digits as words, punctuation alone. */
export function tokenize(text) {
  const tokens = [];
  let word = '';
  for (const char of text.normalize('NFC')) {
    if (SPACED_WORD.test(char) && !CJK.test(char)) {
      word += char;
      continue;
    }
    if (word) {
      tokens.push(word);
      word = '';
    }
    if (/\s/u.test(char) || char === '\u200B' || char === BREAK_TOKEN) continue;
    tokens.push(char);
  }
  if (word) tokens.push(word);
  return tokens;
}

const isSearchable = (token) => /[\p{L}\p{N}]/u.test(token);
const isHan = (unit) => CJK.test(unit);

/**
 * The phrases a query asks for. Words separated by spaces must all appear; punctuation inside a word splits
 * it too, because Pagefind drops punctuation from queries. `units` are characters and words (for
 * highlighting); `pagefindQuery` is what Pagefind is asked.
 */
export function queryPhrases(query) {
  const phrases = [];
  for (const word of query.trim().split(/\s+/u)) {
    let run = [];
    const flush = () => {
      if (run.length > 0) phrases.push(...phrasesOf(run.map((u) => u.toLowerCase())));
      run = [];
    };
    for (const unit of tokenize(word)) {
      if (isSearchable(unit)) run.push(unit);
      else flush();
    }
    flush();
  }
  const seen = new Set();
  const key = (p) => p.character ?? p.pagefindQuery;
  return phrases.filter((p) => !seen.has(key(p)) && seen.add(key(p)));
}

/**
 * A lone Han character is looked up in the character index (`character`), not in Pagefind. A lone number or
 * Latin word is searched whole: where no indexed word starts with it, Pagefind's prefix search falls back to
 * the longest word it starts with, so 12399 would find every page with 12 in a date. Anything longer is the
 * exact phrase of its tokens, cut as the index cuts text (src/search/tokens.ts indexTokens): each Han character
 * paired with the next, and the last character of a run left to the pair that holds it.
 */
function phrasesOf(units) {
  const n = units.length;
  if (n === 1 && isHan(units[0])) return [{ units, character: units[0] }];
  if (n === 1) return [{ units, pagefindQuery: `"${units[0]}"`, rankQuery: units[0] }];
  // 2024年: the 年 may be 年度 in the text, where it has no token of its own, so it is searched on its own.
  if (isHan(units[n - 1]) && !isHan(units[n - 2])) return [...phrasesOf(units.slice(0, -1)), ...phrasesOf(units.slice(-1))];
  // 布2023: the 布 may end 发布 in the text, where it has no token of its own either.
  if (isHan(units[0]) && !isHan(units[1])) return [...phrasesOf(units.slice(0, 1)), ...phrasesOf(units.slice(1))];
  const keys = [];
  units.forEach((unit, i) => {
    if (!isHan(unit)) keys.push(unit);
    else if (i + 1 < n && isHan(units[i + 1])) keys.push(unit + units[i + 1]);
    else if (i === 0 || !isHan(units[i - 1])) keys.push(unit);
  });
  return [{ units, pagefindQuery: `"${keys.join(' ')}"`, rankQuery: keys.join(' ') }];
}

/**
 * Runs a query against Pagefind: one search per phrase, intersected. Results that matched only in metadata
 * (a date such as 2023-11-02 is indexed as words too) are dropped, since every searchable word is in the body.
 * `sort` is 'date' (newest first) or 'relevance'.
 */
export async function searchArchive(pagefind, query, { filters = {}, sort = 'date', root = siteRoot } = {}) {
  const phrases = queryPhrases(query);
  if (phrases.length === 0) return { phrases, results: [] };
  // Record numbers holding every lone character asked for, newest first; null when none was asked for.
  let numbers = null;
  for (const phrase of phrases.filter((p) => p.character)) {
    const found = await recordsWithCharacter(phrase.character, filters, root);
    const kept = numbers === null ? null : new Set(numbers);
    numbers = kept === null ? found : found.filter((n) => kept.has(n));
    if (numbers.length === 0) return { phrases, results: [] };
  }
  const words = phrases.filter((p) => !p.character);
  if (words.length === 0) return { phrases, results: numbers.map((n) => ({ id: null, score: 0, data: () => recordFragment(n, root) })) };

  const byRelevance = sort !== 'date';
  const options = { filters, sort: byRelevance ? {} : { date: 'desc' } };
  let merged = null;
  for (const phrase of words) {
    const hits = await pagefindHits(pagefind, phrase, options, byRelevance);
    if (merged === null) {
      // data() closes over the result itself, not only its bound data(): Pagefind's worker frees a result's data
      // once the result object is garbage-collected, and a reader may ask for more results long after this search.
      merged = [...hits.values()].map((r) => ({ id: r.id, score: r.score, data: () => r.result.data() }));
    } else {
      merged = merged.filter((r) => hits.has(r.id));
      for (const r of merged) r.score += hits.get(r.id).score;
    }
    if (merged.length === 0) break;
  }
  if (numbers !== null && merged.length > 0) {
    const ids = new Set(await pageIds(numbers, root));
    merged = merged.filter((r) => ids.has(r.id));
  }
  if (byRelevance) merged.sort((a, b) => b.score - a.score);
  return { phrases, results: merged };
}

/** The pages holding a phrase, in Pagefind's order, by id, each with its result and its ranking score. */
async function pagefindHits(pagefind, phrase, options, byRelevance) {
  const found = await pagefind.search(phrase.pagefindQuery, options);
  const score = byRelevance ? await rankingScores(pagefind, phrase, options) : new Map();
  const hits = new Map();
  for (const result of found?.results ?? []) {
    if (result.words.length > 0) hits.set(result.id, { id: result.id, score: score.get(result.id) ?? result.score, result });
  }
  return hits;
}

/**
 * Pagefind scores every page of an exact phrase search alike, so relevance comes from the same pairs searched
 * loosely, which Pagefind ranks by how often and how densely they occur (BM25). Its chunks are loaded already.
 */
async function rankingScores(pagefind, phrase, options) {
  if (!phrase.rankQuery) return new Map();
  const loose = await pagefind.search(phrase.rankQuery, options);
  return new Map((loose?.results ?? []).map((r) => [r.id, r.score]));
}

// ---------------------------------------------------------------------------------------------------------
// One-character lookups, from the files src/search/characterIndex.ts writes under pagefind/characters/<version>/
// (the manifest's version; gzip JSON): records.json.gz (each record's index, date and column, newest first),
// ids/<n>.json.gz (Pagefind page ids of records n·idsPerFile …) and <code point in hex>.json.gz (the records holding
// that character, as gaps).

const CHARACTER_INDEX = 'pagefind/characters/';
const PAGEFIND_SIGNATURE = 'pagefind_dcd';
const fetched = new Map();

/** One request per file and page, however many searches ask; a failed request may be tried again. */
function once(url, load) {
  if (!fetched.has(url)) fetched.set(url, load(url).catch((error) => { fetched.delete(url); throw error; }));
  return fetched.get(url);
}

/** The bytes of a gzip file, inflated here unless the host already did (Content-Encoding), as Pagefind checks too. */
async function fetchInflated(url, { missingIsEmpty = false } = {}) {
  const response = await fetch(url);
  if (missingIsEmpty && response.status === 404) return null;
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  const inflated = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(inflated).arrayBuffer());
}

const fetchJson = (options) => async (url) => {
  const bytes = await fetchInflated(url, options);
  return bytes === null ? null : JSON.parse(new TextDecoder().decode(bytes));
};
const characterFile = async (root, name) => new URL(`${CHARACTER_INDEX}${(await loadManifest(root)).version}/${name}`, root).href;
const characterRecords = async (root) => once(await characterFile(root, 'records.json.gz'), fetchJson());

/** Numbers of the records (newest first) that hold `character` and pass the column and year filters. */
export async function recordsWithCharacter(character, filters = {}, root = siteRoot) {
  const file = await characterFile(root, `${character.codePointAt(0).toString(16)}.json.gz`);
  const [records, gaps] = await Promise.all([characterRecords(root), once(file, fetchJson({ missingIsEmpty: true }))]);
  const numbers = [];
  let number = 0;
  for (const [i, gap] of (gaps ?? []).entries()) {
    number = i === 0 ? gap : number + gap;
    if (filters.column && records.columns[records.column[number]] !== filters.column) continue;
    if (filters.year && records.date[number].slice(0, 4) !== filters.year) continue;
    numbers.push(number);
  }
  return numbers;
}

/** Pagefind's page ids of these records, loading only the id files that hold them. */
async function pageIds(numbers, root) {
  const { idsPerFile } = await characterRecords(root);
  const files = [...new Set(numbers.map((n) => Math.floor(n / idsPerFile)))];
  const lists = new Map(await Promise.all(files.map(async (f) => [f, await once(await characterFile(root, `ids/${f}.json.gz`), fetchJson())])));
  return numbers.map((n) => lists.get(Math.floor(n / idsPerFile))[n % idsPerFile]);
}

/** A record's Pagefind fragment, read as Pagefind's runtime reads it, with its URL under the site's path. */
async function recordFragment(number, root) {
  const [records, [id]] = await Promise.all([characterRecords(root), pageIds([number], root)]);
  const folder = records.indexes[records.index[number]];
  const url = new URL(`pagefind/${folder ? `${folder}/` : ''}fragment/${id}.pf_fragment`, root).href;
  return once(url, async () => {
    const bytes = await fetchInflated(url);
    const signed = new TextDecoder().decode(bytes.subarray(0, PAGEFIND_SIGNATURE.length)) === PAGEFIND_SIGNATURE;
    const fragment = JSON.parse(new TextDecoder().decode(signed ? bytes.subarray(PAGEFIND_SIGNATURE.length) : bytes));
    fragment.url = `${new URL(root).pathname}${fragment.url.replace(/^\/+/, '')}`;
    return fragment;
  });
}

/** Turns stored index tokens back into readable text pieces, marking every run that matches a phrase. */
export function excerptPieces(content, phrases, length = EXCERPT_LENGTH) {
  const stored = content.replace(/\u200B/g, '').split(/\s+/u).filter(Boolean);
  if (stored.at(-1) === '.') stored.pop(); // Pagefind ends unpunctuated text with a full stop.
  // A pair stands for its first character while the run goes on; the last pair of a run stands for both.
  const tokens = stored.flatMap((token, i) => {
    const chars = [...token];
    if (!isHan(chars[0])) return [token];
    const next = stored[i + 1];
    return next !== undefined && isHan(String.fromCodePoint(next.codePointAt(0))) ? [chars[0]] : chars;
  });
  const lower = tokens.map((t) => t.toLowerCase());
  const marked = new Array(tokens.length).fill(false);
  let first = -1;
  for (const phrase of phrases) {
    for (let i = 0; i + phrase.units.length <= tokens.length; i++) {
      const matches = phrase.units.every((t, k) => lower[i + k] === t);
      if (!matches) continue;
      for (let k = 0; k < phrase.units.length; k++) marked[i + k] = true;
      if (first === -1 || i < first) first = i;
    }
  }
  const start = Math.max(0, (first === -1 ? 0 : first) - EXCERPT_BEFORE);
  const end = Math.min(tokens.length, start + length);
  const pieces = [];
  const push = (text, mark) => {
    const last = pieces.at(-1);
    if (last && last.mark === mark) last.text += text;
    else pieces.push({ text, mark });
  };
  if (start > 0) push('…', false);
  for (let i = start; i < end; i++) {
    if (tokens[i] === BREAK_TOKEN) {
      if (i > start && i < end - 1) push(PART_SEPARATOR, false);
      continue;
    }
    const spaced = i > start && isSpacedWord(tokens[i - 1]) && isSpacedWord(tokens[i]);
    if (spaced) push(' ', marked[i] && marked[i - 1]);
    push(tokens[i], marked[i]);
  }
  if (end < tokens.length) push('…', false);
  return pieces;
}

function isSpacedWord(token) {
  return token !== undefined && /^[\p{L}\p{N}]+$/u.test(token) && !CJK.test(token[0]);
}

// ---------------------------------------------------------------------------------------------------------
// The page. Everything below runs only on /search/, where the form carries `data-search-form`.

/** `pagefind/` sits next to `assets/` at the site root, so the root comes from this file's own URL. */
export const siteRoot = new URL('../', import.meta.url);

/** The index's language (src/search/indexSite.ts): no word segmentation, so query pairs stay whole. */
const INDEX_LANGUAGE = 'und';

let searchLoading = null;
/**
 * Pagefind, with every year's index merged (src/search/indexSite.ts writes one per year), and the manifest
 * that names those indexes and the filter values.
 */
export function loadSearch(root = siteRoot) {
  searchLoading ??= Promise.all([loadManifest(root), import(new URL('pagefind/pagefind.js', root).href)]).then(
    async ([manifest, pagefind]) => {
      await pagefind.options({ excerptLength: 1 });
      // Pagefind cuts queries by the page's <html lang> (zh-CN would split the pair 商竞 into 商 + 竞) and reads
      // it once, synchronously, when init() creates its instance; the page's language is back a moment later.
      const html = document.documentElement;
      const pageLanguage = html.getAttribute('lang');
      html.setAttribute('lang', INDEX_LANGUAGE);
      let started;
      try {
        started = pagefind.init();
      } finally {
        html.setAttribute('lang', pageLanguage);
      }
      await started;
      await mergeOlderYears(pagefind, manifest, root, INDEX_LANGUAGE);
      return { pagefind, manifest };
    },
  );
  return searchLoading;
}

export async function loadPagefind(root = siteRoot) {
  return (await loadSearch(root)).pagefind;
}

/**
 * Merged in the manifest's order, newest first: the merged search keeps that order, and within each year
 * Pagefind's own sort, so a newest-first list stays newest first. Pagefind registers each index as its
 * request arrives, before loading anything, so the requests may run at once and still keep their order.
 */
export async function mergeOlderYears(pagefind, manifest, root = siteRoot, language = INDEX_LANGUAGE) {
  const path = (name) => new URL(`pagefind/${name}/`, root).pathname;
  await Promise.all(manifest.indexes.map((name) => pagefind.mergeIndex(path(name), { language })));
}

const MANIFEST = 'pagefind/search-manifest.json';

/** Written at build time by src/search/indexSite.ts; Pagefind's filters() would fetch far more. */
export function loadManifest(root = siteRoot) {
  return once(new URL(MANIFEST, root).href, fetchManifest);
}

async function fetchManifest(url, options) {
  const response = await fetch(url, options);
  if (!response.ok) throw new Error(`search manifest: HTTP ${response.status}`);
  return response.json();
}

/**
 * Whether the site was rebuilt since this page loaded its index: Pagefind then finds nothing (it logs the missing
 * files and answers with no results) and the character index would not be found either, so an empty or failed
 * search asks this before telling the reader there is nothing.
 */
export async function indexReplaced(root = siteRoot) {
  try {
    const [loaded, now] = await Promise.all([loadManifest(root), fetchManifest(new URL(MANIFEST, root).href, { cache: 'no-store' })]);
    return loaded.version !== now.version;
  } catch {
    return false;
  }
}

const form = typeof document !== 'undefined' ? document.querySelector('[data-search-form]') : null;
if (form) startSearchPage(form);

function startSearchPage(form) {
  const input = form.querySelector('input[name="q"]');
  const column = form.querySelector('select[name="column"]');
  const year = form.querySelector('select[name="year"]');
  const sort = form.querySelector('select[name="sort"]');
  const status = document.querySelector('[data-search-status]');
  const list = document.querySelector('[data-search-results]');
  const more = document.querySelector('[data-search-more]');
  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  sort.value = params.get('sort') === 'relevance' ? 'relevance' : 'date';
  form.dataset.ready = 'false';

  let generation = 0;
  let shown = [];
  let current = { phrases: [], results: [] };
  let timer = 0;

  const say = (text) => {
    status.textContent = text;
  };
  // The page holds the index files it loaded until it is loaded again; the query stays in the URL.
  const REBUILT = '网站的搜索索引已更新，请刷新页面后再搜索。';

  loadSearch()
    .then(async ({ manifest: available }) => {
      fillOptions(column, available.column, params.get('column'));
      fillOptions(year, available.year, params.get('year'));
      form.dataset.ready = 'true';
      await run();
    })
    .catch(() => say('搜索暂时无法使用，请稍后再试。'));

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    run();
  });
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(run, 200);
  };
  // While a Chinese input method is composing, the box holds pinyin, not the words the reader means.
  input.addEventListener('input', (event) => {
    if (!event.isComposing) later();
  });
  input.addEventListener('compositionend', later);
  for (const select of [column, year, sort]) select.addEventListener('change', () => run());
  more.addEventListener('click', () => showMore(generation, true));

  async function run() {
    const mine = ++generation;
    const started = performance.now();
    const query = input.value.trim();
    rememberInUrl(query);
    list.replaceChildren();
    shown = [];
    more.hidden = true;
    if (!query) {
      current = { phrases: [], results: [] };
      say('请输入要查找的字词。');
      return;
    }
    say('正在搜索…');
    const filters = {};
    if (column.value) filters.column = column.value;
    if (year.value) filters.year = year.value;
    let found;
    try {
      found = await searchArchive(await loadPagefind(), query, { filters, sort: sort.value });
    } catch {
      const replaced = await indexReplaced();
      if (mine === generation) say(replaced ? REBUILT : '搜索出错，请稍后再试。');
      return;
    }
    if (mine !== generation) return;
    current = found;
    if (found.results.length === 0) {
      const replaced = await indexReplaced();
      if (mine !== generation) return;
      say(replaced ? REBUILT : `没有找到包含“${query}”的文章。`);
    } else {
      say(`找到 ${found.results.length} 篇包含“${query}”的文章。`);
      await showMore(mine, false);
    }
    if (mine !== generation) return;
    // For tests and the cost script: how many searches finished, and how long the last one took.
    form.dataset.searches = String(Number(form.dataset.searches ?? 0) + 1);
    form.dataset.searchMs = String(Math.round(performance.now() - started));
  }

  async function showMore(mine, moveFocus) {
    const next = current.results.slice(shown.length, shown.length + PAGE_SIZE);
    let loaded;
    try {
      loaded = await Promise.all(next.map((r) => r.data()));
    } catch {
      const replaced = await indexReplaced();
      if (mine === generation) say(replaced ? REBUILT : '搜索结果加载失败，请稍后再试。');
      return;
    }
    if (mine !== generation) return;
    let firstNew = null;
    for (const data of loaded) {
      const item = renderResult(data, current.phrases);
      firstNew ??= item;
      list.append(item);
      shown.push(data);
    }
    more.hidden = shown.length >= current.results.length;
    if (moveFocus && firstNew) firstNew.querySelector('a').focus();
  }

  function rememberInUrl(query) {
    const next = new URLSearchParams();
    if (query) next.set('q', query);
    if (column.value) next.set('column', column.value);
    if (year.value) next.set('year', year.value);
    if (sort.value !== 'date') next.set('sort', sort.value);
    const search = next.toString();
    history.replaceState(null, '', search ? `?${search}` : location.pathname);
  }
}

function fillOptions(select, values = [], wanted) {
  for (const value of values) {
    const option = document.createElement('option');
    option.value = value;
    option.textContent = value;
    select.append(option);
  }
  if (wanted && values.includes(wanted)) select.value = wanted;
}

function renderResult(data, phrases) {
  const item = document.createElement('li');
  item.className = 'search-result';
  const heading = document.createElement('h2');
  const link = document.createElement('a');
  link.href = data.url;
  link.textContent = data.meta?.title || '（无标题）';
  heading.append(link);

  const facts = document.createElement('p');
  facts.className = 'search-result-facts';
  if (data.meta?.date) {
    const date = document.createElement('span');
    date.textContent = data.meta.date;
    facts.append(date);
  }
  const labels = [];
  if (data.meta?.column) labels.push(data.meta.column);
  if (data.filters?.kind?.includes('简讯')) labels.push('简讯');
  for (const label of labels) {
    const span = document.createElement('span');
    span.textContent = label;
    facts.append(span);
  }

  const excerpt = document.createElement('p');
  excerpt.className = 'search-result-excerpt';
  for (const piece of excerptPieces(data.content, phrases)) {
    if (piece.mark) {
      const mark = document.createElement('mark');
      mark.textContent = piece.text;
      excerpt.append(mark);
    } else excerpt.append(document.createTextNode(piece.text));
  }
  item.append(heading, facts, excerpt);
  return item;
}
