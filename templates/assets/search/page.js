// @ts-check
// The /search/ page: Pagefind's JS API with our own rendering. Every value from the index reaches the page through
// textContent or createElement, never as HTML (Pagefind's Default UI renders filter values as HTML). Runs only
// where the form carries `data-search-form`, so other modules may import this one's neighbours freely.
import { loadSearch, mergedArchive, mergeOlder, searchArchive } from './archive.js';
import { prepareCharacterLookups } from './characters.js';
import { excerptPieces } from './excerpts.js';
import { indexReplaced } from './files.js';

/** @typedef {import('../../../src/search/contract.js').RecordFragment} RecordFragment */
/** @typedef {import('../../../src/search/contract.js').SearchFilters} SearchFilters */
/** @typedef {import('./archive.js').Found} Found */
/** @typedef {import('./query.js').Phrase} Phrase */

const PAGE_SIZE = 10;

/**
 * @template {Element} T
 * @param {ParentNode} parent
 * @param {string} selector
 * @returns {T}
 */
function required(parent, selector) {
  const element = parent.querySelector(selector);
  if (!element) throw new Error(`search page: no ${selector}`);
  return /** @type {T} */ (element);
}

/** @param {HTMLFormElement} form */
function startSearchPage(form) {
  /** @type {HTMLInputElement} */
  const input = required(form, 'input[name="q"]');
  /** @type {HTMLSelectElement} */
  const column = required(form, 'select[name="column"]');
  /** @type {HTMLSelectElement} */
  const year = required(form, 'select[name="year"]');
  /** @type {HTMLSelectElement} */
  const sort = required(form, 'select[name="sort"]');
  /** @type {HTMLElement} */
  const status = required(document, '[data-search-status]');
  /** @type {HTMLOListElement} */
  const list = required(document, '[data-search-results]');
  /** @type {HTMLButtonElement} */
  const more = required(document, '[data-search-more]');
  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  sort.value = params.get('sort') === 'relevance' ? 'relevance' : 'date';
  form.dataset.ready = 'false';

  let generation = 0;
  /** @type {RecordFragment[]} */
  let shown = [];
  /** Pagefind's ids of the shown results, to tell whether the whole archive's answer begins with them. */
  /** @type {(string | null)[]} */
  let shownIds = [];
  /** @type {Found} */
  let current = { phrases: [], results: [], whole: true };
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;

  /** @param {string} text */
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
      // A reader who searched before the engine was ready has a search under way already.
      if (generation === 0) await run();
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
    if (!(/** @type {InputEvent} */ (event).isComposing)) later();
  });
  input.addEventListener('compositionend', later);
  for (const select of [column, year, sort]) select.addEventListener('change', () => run());
  more.addEventListener('click', () => showMore(generation, true));

  async function run() {
    const mine = ++generation;
    const started = performance.now();
    const query = input.value.trim();
    rememberInUrl(query);
    if (!query) {
      clear();
      current = { phrases: [], results: [], whole: true };
      say('请输入要查找的字词。');
      return;
    }
    // The previous results stay until these replace them, so the page does not empty and fill again.
    say('正在搜索…');
    /** @type {SearchFilters} */
    const filters = {};
    if (column.value) filters.column = column.value;
    if (year.value) filters.year = year.value;
    /** @type {Found} */
    let found;
    try {
      const { pagefind } = await loadSearch();
      // Once every index is merged, the whole archive is asked at once with the newest index: a word that the newest
      // index lacks then waits for one word chunk, not two in turn. The newest is asked first, so its chunks of every
      // word are first on the line and the first page does not wait behind the older indexes' chunks.
      const archive = await mergedArchive();
      const newestAnswer = searchArchive(pagefind, query, { filters, sort: sort.value });
      newestAnswer.catch(() => undefined); // awaited below, unless this search is dropped first
      /** @type {Promise<Found> | null} */
      let wholeAnswer = archive && searchArchive(archive, query, { filters, sort: sort.value });
      wholeAnswer?.catch(() => undefined);
      found = await newestAnswer;
      if (mine !== generation) return;
      // Newest first, the newer indexes' results are the first ones of the whole list: show them while the older
      // indexes load, merging one index at a time while the first page is not full and the rest at once after.
      // By relevance the order needs every index.
      const newestFirst = sort.value === 'date';
      while (!found.whole) {
        if (newestFirst && found.results.length > 0) {
          await show(mine, found, `已找到 ${found.results.length} 篇包含“${query}”的文章，正在查找更早的文章…`, started);
          if (mine !== generation) return;
        }
        if (wholeAnswer) {
          found = await wholeAnswer;
          wholeAnswer = null;
        } else {
          const merged = await mergeOlder(newestFirst && found.results.length < PAGE_SIZE ? 1 : Infinity);
          if (mine !== generation) return;
          found = await searchArchive(merged, query, { filters, sort: sort.value });
        }
        if (mine !== generation) return;
      }
    } catch {
      const replaced = await indexReplaced();
      if (mine !== generation) return;
      clear();
      say(replaced ? REBUILT : '搜索出错，请稍后再试。');
      return;
    }
    if (mine !== generation) return;
    if (found.results.length === 0) {
      const replaced = await indexReplaced();
      if (mine !== generation) return;
      clear();
      current = found;
      say(replaced ? REBUILT : `没有找到包含“${query}”的文章。`);
    } else {
      await show(mine, found, `找到 ${found.results.length} 篇包含“${query}”的文章。`, started);
    }
    if (mine !== generation) return;
    // For tests and the cost script: how many searches finished, and how long the last one took.
    form.dataset.searches = String(Number(form.dataset.searches ?? 0) + 1);
    if (form.dataset.searches === '1') whenIdle(() => prepareCharacterLookups().catch(() => undefined));
    form.dataset.searchMs = String(Math.round(performance.now() - started));
  }

  function clear() {
    list.replaceChildren();
    shown = [];
    shownIds = [];
    more.hidden = true;
  }

  /**
   * Shows a search's first page of results with its count, in one step: the count never comes before its list.
   * Results already on screen stay when the new answer begins with them (the whole archive's answer after the
   * newest index's).
   * @param {number} mine
   * @param {Found} found
   * @param {string} count
   * @param {number} started when the search began
   */
  async function show(mine, found, count, started) {
    const keep = shownIds.length > 0 && current !== found && shownIds.every((id, i) => id !== null && found.results[i]?.id === id);
    current = found;
    if (!keep) {
      // Each result's fragment is a request of its own. The list fills in order as they arrive, so the first result
      // is on screen once its fragment is, not once the tenth one is; the previous search's list stays until then.
      const first = found.results.slice(0, PAGE_SIZE);
      const loading = first.map((r) => r.data());
      for (const pending of loading) pending.catch(() => undefined); // each is awaited below, in turn
      for (const [i, pending] of loading.entries()) {
        /** @type {RecordFragment} */
        let data;
        try {
          data = await pending;
        } catch {
          const replaced = await indexReplaced();
          if (mine === generation) say(replaced ? REBUILT : '搜索结果加载失败，请稍后再试。');
          return;
        }
        if (mine !== generation) return;
        if (i === 0) {
          clear();
          say(count);
        }
        list.append(renderResult(data, found.phrases));
        shown.push(data);
        shownIds.push(/** @type {{ id: string | null }} */ (first[i]).id);
        firstResultsShown(mine, started);
      }
    } else if (shown.length < PAGE_SIZE && found.results.length > shown.length) {
      // The newest index had fewer than a page: the rest of the first page comes from the older ones.
      const added = await showMore(mine, false, PAGE_SIZE - shown.length);
      if (!added) return;
    }
    say(count);
    more.hidden = shown.length >= found.results.length;
    firstResultsShown(mine, started);
  }

  /**
   * For the cost scripts: when the first result of this search was on screen.
   * @param {number} mine
   * @param {number} started
   */
  function firstResultsShown(mine, started) {
    if (form.dataset.firstResultsOf === String(mine)) return;
    form.dataset.firstResultsOf = String(mine);
    form.dataset.firstResultsMs = String(Math.round(performance.now() - started));
    form.dataset.firstResultsAt = String(performance.now());
  }

  /**
   * @param {number} mine the search these results belong to
   * @param {boolean} moveFocus
   * @param {number} [count]
   * @returns {Promise<boolean>} whether they were shown
   */
  async function showMore(mine, moveFocus, count = PAGE_SIZE) {
    const next = current.results.slice(shown.length, shown.length + count);
    let loaded;
    try {
      loaded = await Promise.all(next.map((r) => r.data()));
    } catch {
      const replaced = await indexReplaced();
      if (mine === generation) say(replaced ? REBUILT : '搜索结果加载失败，请稍后再试。');
      return false;
    }
    if (mine !== generation) return false;
    /** @type {HTMLLIElement | null} */
    let firstNew = null;
    for (const [i, data] of loaded.entries()) {
      const item = renderResult(data, current.phrases);
      firstNew ??= item;
      list.append(item);
      shown.push(data);
      shownIds.push(next[i]?.id ?? null);
    }
    more.hidden = shown.length >= current.results.length;
    if (moveFocus && firstNew) firstNew.querySelector('a')?.focus();
    return true;
  }

  /** @param {string} query */
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

/**
 * After what the page is doing now (Safari has no requestIdleCallback).
 * @param {() => void} task
 */
function whenIdle(task) {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: 2000 });
  else setTimeout(task, 200);
}

/**
 * @param {HTMLSelectElement} select
 * @param {string[]} values
 * @param {string | null} wanted
 */
function fillOptions(select, values = [], wanted) {
  for (const value of values) {
    const option = document.createElement('option');
    option.value = value;
    option.textContent = value;
    select.append(option);
  }
  if (wanted && values.includes(wanted)) select.value = wanted;
}

/**
 * @param {RecordFragment} data
 * @param {Phrase[]} phrases
 */
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

/** @type {HTMLFormElement | null} */
const form = typeof document !== 'undefined' ? document.querySelector('form[data-search-form]') : null;
if (form) startSearchPage(form);
