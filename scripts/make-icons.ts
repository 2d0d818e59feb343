// Draws the site's icons and its share image once, from SVG, with sharp. The PNGs are committed
// (templates/assets/icons/) rather than drawn in every build: drawing Chinese text needs a CJK font, which a
// machine that only builds the site need not have, and the same bytes every build keep the output reproducible.
// Run again only when the design changes: `npx tsx scripts/make-icons.ts` (needs fonts-noto-cjk).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';

const OUT = 'templates/assets/icons';
const ACCENT = '#a3201b';
const PAPER = '#fdfcf8';
const FONT = "'Noto Serif CJK SC', 'Noto Sans CJK SC', serif";

function iconSvg(size: number): string {
  // The mark is 工 (union) in white on the site's accent red, large enough to read at 32 px.
  const radius = Math.round(size * 0.18);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 100 100">
<rect width="100" height="100" rx="${(radius / size) * 100}" fill="${ACCENT}"/>
<text x="50" y="77" font-family="${FONT}" font-weight="700" font-size="74" fill="${PAPER}" text-anchor="middle">工</text>
</svg>`;
}

function shareSvg(): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630">
<rect width="1200" height="630" fill="${PAPER}"/>
<rect width="1200" height="24" fill="${ACCENT}"/>
<rect x="96" y="150" width="200" height="200" rx="36" fill="${ACCENT}"/>
<text x="196" y="305" font-family="${FONT}" font-weight="700" font-size="150" fill="${PAPER}" text-anchor="middle">工</text>
<text x="344" y="222" font-family="${FONT}" font-weight="700" font-size="84" fill="#1c1b19">重庆市总工会</text>
<text x="344" y="322" font-family="${FONT}" font-weight="700" font-size="64" fill="${ACCENT}">工作简报</text>
<text x="96" y="500" font-family="${FONT}" font-size="40" fill="#5b5852">每周工作简报 · 往期文章 · 全文搜索</text>
</svg>`;
}

async function png(svg: string, file: string, width: number, height = width): Promise<void> {
  const bytes = await sharp(Buffer.from(svg), { density: 300 }).resize(width, height).png({ compressionLevel: 9, palette: true }).toBuffer();
  writeFileSync(join(OUT, file), bytes);
  console.log(`${file}: ${width}×${height}, ${bytes.length} bytes`);
}

mkdirSync(OUT, { recursive: true });
await png(iconSvg(512), 'favicon-32.png', 32);
await png(iconSvg(512), 'apple-touch-icon.png', 180);
await png(iconSvg(512), 'icon-192.png', 192);
await png(iconSvg(512), 'icon-512.png', 512);
await png(shareSvg(), 'share.png', 1200, 630);
