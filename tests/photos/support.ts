// Test photos drawn with sharp at run time (nothing binary is committed), and small content folders holding them.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';

/** A photo-like image: gradients and a grid, so encoders have real work; `seed` makes each one different. */
export async function drawPhoto(width: number, height: number, seed = 1, format: 'jpeg' | 'png' | 'webp' = 'jpeg'): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      raw[i] = (x * 255) / width + seed * 40;
      raw[i + 1] = (y * 255) / height + seed * 17;
      raw[i + 2] = ((x >> 4) ^ (y >> 4)) & 1 ? 200 : 40 + seed;
    }
  }
  const image = sharp(raw, { raw: { width, height, channels: 3 } });
  return format === 'png' ? image.png().toBuffer() : format === 'webp' ? image.webp().toBuffer() : image.jpeg({ quality: 90 }).toBuffer();
}

/** A JPEG with EXIF: camera GPS position, a camera name and orientation 6 (to be shown rotated 90° clockwise). */
export async function drawGpsPhoto(width: number, height: number): Promise<Buffer> {
  const plain = await drawPhoto(width, height, 3);
  return sharp(plain)
    .withMetadata({ orientation: 6 })
    .withExifMerge({ IFD0: { Make: 'TestCam', Model: 'GPS-1' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '29/1 33/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '106/1 33/1 0/1' } })
    .jpeg({ quality: 90 })
    .toBuffer();
}

export const LEDE = '12月3日，市总工会在渝中区召开全市工会财务工作会议，总结今年工作，部署明年任务，各区县工会负责人参加。';
export const MORE = '会议要求，各级工会要全面从严管好用好工会经费，把更多资源投向基层、投向职工，切实增强职工群众的获得感。';

/** A content folder `DIR/bulletins/` with the given bulletins (name → text) and photos (bulletin name → file → bytes). */
export function makeContent(bulletins: Record<string, string>, photos: Record<string, Record<string, Buffer | string>> = {}): string {
  // `…/content`, so a command run in the folder above reads it as npm run does.
  const dir = join(mkdtempSync(join(tmpdir(), 'photos-content-')), 'content');
  mkdirSync(join(dir, 'bulletins'), { recursive: true });
  for (const [name, text] of Object.entries(bulletins)) writeFileSync(join(dir, 'bulletins', `${name}.txt`), text);
  for (const [name, files] of Object.entries(photos)) {
    mkdirSync(join(dir, 'bulletins', name), { recursive: true });
    for (const [file, bytes] of Object.entries(files)) writeFileSync(join(dir, 'bulletins', name, file), bytes);
  }
  return dir;
}
