import { describe, expect, it } from 'vitest';
import QRCode from 'qrcode';
import { qrCodeSvg } from '../../src/site/qrCode.js';

// Reads the drawn SVG back into a module grid, to check the drawing against the library's own matrix.
function gridOf(svg: string): { box: number; dark: Set<string> } {
  const box = Number(/viewBox="0 0 (\d+) /.exec(svg)![1]);
  const dark = new Set<string>();
  for (const [, x, y, w] of svg.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    for (let i = 0; i < Number(w); i++) dark.add(`${Number(x) + i},${y}`);
  }
  return { box, dark };
}

describe('QR code of a page address', () => {
  const url = 'https://example.org/archive/2024/12/05/ab12cd34/';

  it('draws exactly the modules the qrcode library encodes, inside a four-module quiet zone', () => {
    const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
    const { box, dark } = gridOf(qrCodeSvg(url, '扫码'));
    expect(box).toBe(modules.size + 8);
    let expected = 0;
    for (let row = 0; row < modules.size; row++) {
      for (let col = 0; col < modules.size; col++) {
        if (modules.get(row, col)) {
          expected++;
          expect(dark.has(`${col + 4},${row + 4}`)).toBe(true);
        }
      }
    }
    expect(dark.size).toBe(expected);
  });

  it('is the same bytes every time, and escapes its label', () => {
    expect(qrCodeSvg(url, 'a')).toBe(qrCodeSvg(url, 'a'));
    const svg = qrCodeSvg(url, '"><script>');
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('aria-label="&quot;&gt;&lt;script&gt;"');
  });
});
