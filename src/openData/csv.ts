// records.csv: the same records as the JSON, one row each, for spreadsheets. RFC 4180 (CRLF between rows, a field in
// double quotes when it holds a comma, a quote or a line break, quotes doubled), UTF-8 with a BOM because Excel on
// Windows reads a CSV without one in the system's ANSI code page and shows Chinese as mojibake.
import type { OpenPlace, OpenRecord } from './records.js';

const BOM = '\uFEFF';
const NEEDS_QUOTES_RE = /[",\r\n]/;

type Cell = string | number | boolean | null;

/** Column name and how to read it from a record; the README lists the same columns. */
export const CSV_COLUMNS: readonly (readonly [name: string, cell: (r: OpenRecord) => Cell])[] = [
  ['id', (r) => r.id],
  ['url', (r) => r.url],
  ['issue', (r) => r.issue],
  ['issue_url', (r) => r.issueUrl],
  ['kind', (r) => r.kind],
  ['date', (r) => r.date],
  ['date_known', (r) => r.dateKnown],
  ['date_approx', (r) => r.dateApprox],
  ['date_text', (r) => r.dateText],
  ['date_end', (r) => r.dateEnd],
  ['date_origin_year', (r) => r.dateOrigin.year],
  ['date_origin_month', (r) => r.dateOrigin.month],
  ['date_origin_day', (r) => r.dateOrigin.day],
  ['column', (r) => r.column],
  ['kicker', (r) => r.kicker],
  ['title', (r) => r.title],
  ['title_derived', (r) => r.titleDerived],
  ['subtitle', (r) => r.subtitle],
  ['byline', (r) => r.byline],
  ['district_ids', (r) => ids(r.districts)],
  ['districts', (r) => names(r.districts)],
  ['union_ids', (r) => ids(r.unions)],
  ['unions', (r) => names(r.unions)],
  ['text', (r) => r.text],
  // A caption never holds a line break (the parser makes each one line), so one per line keeps them apart.
  ['captions', (r) => r.captions.join('\n')],
  ['source_file', (r) => r.source.file],
  ['source_lines', (r) => `${r.source.startLine}-${r.source.endLine}`],
];

// Ids are ASCII words; names are joined the way Chinese lists are (永川区、江北区).
const ids = (places: readonly OpenPlace[]) => places.map((p) => p.id).join(' ');
const names = (places: readonly OpenPlace[]) => places.map((p) => p.name).join('、');

/** One field as RFC 4180 writes it: null is an empty field, booleans `true`/`false`. */
export function csvField(value: Cell): string {
  const text = value === null ? '' : String(value);
  return NEEDS_QUOTES_RE.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function recordsCsv(records: readonly OpenRecord[]): string {
  const rows = [CSV_COLUMNS.map(([name]) => name), ...records.map((r) => CSV_COLUMNS.map(([, cell]) => csvField(cell(r))))];
  return `${BOM}${rows.map((row) => row.join(',')).join('\r\n')}\r\n`;
}
