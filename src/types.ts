// The plain records the parser hands to the site. Nothing here knows about Eleventy.

export type RecordKind = 'article' | 'brief';

/** Where a date part came from: stated in the text, implied from the issue (the year before, across New Year), or a default (day 1 of a stated month). */
export type DateOrigin = 'stated' | 'issue' | 'issue-previous-year' | 'default';

export interface SourceSpan {
  /** Path as given to the parser, e.g. `content/bulletins/2023-11.txt`. */
  file: string;
  /** 1-based, inclusive, in the original file (front matter included). */
  startLine: number;
  endLine: number;
}

export interface ArticleRecord {
  /** URL-safe, stable while the issue and title do not change. */
  id: string;
  /** The issue date as given by file name or front matter: `YYYY-MM` or `YYYY-MM-DD`. */
  issue: string;
  kind: RecordKind;
  title: string;
  /** True when the source gave no headline and the title is the first clause of the text (every brief, or an untitled lede). */
  titleDerived: boolean;
  kicker: string | null;
  subtitle: string | null;
  column: string | null;
  byline: string | null;
  /** Calendar date `YYYY-MM-DD` in Asia/Shanghai. */
  date: string;
  /** True when the day was not stated (近日, 日前, no date): then `date` is the issue date. */
  dateApprox: boolean;
  /** Literal text the date was read from (`11月2日`), or null when implied. */
  dateText: string | null;
  /** End of a stated range (`11月27日至28日` → …-28), else null. */
  dateEnd: string | null;
  dateOrigin: { year: DateOrigin; month: DateOrigin; day: DateOrigin };
  /** Markdown: paragraphs separated by blank lines, `##`/`###` for sections. Never contains HTML. */
  body: string;
  captions: string[];
  /** The editor's photos (图： marks), in the order of their lines; absent when the record has none. */
  photos?: PhotoRef[];
  source: SourceSpan;
  /** 0-based reading order within the issue. */
  order: number;
}

/** A photo an editor's 图： mark ties to a record (src/parse/photos.ts); src/photos/ checks and publishes it. */
export interface PhotoRef {
  /** The file's name as the mark gives it, in the folder beside the bulletin (`2024-12-05.txt` → `2024-12-05/`). */
  file: string;
  /** File line of the mark. */
  line: number;
  /** Index in `captions` of the caption on the mark's line; null for a photo given without one. */
  caption: number | null;
  /** The editor's 替代文本; null when the caption is the text alternative. */
  alt: string | null;
  /** How many blocks of `body` (paragraphs and headings, split at blank lines) stand before the photo. */
  after: number;
  /** Set by src/photos once the file is checked and encoded: what the page shows. */
  image?: PhotoImage;
}

/** A published photo: its encodings at a few widths, largest last; paths are site paths without the prefix. */
export interface PhotoImage {
  width: number;
  height: number;
  sources: { format: 'webp' | 'jpeg'; width: number; height: number; path: string; bytes: number }[];
}

export interface BulletinMeta {
  file: string;
  /** `YYYY-MM` or `YYYY-MM-DD`, as given. */
  issue: string;
  /** `YYYY-MM-DD`; the first of the month when the day is unknown. */
  issueDate: string;
  issueDayKnown: boolean;
  /** Where the issue date came from. */
  issueDateFrom: 'file-name' | 'front-matter';
  /** Optional slug from the file name (`2023-12-year-end.txt` → `year-end`). */
  slug: string | null;
  title: string | null;
  number: string | null;
  /** Encoding the bytes were decoded from. */
  encoding: 'utf-8' | 'gb18030';
  /** The decoded text, normalised to LF line endings, for publishing the original. */
  text: string;
}

export type WarningCode =
  | 'text-before-headline'
  | 'paragraph-ends-without-punctuation'
  | 'unbalanced-quotes'
  | 'headline-without-body'
  | 'floating-headline'
  | 'suspicious-characters'
  | 'control-characters'
  | 'impossible-date'
  | 'ornament-line'
  | 'long-headline'
  | 'editor-mark';

export interface ParseWarning {
  file: string;
  line: number;
  column?: number;
  code: WarningCode;
  message: string;
}

/** A reading the parser chose on weak evidence; `mark` is the editor's line prefix that settles it. */
export interface ParseNote {
  file: string;
  line: number;
  code: 'headline-roles' | 'section-or-article' | 'caption-or-text' | 'byline-or-text';
  message: string;
  mark: string;
}

export interface ParsedBulletin {
  meta: BulletinMeta;
  records: ArticleRecord[];
  /** Every column label as it stood in the source; `record.column` repeats these. */
  columnLabels: { text: string; line: number }[];
  warnings: ParseWarning[];
  /** Decisions taken on weak evidence, for the editor's report. */
  notes: ParseNote[];
}
