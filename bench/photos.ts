// What photos cost the build: a synthetic archive of N bulletins with P photos each (drawn here, never committed), built
// without photos, then with photos and an empty cache, then again with the cache the first build filled.
//
//   tsx bench/photos.ts --bulletins 1000 [--photos 3] [--width 1600] [--keep] [--json out.json]
//
// Each build runs in its own process (bench/phases.ts build) measured from outside (bench/lib/measure.ts): wall and
// CPU seconds, the largest process's peak RSS and the process tree's. Work happens in bench/.work/photos-N.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { writeArchive, mulberry32 } from './generate.js';
import { runTs, treeSize, type Measurement } from './lib/measure.js';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));

/** A photo-like picture: a sky-to-ground gradient, a few shapes and fine texture, different for every seed. */
export async function benchPhoto(seed: number, width: number): Promise<Buffer> {
  const random = mulberry32(seed);
  const height = Math.round((width * 2) / 3);
  const hue = () => Math.floor(random() * 360);
  const shapes = Array.from({ length: 12 }, () => {
    const [x, y, r] = [random() * width, random() * height, 20 + random() * width * 0.15];
    return random() < 0.5
      ? `<circle cx="${x.toFixed(0)}" cy="${y.toFixed(0)}" r="${r.toFixed(0)}" fill="hsl(${hue()},60%,50%)" fill-opacity="0.7"/>`
      : `<rect x="${x.toFixed(0)}" y="${y.toFixed(0)}" width="${(r * 2).toFixed(0)}" height="${r.toFixed(0)}" fill="hsl(${hue()},40%,40%)"/>`;
  }).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="hsl(${hue()},50%,75%)"/><stop offset="1" stop-color="hsl(${hue()},30%,30%)"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/>${shapes}</svg>`;
  // Texture like a camera's: noise blended in so encoders have real detail to keep. Drawn once per size: making
  // it per photo took most of the generation time.
  const noise = await noiseOf(width, height);
  return sharp(Buffer.from(svg))
    .composite([{ input: noise, raw: { width, height, channels: 3 }, blend: 'soft-light' }])
    .jpeg({ quality: 88 })
    .toBuffer();
}

const noises = new Map<string, Promise<Buffer>>();
function noiseOf(width: number, height: number): Promise<Buffer> {
  const key = `${width}x${height}`;
  if (!noises.has(key)) {
    const create = { width, height, channels: 3 as const, background: '#808080', noise: { type: 'gaussian' as const, mean: 128, sigma: 24 } };
    noises.set(key, sharp({ create }).raw().toBuffer());
  }
  return noises.get(key)!;
}

/** Puts 图： marks on up to `count` caption lines of a bulletin, and photo lines of their own for the rest. */
export function markPhotos(text: string, count: number, name: (k: number) => string): string {
  const lines = text.split('\n');
  let k = 0;
  for (let i = 0; i < lines.length && k < count; i++) {
    if (/^(图为|▲)|摄[）)]?$|供图$/u.test(lines[i]!.trim())) lines[i] = `图：${name(k++)} ${lines[i]!.trim()}`;
  }
  // Photos without a caption in the text, each after a paragraph further down, with a text alternative.
  const paragraphs = lines.flatMap((line, i) => (line.length > 60 ? [i] : []));
  for (; k < count; k++) {
    const at = paragraphs[Math.floor(((k + 1) * paragraphs.length) / (count + 1))] ?? lines.length - 1;
    lines[at] = `${lines[at]}\n\n图：${name(k)}\n替代文本：活动现场第${k + 1}张照片`;
  }
  return lines.join('\n');
}

interface Row {
  build: string;
  wallS: number;
  cpuS: number;
  maxRssMB: number;
  treeRssMB: number;
  load: number;
  pages: unknown;
  photoFiles: number;
  ok: unknown;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      bulletins: { type: 'string', default: '1000' },
      photos: { type: 'string', default: '3' },
      width: { type: 'string', default: '1600' },
      keep: { type: 'boolean', default: false },
      json: { type: 'string' },
    },
  });
  const n = Number(values.bulletins);
  const perBulletin = Number(values.photos);
  const width = Number(values.width);
  const work = join(BENCH_DIR, '.work', `photos-${n}`);
  rmSync(work, { recursive: true, force: true });
  const plain = join(work, 'plain');
  const withPhotos = join(work, 'photos');
  const cache = join(work, 'cache');
  const started = performance.now();
  writeArchive(plain, { bulletins: n, seed: 42 });
  writeArchive(withPhotos, { bulletins: n, seed: 42 });
  const dir = join(withPhotos, 'bulletins');
  let photoBytes = 0;
  let seed = 1;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    const stem = file.slice(0, -4);
    const names = (k: number) => `照片${k + 1}.jpg`;
    writeFileSync(join(dir, file), markPhotos(readFileSync(join(dir, file), 'utf8'), perBulletin, names));
    mkdirSync(join(dir, stem));
    for (let k = 0; k < perBulletin; k++) {
      const bytes = await benchPhoto(seed++, width);
      photoBytes += bytes.length;
      writeFileSync(join(dir, stem, names(k)), bytes);
    }
  }
  console.error(`generated ${n} bulletins and ${n * perBulletin} photos (${(photoBytes / 1e6).toFixed(1)} MB, ${width}×${Math.round((width * 2) / 3)}) in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const rows: Row[] = [];
  const build = async (label: string, contentDir: string, outputDir: string) => {
    console.error(`${label}…`);
    const m: Measurement = await runTs(join(BENCH_DIR, 'phases.ts'), ['build', JSON.stringify({ contentDir, outputDir })], {
      env: { ...process.env, PHOTO_CACHE_DIR: cache },
    });
    const result = (m.result.result ?? {}) as Record<string, unknown>;
    const photosDir = join(outputDir, 'photos');
    const row: Row = {
      build: label,
      wallS: m.wallS,
      cpuS: m.cpuS,
      maxRssMB: m.maxRssMB,
      treeRssMB: m.treeRssMB,
      load: m.loadBefore,
      pages: result.pages,
      photoFiles: existsSync(photosDir) ? readdirSync(photosDir).length : 0,
      ok: result.ok,
    };
    if (m.exitCode !== 0 || result.ok !== true) console.error(JSON.stringify(m.result).slice(0, 2000));
    rows.push(row);
    console.error(JSON.stringify(row));
  };
  await build('no photos', plain, join(work, 'site-plain'));
  await build('photos, empty cache', withPhotos, join(work, 'site-1'));
  await build('photos, cache filled by the build before', withPhotos, join(work, 'site-2'));
  await build('no photos (again, for the machine’s drift)', plain, join(work, 'site-plain'));
  const cacheSize = treeSize(cache);

  console.log(`\n${n} bulletins, ${n * perBulletin} photos of ${width} px (${(photoBytes / 1e6).toFixed(1)} MB); cache ${(cacheSize.bytes / 1e6).toFixed(1)} MB in ${cacheSize.files} files; load now ${loadavg()[0]!.toFixed(1)}\n`);
  console.log('| build | wall s | CPU s | peak RSS MB (largest process / tree) | pages | photo files | load |');
  console.log('|---|--:|--:|--:|--:|--:|--:|');
  for (const r of rows) {
    console.log(`| ${r.build} | ${r.wallS.toFixed(2)} | ${r.cpuS.toFixed(2)} | ${r.maxRssMB.toFixed(0)} / ${r.treeRssMB.toFixed(0)} | ${r.pages} | ${r.photoFiles} | ${r.load.toFixed(1)} |`);
  }
  if (values.json) writeFileSync(resolve(values.json), JSON.stringify({ bulletins: n, photos: n * perBulletin, width, photoBytes, cache: cacheSize, rows }, null, 2));
  if (!values.keep) rmSync(work, { recursive: true, force: true });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
