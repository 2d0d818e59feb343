// The index side and the browser side must cut text the same way, or a phrase can never match.
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/load.js';
import { expandSearchText, searchDocument, searchExtrasHtml } from '../../src/search/pageExtras.js';
import { indexTokens, searchableParts, tokenize } from '../../src/search/tokens.js';
import type { ArticleRecord } from '../../src/types.js';
// @ts-expect-error -- plain browser JavaScript, no type declarations
import * as browserSearch from '../../templates/assets/search.js';

const records = loadContent('content').bulletins.flatMap((b) => b.records);

function record(fields: Partial<ArticleRecord>): ArticleRecord {
  return {
    id: 'abcd1234', issue: '2024-12', kind: 'article', title: '标题', titleDerived: false, kicker: null, subtitle: null, column: null, byline: null,
    date: '2024-12-02', dateApprox: false, dateText: null, dateEnd: null,
    dateOrigin: { year: 'stated', month: 'stated', day: 'stated' }, body: '正文。', captions: [],
    source: { file: 'x.txt', startLine: 1, endLine: 2 }, order: 0, ...fields,
  };
}

describe('search tokens', () => {
  it.each([
    ['集体协商竞赛', ['集', '体', '协', '商', '竞', '赛']],
    ['拨打12351热线', ['拨', '打', '12351', '热', '线']],
    ['竞赛、 劳模 工匠', ['竞', '赛', '、', '劳', '模', '工', '匠']],
    ['APP 上线 Wi-Fi', ['APP', '上', '线', 'Wi', '-', 'Fi']],
  ])('cuts %s into Chinese characters, whole Latin words and numbers, and lone punctuation', (text, units) => {
    expect(tokenize(text)).toEqual(units);
  });

  it('indexes each Chinese character paired with the next, so every run of characters is a phrase of pairs', () => {
    expect(indexTokens('集体协商、 12351热线')).toEqual(['集体', '体协', '协商', '、', '12351', '热线']);
    expect(indexTokens('赛，工会')).toEqual(['赛', '，', '工会']);
  });

  it('cuts every seed record the same way in the browser script as at build time', () => {
    expect(records.length).toBeGreaterThan(0);
    for (const r of records) {
      for (const part of searchableParts(r)) expect(browserSearch.tokenize(part)).toEqual(tokenize(part));
    }
  });

  it('keeps fields and paragraphs apart in the index, so no phrase matches across them', () => {
    const page = `<article data-pagefind-body><h1>竞赛</h1>${searchExtrasHtml(record({ title: '竞赛', body: '## 工会\n\n全市 工会' }))}</article>`;
    expect(expandSearchText(page)).toBe(
      '<article data-pagefind-body><h1>竞赛</h1><div class="search-text" hidden data-pagefind-body>竞赛 ¶ 工会 ¶ 全市 市工 工会 § 会 全 工 市 竞 赛</div></article>',
    );
  });

  it.each([
    ['新重庆 1235', ['"新重 重庆"', '"1235"']],
    ['竞赛、工会', ['"竞赛"', '"工会"']],
    ['赛', ['"赛"']],
    ['2024年', ['"2024"', '"年"']],
    ['12351热线', ['"12351 热线"']],
    ['热线12351', ['"热线 线 12351"']],
  ])('asks Pagefind for %s as %j: phrases of pairs, a lone character or number as a word', (query, asked) => {
    expect(browserSearch.queryPhrases(query).map((p: { pagefindQuery: string }) => p.pagefindQuery)).toEqual(asked);
  });
});

describe('excerpts rebuilt from the stored tokens', () => {
  const storedContent = (r: ArticleRecord) => /data-pagefind-body>([^<]*)</.exec(expandSearchText(searchExtrasHtml(r)))![1]!.replace(/&#(\d+);/g, (_, c: string) => String.fromCodePoint(Number(c)));

  it('give back every character of every seed record, and none of its character list', () => {
    for (const r of records) {
      const pieces = browserSearch.excerptPieces(storedContent(r), [], 1_000_000) as { text: string }[];
      const shown = pieces.map((piece) => piece.text).join('').replace(/\s/g, '');
      expect(shown, r.id).toBe(searchableParts(r).join('').normalize('NFC').replace(/[\s\u200B¶]/g, ''));
    }
  });

  it('mark each occurrence of the query, including one that ends a run', () => {
    const r = record({ title: '集体协商竞赛', body: '开展协商。' });
    const pieces = browserSearch.excerptPieces(storedContent(r), browserSearch.queryPhrases('协商'), 1000) as { text: string; mark: boolean }[];
    expect(pieces.filter((piece) => piece.mark).map((piece) => piece.text)).toEqual(['协商', '协商']);
  });
});

describe('the document Pagefind is given for a record page', () => {
  const searchText = searchExtrasHtml(record({ title: '竞赛', body: '工会' }));
  const page = `<html lang="zh-CN"><body><nav><a href="/">首页</a></nav><article data-pagefind-body>
<h1 data-pagefind-meta="title">竞赛 &amp; 工会</h1><p>看得见的正文</p>
<div hidden><span data-pagefind-filter="year:2024"></span><span data-pagefind-sort="date:2024-12-02"></span></div>
${searchText}</article></body></html>`;

  it('holds the metadata elements and the expanded search text, and not the layout or the visible text', () => {
    expect(searchDocument(page)).toBe(
      '<html><body><h1 data-pagefind-meta="title">竞赛 &amp; 工会</h1><span data-pagefind-filter="year:2024"></span>' +
        '<span data-pagefind-sort="date:2024-12-02"></span><div class="search-text" hidden data-pagefind-body>竞赛 ¶ 工会 § 会 工 竞 赛</div></body></html>',
    );
  });

  it('is refused for a page without exactly one search text', () => {
    expect(searchDocument(page.replace(searchText, ''))).toBeNull();
    expect(searchDocument(page.replace(searchText, searchText + searchText))).toBeNull();
  });
});

describe('search extras on a record page', () => {
  const hostile = record({ title: '<img src=x onerror=alert(1)>', body: '<script>alert("x")</script> & 工会', byline: '记者 刘颖' });

  it('escape hostile text and hold every searchable field once', () => {
    const html = searchExtrasHtml(hostile);
    expect(html).toMatch(/^<div class="search-text" hidden data-pagefind-body>[^<>]*<\/div>$/);
    const text = html.replace(/<[^>]+>/g, '').replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)));
    expect(text).toBe('<img src=x onerror=alert(1)> ¶ 记者 刘颖 ¶ <script>alert("x")</script> & 工会');
  });

  it('expand into index tokens that are still escaped', () => {
    const expanded = expandSearchText(searchExtrasHtml(hostile));
    expect(expanded).not.toMatch(/<(img|script)/);
    expect(expanded).toContain('记者 者刘 刘颖 ¶');
  });
});
