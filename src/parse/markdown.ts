// Bodies are Markdown, but bulletin text is data: characters Markdown would read as syntax are escaped,
// so `*`, `[x](javascript:…)`, `<script>` or `&amp;` in a bulletin render exactly as typed.

const INLINE_SYNTAX_RE = /[\\`*_[\]<>&|~!]/g;
const LINE_START_SYNTAX_RE = /^(\s*)([#>+=-]|\d+[.)])/;

export function escapeMarkdownText(text: string): string {
  return text.replace(INLINE_SYNTAX_RE, (ch) => `\\${ch}`).replace(LINE_START_SYNTAX_RE, (_m, space: string, mark: string) => {
    return `${space}${mark.replace(/([#>+=\-.)])/, '\\$1')}`;
  });
}

/** The plain text of a body: section marks and escapes removed (for search truth, counts and excerpts). */
export function markdownToPlainText(body: string): string {
  return body
    .split('\n')
    .map((line) => line.replace(/^#{1,6} /, ''))
    .join('\n')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1');
}
