// /data/: what the open-data files are and what each field means (the README's 开放数据 section, for readers).
import type { DataFileLink, DataPage } from '../builders/openData.js';
import { escapeHtml } from '../escape.js';
import { renderPage } from '../layout.js';
import type { SiteInfo } from '../model.js';
import type { NavSection } from '../layout.js';

// [JSON field, CSV column(s), meaning]; the README's table in the readers' language.
const FIELDS: readonly (readonly [string, string, string])[] = [
  ['id', 'id', '记录编号；期次和标题不变，编号就不变'],
  ['url、issueUrl', 'url、issue_url', '文章页和所在期次页的网址'],
  ['issue', 'issue', '期次：YYYY-MM，知道具体日期时为 YYYY-MM-DD'],
  ['kind', 'kind', 'article（文章）或 brief（简讯，以首句为标题的◆条目）'],
  ['date', 'date', '文章归档的日期（网址中的日期）；dateApprox 为 true 时，“日”是推定的'],
  ['dateKnown', 'date_known', '简报实际写明的部分：某日，或只有某月'],
  ['dateApprox、dateText、dateEnd', 'date_approx、date_text、date_end', '是否未写明日期（近日、日前）；据以判断日期的原文（11月2日）；日期范围的最后一天'],
  ['dateOrigin.year/.month/.day', 'date_origin_year/_month/_day', '年、月、日各自的来源：stated（原文写明），或推定：issue、issue-previous-year、default（月初）'],
  ['column、kicker、title、titleDerived、subtitle', '同名，title_derived', '栏目和标题各部分：引题、主题、副题；titleDerived 表示原文无标题、以首句为题'],
  ['byline', 'byline', '署名，照原文'],
  ['districts、unions', 'district_ids、districts、union_ids、unions', '文中提到的区县（含功能区）和市级产业工会，[{id, name}]；CSV 中编号以空格、名称以“、”分隔'],
  ['text', 'text', '正文纯文本，段落之间空一行'],
  ['captions', 'captions', '图片说明；CSV 中每行一条'],
  ['source', 'source_file、source_lines', '来源简报文件和行号'],
];

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const fileLink = (file: DataFileLink, label = file.name) =>
  `<a href="${escapeHtml(file.url)}">${escapeHtml(label)}</a><span class="item-meta">${escapeHtml(size(file.bytes))}</span>`;

export function renderDataPage(page: DataPage, site: SiteInfo, section: NavSection): string {
  const files = [
    ...page.years.map((file) => `<li>${fileLink(file)}：${escapeHtml(file.year!)}年的记录</li>`),
    page.all
      ? `<li>${fileLink(page.all)}：全部年份，一个文件</li>`
      : `<li>records.json（全部年份）超过 ${page.allYearsLimitMb} MB，不再提供，请按年份下载</li>`,
    `<li>${fileLink(page.csv)}：同样的记录，每条一行，供电子表格使用</li>`,
    `<li>${fileLink(page.schema)}：JSON 文件的结构说明（JSON Schema 2020-12）</li>`,
  ];
  // A list, not a table: at 320 px with text at 200 % three columns of field names cannot be read without scrolling.
  const fields = FIELDS.map(
    ([json, csv, meaning]) => `<dt><code>${escapeHtml(json)}</code><span class="data-csv">CSV：<code>${escapeHtml(csv)}</code></span></dt>\n<dd>${escapeHtml(meaning)}</dd>`,
  );
  return renderPage({
    site,
    path: page.path,
    title: '开放数据',
    description: `${site.name}的全部文章和简讯，以 JSON 和 CSV 文件提供下载`,
    section,
    main: `<h1>开放数据</h1>
<p>本站全部 ${page.recordCount} 条文章和简讯，供研究者和媒体下载使用。文件随网站一同生成，内容相同则文件逐字节相同。</p>
<h2>文件</h2>
<ul class="data-files">
${files.join('\n')}
</ul>
<p>每个 JSON 文件为 <code>{ "$schema", "title", "site", "year", "count", "records": [ … ] }</code>，每条记录占一行；全部年份文件的 <code>year</code> 为 <code>null</code>。记录按其日期的年份分入各年文件（网址中的年份：1月出版的一期中 12 月的消息归入上一年）。</p>
<p>CSV 文件为 UTF-8 编码并带 BOM（Windows 上的 Excel 可直接正确显示中文），按 RFC 4180 加引号，每行以 CRLF 结尾。以 <code>=</code>、<code>+</code>、<code>-</code>、<code>@</code> 开头的内容照原样写入，电子表格可能把它当作公式。</p>
<h2>字段</h2>
<dl class="data-fields">
${fields.join('\n')}
</dl>
<p>没有的值在 JSON 中为 <code>null</code>，在 CSV 中为空。</p>
<h2>浏览器搜索</h2>
<p>本站提供 <a href="${escapeHtml(page.openSearchUrl)}">OpenSearch 描述文件</a>，浏览器可以把本站搜索添加为搜索引擎。</p>`,
  });
}
