// What the stages share while one bulletin is parsed. Each stage reads what earlier stages left here and adds
// its own result, as markdown-it's core rules share one state; problems for the editor go through `warn`.
import type { Block } from './blocks.js';
import type { ClassifiedBlock } from './captions.js';
import type { MarkedLines } from './editorMarks.js';
import type { FrontMatter } from './frontMatter.js';
import type { Draft } from './group.js';
import type { ReadBlock } from './lineKinds.js';
import type { ArticleRecord, BulletinMeta, ParseNote, ParseWarning, WarningCode } from '../types.js';

export interface ParseState {
  readonly file: string;
  readonly input: Uint8Array | string;
  /** Decoded text with LF line endings (front matter included). */
  text: string;
  encoding: BulletinMeta['encoding'];
  frontMatter: FrontMatter;
  /** Text after the front matter, and how many file lines precede it. */
  body: string;
  bodyLineOffset: number;
  meta: BulletinMeta | null;
  /** Lines the editor marked; read by `blocks`. */
  marks: MarkedLines;
  blocks: Block[];
  lines: ReadBlock[];
  classified: ClassifiedBlock[];
  drafts: Draft[];
  columnLabels: { text: string; line: number }[];
  records: ArticleRecord[];
  warnings: ParseWarning[];
  notes: ParseNote[];
  warn(line: number, code: WarningCode, message: string): void;
  /** A decision the parser was unsure of, with the editor's mark that would settle it. */
  note(line: number, code: ParseNote['code'], message: string, mark: string): void;
}

export type Stage = (state: ParseState) => void;

export function newParseState(input: Uint8Array | string, file: string): ParseState {
  const state: ParseState = {
    file,
    input,
    text: '',
    encoding: 'utf-8',
    frontMatter: { date: null, title: null, number: null },
    body: '',
    bodyLineOffset: 0,
    meta: null,
    marks: { roles: new Map(), splits: new Set() },
    blocks: [],
    lines: [],
    classified: [],
    drafts: [],
    columnLabels: [],
    records: [],
    warnings: [],
    notes: [],
    warn(line, code, message) {
      state.warnings.push({ file, line, code, message });
    },
    note(line, code, message, mark) {
      state.notes.push({ file, line, code, message, mark });
    },
  };
  return state;
}

/** The issue metadata, which every stage after `issue-date` may rely on. */
export function metaOf(state: ParseState): BulletinMeta {
  if (state.meta === null) throw new Error('parser stage ran before the issue date was known');
  return state.meta;
}
