// The "nothing lost" invariant, shared by every test that parses a bulletin: the letters and digits (any script)
// of the source equal those of its records — headline fields, bylines, bodies, captions and column labels —
// none dropped, none invented. Derived titles (briefs, untitled ledes) repeat body text and are left out.
import { countedChars } from '../parse/chars.js';
import { stripEditorMarks } from '../parse/editorMarks.js';
import { narrowAlphanumerics } from '../parse/punctuation.js';
import { markdownToPlainText } from '../parse/markdown.js';
import type { ParsedBulletin } from '../types.js';

export function sourceCharacters(parsed: ParsedBulletin): string[] {
  const text = parsed.meta.text;
  const body = text.startsWith('---') ? text.slice(text.indexOf('\n---', 3) + 4) : text;
  // The editor's marks are instructions, not text; full-width digits and letters are the same characters read narrow.
  return countedChars(narrowAlphanumerics(stripEditorMarks(body)));
}

export function recordCharacters(parsed: ParsedBulletin): string[] {
  const out: string[] = [];
  for (const r of parsed.records) {
    const fields = [r.kicker, r.titleDerived ? null : r.title, r.subtitle, r.byline, markdownToPlainText(r.body), ...r.captions];
    for (const field of fields) if (field) out.push(...countedChars(field));
  }
  for (const label of parsed.columnLabels) out.push(...countedChars(label.text));
  return out;
}

/** Multiset difference both ways, as readable strings (empty when the invariant holds). */
export function characterDifference(parsed: ParsedBulletin): { lost: string; invented: string } {
  const counts = new Map<string, number>();
  for (const ch of sourceCharacters(parsed)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  for (const ch of recordCharacters(parsed)) counts.set(ch, (counts.get(ch) ?? 0) - 1);
  let lost = '';
  let invented = '';
  for (const [ch, n] of counts) {
    if (n > 0) lost += ch.repeat(n);
    if (n < 0) invented += ch.repeat(-n);
  }
  return { lost, invented };
}
