// Article bodies are Markdown the parser wrote from bulletin text. Only paragraphs and section headings are Markdown here:
// everything else a bulletin might contain (`*`, `1.`, `>`, `<b>`, `[x](y)`, `&lt;`) stays literal text.
import MarkdownIt from 'markdown-it';
import { markdownToPlainText } from '../parse/markdown.js';

const markdown = new MarkdownIt('zero', { html: false, linkify: false, typographer: false });
markdown.enable(['heading', 'paragraph', 'escape']);

/** A section heading of an article, for its table of contents. */
export interface BodySection {
  /** Fragment id on the heading: `section-1`, `section-2`…, in order, so a link to a section survives re-wording. */
  id: string;
  /** Heading level on the page (2 for a top section under the article's h1). */
  level: number;
  text: string;
}

/**
 * Renders a body whose sections start at `topLevel` (2 under an article's h1, 4 under a brief's h3 on an issue page),
 * keeping the body's own relative levels, so headings never skip a level.
 */
export function renderBody(body: string, topLevel = 2): string {
  return renderBodyWithSections(body, topLevel, false).html;
}

/** renderBody, with an id on each section heading and the list of sections, for an article's table of contents. */
export function renderBodyWithSections(body: string, topLevel = 2, anchored = true): { html: string; sections: BodySection[] } {
  const tokens = markdown.parse(body, {});
  const levels = [...new Set(tokens.filter((t) => t.type === 'heading_open').map((t) => Number(t.tag.slice(1))))].sort();
  const sections: BodySection[] = [];
  if (levels.length > 0) {
    const mapped = new Map(levels.map((level, rank) => [level, Math.min(6, topLevel + rank)]));
    tokens.forEach((token, index) => {
      if (token.type !== 'heading_open' && token.type !== 'heading_close') return;
      const level = mapped.get(Number(token.tag.slice(1)))!;
      token.tag = `h${level}`;
      if (token.type === 'heading_open' && anchored) {
        const id = `section-${sections.length + 1}`;
        token.attrSet('id', id);
        sections.push({ id, level, text: plainText(tokens[index + 1]?.content ?? '') });
      }
    });
  }
  return { html: markdown.renderer.render(tokens, markdown.options, {}), sections };
}

/** Body text without Markdown marks, on one line, for descriptions and feeds' summaries. */
export function plainText(body: string): string {
  return markdownToPlainText(body).replace(/\s+/g, ' ').trim();
}

export function excerpt(body: string, maxChars = 120): string {
  const text = plainText(body);
  const chars = Array.from(text);
  return chars.length <= maxChars ? text : `${chars.slice(0, maxChars).join('')}…`;
}
