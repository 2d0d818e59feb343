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

/**
 * `图：会场.jpg 图为…`: the photo named, from the folder beside the bulletin, with the rest of the line as its
 * caption (as 图注： would make it); `图：会场.jpg` alone gives a photo with no caption in the text. The name runs to
 * the first image extension followed by a space or the line's end, so names with spaces work, and a credit line
 * (图：记者 张三) names no file and stays text. Extensions the site cannot publish (GIF, HEIC, TIFF …) are matched
 * too, so that the photo check names the format instead of the line silently staying text.
 */
export const PHOTO_MARK_RE =
  /^[ \t\u3000]*图[：:][ \t\u3000]*([^ \t\u3000].*?\.(?:jpe?g|png|webp|gif|bmp|tiff?|heic|heif|avif|jfif|svg|psd|dng|cr2|nef))(?=[ \t\u3000]|$)[ \t\u3000]*/iu;
/** `替代文本：…` on a line after a 图： line (blank lines between allowed): the photo's text alternative for readers who cannot see it. */
export const PHOTO_ALT_RE = /^[ \t\u3000]*替代文本[：:][ \t\u3000]*/u;

export interface PhotoMark {
  /** File line of the 图： mark. */
  line: number;
  /** The file name as written. */
  file: string;
  /** The editor's 替代文本, else null. */
  alt: string | null;
  /** Whether the mark's line holds a caption (then that line is a caption block). */
  captioned: boolean;
}

export interface MarkedLines {
  /** File line number → the role the editor gave that line. */
  roles: Map<number, EditorMark>;
  /** File line numbers of `---` lines. */
  splits: Set<number>;
  /** File line number → the photo a 图： mark names there. */
  photos?: Map<number, PhotoMark>;
  /**
   * Lines that are marks and nothing else (a photo without caption, a 替代文本): they end the block above, but are
   * not blank lines either, so adding a photo never makes the next line look set apart like a caption.
   */
  hidden?: Set<number>;
}

/** The bulletin's text as the parser reads it: mark prefixes removed, `---` lines emptied. Exported for the invariant. */
export function stripEditorMarks(body: string): string {
  return scanMarks(body.split('\n'), 0, () => {}).lines.join('\n');
}

/** Plain substring searches find whether any line may be marked, so unmarked bulletins (nearly all) cost no more. */
const MARK_NEEDLES = [...[...Object.keys(EDITOR_MARKS), '图', '替代文本'].flatMap((name) => [`${name}：`, `${name}:`]), '---'];

function scanMarks(lines: string[], lineOffset: number, warn: (line: number, message: string) => void): { lines: string[]; marks: MarkedLines } {
  const marks: MarkedLines = { roles: new Map(), splits: new Set(), photos: new Map(), hidden: new Set() };
  let lastPhoto: PhotoMark | null = null;
  lines.forEach((line, i) => {
    const lineNumber = i + 1 + lineOffset;
    if (ARTICLE_SPLIT_RE.test(line)) {
      marks.splits.add(lineNumber);
      lines[i] = '';
      lastPhoto = null;
      return;
    }
    const photo = PHOTO_MARK_RE.exec(line);
    if (photo) {
      const rest = line.slice(photo[0].length);
      lastPhoto = { line: lineNumber, file: photo[1]!, alt: null, captioned: rest.trim() !== '' };
      marks.photos!.set(lineNumber, lastPhoto);
      lines[i] = rest;
      if (lastPhoto.captioned) marks.roles.set(lineNumber, 'caption');
      else marks.hidden!.add(lineNumber);
      return;
    }
    const alt = PHOTO_ALT_RE.exec(line);
    if (alt) {
      const text = line.slice(alt[0].length).trim();
      const photoAbove = lastPhoto as PhotoMark | null;
      // Kept as text when it belongs to no photo, so the editor's words are not dropped.
      if (photoAbove === null) {
        warn(lineNumber, 'mark 「替代文本：」 is not under a 图： line; it was kept as text');
        return;
      }
      lines[i] = '';
      marks.hidden!.add(lineNumber);
      if (text === '') warn(lineNumber, 'mark 「替代文本：」 has no text after it on its line; it was ignored');
      else if (photoAbove.alt !== null) warn(lineNumber, `photo ${photoAbove.file} already has a 替代文本 above; this second one was ignored`);
      else photoAbove.alt = text;
      return;
    }
    if (line.trim() !== '') lastPhoto = null;
    const match = EDITOR_MARK_RE.exec(line);
    if (!match) return;
    const rest = line.slice(match[0].length);
    lines[i] = rest;
    if (rest.trim() === '') {
      warn(lineNumber, `mark 「${match[1]}：」 has no text after it on its line; it was ignored`);
      return;
    }
    marks.roles.set(lineNumber, EDITOR_MARKS[match[1]!]!);
  });
  return { lines, marks };
}

export const editorMarksStage: Stage = (state) => {
  if (!MARK_NEEDLES.some((needle) => state.body.includes(needle))) {
    state.marks = { roles: new Map(), splits: new Set() };
    return;
  }
  const { lines, marks } = scanMarks(state.body.split('\n'), state.bodyLineOffset, (line, message) => state.warn(line, 'editor-mark', message));
  state.marks = marks;
  state.body = lines.join('\n');
};
