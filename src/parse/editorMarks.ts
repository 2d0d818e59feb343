// Stage `editor-marks` (see STAGES in index.ts): the editor's marks. When the parser reads a layout wrong, an editor fixes it in the text file with a
// line prefix (标题：…) or a line `---` between two articles. Marks always win over the rules, are checked here,
// and never reach the site: the prefix is removed and the mark travels with the line's block.
import type { Stage } from './state.js';

export type EditorMark = 'kicker' | 'title' | 'subtitle' | 'column' | 'byline' | 'caption' | 'paragraph';

/** Each prefix, and the role it gives the rest of its line. Chosen so that no bulletin line starts with one by chance. */
export const EDITOR_MARKS: Readonly<Record<string, EditorMark>> = {
  引题: 'kicker',
  标题: 'title',
  副题: 'subtitle',
  栏目: 'column',
  署名: 'byline',
  图注: 'caption',
  正文: 'paragraph',
};

export const EDITOR_MARK_RE = new RegExp(`^[ \\t\\u3000]*(${Object.keys(EDITOR_MARKS).join('|')})[：:][ \\t\\u3000]*`, 'u');
/** A line of three or more hyphens (outside the front matter) starts a new article. */
export const ARTICLE_SPLIT_RE = /^[ \t]*-{3,}[ \t]*$/;

export interface MarkedLines {
  /** File line number → the role the editor gave that line. */
  roles: Map<number, EditorMark>;
  /** File line numbers of `---` lines. */
  splits: Set<number>;
}

/** The bulletin's text as the parser reads it: mark prefixes removed, `---` lines emptied. Exported for the invariant. */
export function stripEditorMarks(body: string): string {
  return body
    .split('\n')
    .map((line) => (ARTICLE_SPLIT_RE.test(line) ? '' : line.replace(EDITOR_MARK_RE, '')))
    .join('\n');
}

/** Plain substring searches find whether any line may be marked, so unmarked bulletins (nearly all) cost no more. */
const MARK_NEEDLES = [...Object.keys(EDITOR_MARKS).flatMap((name) => [`${name}：`, `${name}:`]), '---'];

export const editorMarksStage: Stage = (state) => {
  const marks: MarkedLines = { roles: new Map(), splits: new Set() };
  state.marks = marks;
  if (!MARK_NEEDLES.some((needle) => state.body.includes(needle))) return;
  const lines = state.body.split('\n');
  let changed = false;
  lines.forEach((line, i) => {
    const lineNumber = i + 1 + state.bodyLineOffset;
    if (ARTICLE_SPLIT_RE.test(line)) {
      marks.splits.add(lineNumber);
      lines[i] = '';
      changed = true;
      return;
    }
    const match = EDITOR_MARK_RE.exec(line);
    if (!match) return;
    const rest = line.slice(match[0].length);
    changed = true;
    lines[i] = rest;
    if (rest.trim() === '') {
      state.warn(lineNumber, 'editor-mark', `mark 「${match[1]}：」 has no text after it on its line; it was ignored`);
      return;
    }
    marks.roles.set(lineNumber, EDITOR_MARKS[match[1]!]!);
  });
  if (changed) state.body = lines.join('\n');
};
