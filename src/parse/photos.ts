// Stage `photos` (see STAGES in index.ts): each 图： mark's photo goes to the record whose text holds its line. A
// photo on a caption line illustrates that caption; a photo on a line of its own goes to the record around it (or the
// one before it, as photos follow their report), at the place in the text where the editor put it.
import type { PhotoMark } from './editorMarks.js';
import type { Draft } from './group.js';
import type { Stage } from './state.js';
import type { ArticleRecord, PhotoRef } from '../types.js';

export const photosStage: Stage = (state) => {
  const marks = state.marks.photos;
  if (!marks || marks.size === 0) return;
  const placed = new Set<number>();
  state.drafts.forEach((draft, i) => {
    draft.captions.forEach((caption, index) => {
      const mark = marks.get(caption.line);
      if (!mark) return;
      add(state.records[i]!, draft, mark, index);
      placed.add(mark.line);
    });
  });
  for (const mark of marks.values()) {
    if (placed.has(mark.line)) continue;
    const i = draftAt(state.drafts, mark.line);
    if (i < 0) {
      state.warn(mark.line, 'editor-mark', `photo ${mark.file} stands in a bulletin with no article to show it in; it was left out`);
      continue;
    }
    // A caption the parser read as something else (a headline between two headlines) still shows, only not under the photo.
    if (mark.captioned) state.warn(mark.line, 'editor-mark', `the caption on the line of photo ${mark.file} was not read as a caption; the photo is shown without it`);
    add(state.records[i]!, state.drafts[i]!, mark, null);
  }
  for (const record of state.records) record.photos?.sort((a, b) => a.line - b.line);
};

function add(record: ArticleRecord, draft: Draft, mark: PhotoMark, caption: number | null): void {
  const photo: PhotoRef = { file: mark.file, line: mark.line, caption, alt: mark.alt, after: blocksBefore(draft, mark.line) };
  (record.photos ??= []).push(photo);
}

/** Markdown blocks of the record's body before `line`: one per paragraph, one per section heading (records.ts). */
function blocksBefore(draft: Draft, line: number): number {
  let count = 0;
  for (const part of draft.parts) {
    if (part.type === 'paragraph') count += part.line < line ? 1 : 0;
    else count += part.headings.filter((h) => h.line < line).length;
  }
  return count;
}

/** The draft whose lines hold `line`, else the last one before it, else the first. */
function draftAt(drafts: Draft[], line: number): number {
  const inside = drafts.findIndex((d) => d.startLine <= line && line <= d.endLine);
  if (inside >= 0) return inside;
  let before = -1;
  drafts.forEach((d, i) => {
    if (d.startLine < line && (before < 0 || d.startLine >= drafts[before]!.startLine)) before = i;
  });
  return before >= 0 ? before : drafts.length > 0 ? 0 : -1;
}
