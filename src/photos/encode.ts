// One photo's encodings, cached by the hash of its bytes: a rebuild (and `npm start` after an edit) finds them on disk
// and encodes nothing. What goes out is decoded pixels re-encoded, so no EXIF, GPS, XMP, IPTC or ICC data survives,
// and EXIF orientation is applied to the pixels first.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';

/** Caps from issue #15: larger exports cost minutes to encode and add nothing at a 40rem column. */
export const MAX_PHOTO_PIXELS = 40_000_000;
export const MAX_PHOTO_BYTES = 20 * 1024 * 1024;

/**
 * 480 fills a 390 px phone at 1x, 800 the phone at 2x and the 40rem (640 px) desktop column at 1x, 1280 that column
 * at 2x. A photo narrower than a width is never enlarged.
 */
export const PHOTO_WIDTHS = [480, 800, 1280] as const;
/**
 * WebP for every current browser, JPEG as the fallback. AVIF was left out: at sharp's default effort it took 4–8×
 * WebP's time here (5.5 s for one 1280 px image on this machine) and came out no smaller on our test images.
 */
const FORMATS = ['webp', 'jpeg'] as const;
type Format = (typeof FORMATS)[number];
const EXTENSION: Record<Format, string> = { webp: 'webp', jpeg: 'jpg' };

/** Changes whenever the output would: a new setting, cap or library version makes every photo encode again. */
const PIPELINE = JSON.stringify({
  v: 1,
  widths: PHOTO_WIDTHS,
  formats: FORMATS,
  webp: { quality: 75 },
  jpeg: { quality: 80, mozjpeg: true },
  caps: [MAX_PHOTO_PIXELS],
  sharp: sharp.versions,
});

// Every photo is a different image; libvips' operation cache would only hold memory.
sharp.cache(false);

export interface Encoded {
  width: number;
  height: number;
  sources: { format: Format; width: number; height: number; file: string; bytes: number }[];
}

/** A photo the site cannot publish; the message is for the editor. */
export class PhotoProblem extends Error {}

export function photoKey(bytes: Buffer): string {
  return createHash('sha256').update(PIPELINE).update('\0').update(bytes).digest('hex');
}

/** The name a source has on the site: the key's first 20 hex digits (80 bits) and its width. */
export function publishedName(key: string, width: number, format: Format): string {
  return `${key.slice(0, 20)}-${width}.${EXTENSION[format]}`;
}

function entryDir(cacheDir: string, key: string): string {
  return join(cacheDir, key.slice(0, 2), key);
}

/** The cached encodings of `key`, or null when missing or incomplete (a file deleted or cut short by hand). */
export function cached(cacheDir: string, key: string): Encoded | null {
  const dir = entryDir(cacheDir, key);
  let entry: Encoded;
  try {
    entry = JSON.parse(readFileSync(join(dir, 'photo.json'), 'utf8')) as Encoded;
  } catch {
    return null;
  }
  for (const source of entry.sources) {
    const size = statSync(join(dir, source.file), { throwIfNoEntry: false })?.size;
    if (size !== source.bytes) return null;
  }
  return entry;
}

export function cachedFile(cacheDir: string, key: string, file: string): string {
  return join(entryDir(cacheDir, key), file);
}

/** Checks and encodes `bytes`, stores the result under `key`, and returns it. Throws PhotoProblem for a bad image. */
export async function encode(bytes: Buffer, key: string, cacheDir: string): Promise<Encoded> {
  let meta: sharp.Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (error) {
    throw new PhotoProblem(`not an image sharp can read (${(error as Error).message}); save it as JPEG, PNG or WebP`);
  }
  if (meta.format !== 'jpeg' && meta.format !== 'png' && meta.format !== 'webp') {
    throw new PhotoProblem(`a ${String(meta.format).toUpperCase()} image; save it as JPEG, PNG or WebP`);
  }
  const pixels = (meta.width ?? 0) * (meta.height ?? 0);
  if (pixels > MAX_PHOTO_PIXELS) {
    throw new PhotoProblem(
      `${meta.width}×${meta.height} is ${(pixels / 1e6).toFixed(1)} megapixels, over the ${MAX_PHOTO_PIXELS / 1e6}-megapixel cap; export it smaller (2,000 px wide is plenty)`,
    );
  }
  let base: { data: Buffer; info: sharp.OutputInfo };
  try {
    // One full decode, which also finds a truncated or damaged file (failOn 'warning': libjpeg's "premature end").
    base = await sharp(bytes, { failOn: 'warning', limitInputPixels: MAX_PHOTO_PIXELS })
      .rotate()
      .resize({ width: PHOTO_WIDTHS.at(-1), withoutEnlargement: true })
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
  } catch (error) {
    throw new PhotoProblem(`the image is damaged or cut short (${(error as Error).message}); export it again`);
  }
  const { width: fullWidth, channels } = base.info;
  const widths = [...new Set(PHOTO_WIDTHS.map((w) => Math.min(w, fullWidth)))];
  const dir = entryDir(cacheDir, key);
  const scratch = `${dir}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  mkdirSync(scratch, { recursive: true });
  try {
    const sources: Encoded['sources'] = [];
    for (const width of widths) {
      for (const format of FORMATS) {
        let pipeline = sharp(base.data, { raw: { width: fullWidth, height: base.info.height, channels } });
        if (width < fullWidth) pipeline = pipeline.resize({ width });
        pipeline =
          format === 'webp'
            ? pipeline.webp({ quality: 75 })
            : pipeline.flatten({ background: '#ffffff' }).jpeg({ quality: 80, mozjpeg: true });
        const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
        const file = `${width}.${EXTENSION[format]}`;
        writeFileSync(join(scratch, file), data);
        sources.push({ format, width: info.width, height: info.height, file, bytes: data.length });
      }
    }
    const largest = sources.at(-1)!;
    const entry: Encoded = { width: largest.width, height: largest.height, sources };
    writeFileSync(join(scratch, 'photo.json'), JSON.stringify(entry));
    // Whole or not at all: a killed build leaves only a scratch folder, which no later build reads.
    try {
      renameSync(scratch, dir);
    } catch (error) {
      // Another build stored the same photo first; both encodings are byte for byte the same.
      if (!['ENOTEMPTY', 'EEXIST'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
      if (cached(cacheDir, key) === null) {
        rmSync(dir, { recursive: true, force: true });
        renameSync(scratch, dir);
      }
    }
    return entry;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
