// A QR code of a page's own address, as inline SVG made at build time, so a reader at a desk can open the article on
// a phone (or share it in WeChat) by scanning the screen or a printout. The `qrcode` library does the encoding; the
// drawing is one path of unit squares, so the SVG is small, crisp at any size and the same bytes every build.
import QRCode from 'qrcode';
import { escapeHtml } from './escape.js';

/** Medium error correction: survives a smudged printout without making the code much denser. */
const ERROR_CORRECTION = 'M';
/** The four-module quiet zone the QR standard asks for, so readers find the code on a busy page. */
const QUIET_ZONE = 4;

export function qrCodeSvg(text: string, label: string): string {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: ERROR_CORRECTION });
  const size = modules.size;
  const runs: string[] = [];
  for (let row = 0; row < size; row++) {
    let col = 0;
    while (col < size) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < size && modules.get(row, col)) col++;
      runs.push(`M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${col - start}v1h-${col - start}z`);
    }
  }
  const box = size + 2 * QUIET_ZONE;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${box} ${box}" role="img" aria-label="${escapeHtml(label)}" shape-rendering="crispEdges">` +
    `<rect width="${box}" height="${box}" fill="#fff"/><path fill="#000" d="${runs.join('')}"/></svg>`
  );
}

