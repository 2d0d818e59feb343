// Stage 1: bytes → text. UTF-8 (with or without BOM) first, then GB18030; binary and empty files are errors.
import { BulletinError } from '../errors.js';

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'gb18030';
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];
// C0 controls other than tab, LF, CR and form feed never occur in a text export; a few mean binary.
const BINARY_SAMPLE_BYTES = 8192;

export function decodeBulletin(bytes: Uint8Array, file: string): DecodedText {
  if (bytes.length === 0) throw new BulletinError(file, 1, 'file is empty; a bulletin needs its text');
  if (looksBinary(bytes)) {
    throw new BulletinError(file, 1, 'file looks binary (NUL or control bytes), not bulletin text; export it as plain text');
  }
  const hasBom = UTF8_BOM.every((byte, i) => bytes[i] === byte);
  const body = hasBom ? bytes.subarray(3) : bytes;
  let text: string;
  let encoding: DecodedText['encoding'];
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    encoding = 'utf-8';
  } catch {
    try {
      text = new TextDecoder('gb18030', { fatal: true }).decode(body);
      encoding = 'gb18030';
    } catch (cause) {
      const line = lineOfFirstInvalidUtf8(body);
      throw new BulletinError(file, line, 'text is neither valid UTF-8 nor GB18030; save it as UTF-8', { cause });
    }
  }
  if (text.trim() === '') throw new BulletinError(file, 1, 'file holds only white space; a bulletin needs its text');
  return { text, encoding };
}

function looksBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, BINARY_SAMPLE_BYTES);
  let controls = 0;
  for (let i = 0; i < end; i++) {
    const byte = bytes[i]!;
    if (byte === 0) return true;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) controls++;
  }
  return controls > 0 && controls * 100 > end;
}

/** Best effort: where the UTF-8 decoding first broke, so the editor knows where to look. */
function lineOfFirstInvalidUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: false });
  const text = decoder.decode(bytes);
  const at = text.indexOf('\uFFFD');
  if (at < 0) return 1;
  let line = 1;
  for (let i = 0; i < at; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
