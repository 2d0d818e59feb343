// Article bodies are Markdown the parser wrote from bulletin text. Only paragraphs and section headings are Markdown here:
// everything else a bulletin might contain (`*`, `1.`, `>`, `<b>`, `[x](y)`, `&lt;`) stays literal text.
import MarkdownIt from 'markdown-it';
import { markdownToPlainText } from '../parse/markdown.js';

const markdown = new MarkdownIt('zero', { html: false, linkify: false, typographer: false });
markdown.enable(['heading', 'paragraph', 'escape']);

/**
 * Renders a body whose sections start at `topLevel` (2 under an article's h1, 4 under a brief's h3 on an issue page),
 * keeping the body's own relative levels, so headings never skip a level.
 */
export function renderBody(body: string, topLevel = 2): string {
  const tokens = markdown.parse(body, {});
  const levels = [...new Set(tokens.filter((t) => t.type === 'heading_open').map((t) => Number(t.tag.slice(1))))].sort();
  if (levels.length > 0) {
    const mapped = new Map(levels.map((level, rank) => [level, Math.min(6, topLevel + rank)]));
    for (const token of tokens) {
      if (token.type === 'heading_open' || token.type === 'heading_close') token.tag = `h${mapped.get(Number(token.tag.slice(1)))}`;
    }
  }
  return markdown.renderer.render(tokens, markdown.options, {});
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
