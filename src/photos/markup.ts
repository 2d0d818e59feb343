// A record's photos as HTML: each a <figure> with its caption, placed in the text where the editor's mark stood, as
// <picture> with WebP and a JPEG fallback at a few widths. Escaping only through src/site/escape.ts.
import { escapeHtml } from '../site/escape.js';
import type { ArticleRecord, PhotoImage, PhotoRef } from '../types.js';

/** The article column is 40rem; below 42rem the page is the screen less the 1rem margins (site.css `.wrap`). */
export const PHOTO_SIZES = '(max-width: 42rem) calc(100vw - 2rem), 40rem';
/** The `<img>` fallback: the JPEG nearest a phone at 2x or the column at 1x. */
const FALLBACK_WIDTH = 800;

/** Photos that reached the site (checked and encoded), in text order. */
export function shownPhotos(record: ArticleRecord): (PhotoRef & { image: PhotoImage })[] {
  return (record.photos ?? []).filter((p): p is PhotoRef & { image: PhotoImage } => p.image !== undefined);
}

/** The text alternative: the editor's 替代文本, else the caption, else empty (screen readers skip the picture). */
export function photoAlt(record: ArticleRecord, photo: PhotoRef): string {
  return photo.alt ?? (photo.caption === null ? '' : (record.captions[photo.caption] ?? ''));
}

/** Captions that have no photo: readable text, set apart from the figures. */
export function captionsWithoutPhoto(record: ArticleRecord): string[] {
  const shown = new Set(shownPhotos(record).flatMap((p) => (p.caption === null ? [] : [p.caption])));
  return record.captions.filter((_, i) => !shown.has(i));
}

/** The JPEG an `og:image` or JSON-LD `image` points at: the largest, as social sites ask for at least 1,200 px. */
export function shareImage(record: ArticleRecord): { path: string; width: number; height: number; alt: string } | null {
  const photo = shownPhotos(record)[0];
  if (!photo) return null;
  const jpeg = photo.image.sources.filter((s) => s.format === 'jpeg').at(-1)!;
  return { path: jpeg.path, width: jpeg.width, height: jpeg.height, alt: photoAlt(record, photo) };
}

export function renderFigure(record: ArticleRecord, photo: PhotoRef & { image: PhotoImage }, prefix: string, eager: boolean): string {
  const srcset = (format: 'webp' | 'jpeg') =>
    photo.image.sources
      .filter((s) => s.format === format)
      .map((s) => `${escapeHtml(prefix + s.path)} ${s.width}w`)
      .join(', ');
  const jpegs = photo.image.sources.filter((s) => s.format === 'jpeg');
  const fallback = jpegs.filter((s) => s.width <= FALLBACK_WIDTH).at(-1) ?? jpegs[0]!;
  const caption = photo.caption === null ? null : record.captions[photo.caption];
  // The first photo near the top may be on the first screen: load it at once; every other one when scrolled near.
  const loading = eager ? 'fetchpriority="high"' : 'loading="lazy"';
  return `<figure class="photo">
<picture>
<source type="image/webp" srcset="${srcset('webp')}" sizes="${PHOTO_SIZES}">
<img src="${escapeHtml(prefix + fallback.path)}" srcset="${srcset('jpeg')}" sizes="${PHOTO_SIZES}" width="${fallback.width}" height="${fallback.height}" alt="${escapeHtml(photoAlt(record, photo))}" ${loading} decoding="async">
</picture>
${caption ? `<figcaption>${escapeHtml(caption)}</figcaption>\n` : ''}</figure>
`;
}

/**
 * The body's HTML (`bodyHtml`, rendered whole so heading levels stay the body's own) with each photo after the
 * `after`-th block. Blocks are markdown-it's top-level paragraphs and headings, one per line; if the HTML ever
 * splits otherwise, the photos go after the text rather than anywhere wrong, and none is dropped.
 */
export function bodyWithPhotos(record: ArticleRecord, bodyHtml: string, prefix: string): string {
  const photos = shownPhotos(record);
  if (photos.length === 0) return bodyHtml;
  const blocks = bodyHtml.split(/(?<=<\/(?:p|h[1-6])>\n)/).filter((b) => b !== '');
  const expected = record.body === '' ? 0 : record.body.split('\n\n').length;
  const placed = blocks.length === expected;
  const out: string[] = [];
  let next = 0;
  photos.forEach((photo, i) => {
    const at = placed ? Math.min(photo.after, blocks.length) : blocks.length;
    while (next < at) out.push(blocks[next++]!);
    out.push(renderFigure(record, photo, prefix, i === 0 && at <= 1));
  });
  while (next < blocks.length) out.push(blocks[next++]!);
  return out.join('');
}
