// The people a byline names, for structured data (schema.org `author`): search engines want a person's name, not
// `通讯员 刘颖` or a whole `（作者黄紫陌，重庆市总工会…一级科员…）`. Roles, outlets, photo credits and an author's
// description are dropped; an organisation (`图片由涪陵区总工会提供`) is nobody's name. The page itself still shows
// the byline as the bulletin printed it.

/** Words before a name that say what the person did or where they work, longest first so 本报记者 beats 记者. */
const ROLE_RE = /(?:[\p{Script=Han}A-Za-z-]{0,12}?(?:日报|晚报|网|电视台|通讯社)[-—]?)*(?:本报|特约|实习|首席)?(?:记者|通讯员|实习生|编辑|摄影)/gu;
/** A Chinese personal name: two to four Han characters (a few compound surnames reach four). */
const NAME_RE = /^\p{Script=Han}{2,4}$/u;

export function bylineAuthors(byline: string): string[] {
  let text = byline.trim().replace(/^[■□◆●▲\s]+/u, '');
  text = text.replace(/^[（(]/u, '').replace(/[）)]$/u, '');
  if (/提供$/u.test(text)) return [];
  // （作者：洪志坤）, （作者黄紫陌，重庆市总工会…）: the name, then the description after a comma.
  const author = /^作者[：:]?\s*([^，,；;：:\s]+)/u.exec(text);
  if (author) return NAME_RE.test(author[1]!) ? [author[1]!] : [];
  // 文/刘畅 图/江涛: the writer is the author; the photographer is credited on the page.
  const written = /(?:^|\s)文[/／]\s*(.+?)(?=\s+图[/／]|$)/u.exec(text);
  if (written) text = written[1]!;
  const names = text
    .replace(ROLE_RE, ' ')
    .replace(/\s摄$|摄$/u, '')
    .split(/[\s、，,]+/u)
    .filter((part) => NAME_RE.test(part));
  return [...new Set(names)];
}
