// Stage `decode` (see STAGES in index.ts): bytes → text. UTF-8 (with or without BOM) first, then GB18030; binary and empty files are errors.
import { BulletinError } from '../errors.js';
import type { Stage } from './state.js';

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'gb18030';
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];
// NUL, or more than 1% C0 controls other than tab, LF, CR and form feed, means this is not a text export.
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
    text = UTF8.decode(body);
    encoding = 'utf-8';
  } catch {
    try {
      text = GB18030.decode(body);
      encoding = 'gb18030';
      if (looksLikeBig5(body)) {
        throw new BulletinError(file, 1, 'text looks like Big5 (traditional Chinese), which would read as garbage here; save it as UTF-8');
      }
    } catch (cause) {
      if (cause instanceof BulletinError) throw cause;
      const line = lineOfFirstInvalidUtf8(body);
      throw new BulletinError(file, line, 'text is neither valid UTF-8 nor GB18030; save it as UTF-8', { cause });
    }
  }
  if (text.trim() === '') throw new BulletinError(file, 1, 'file holds only white space; a bulletin needs its text');
  return { text, encoding };
}

const CONTROL_BYTES_RE = /[\x01-\x08\x0B\x0E-\x1F]/g;
const UTF8 = new TextDecoder('utf-8', { fatal: true });
const GB18030 = new TextDecoder('gb18030', { fatal: true });

function looksBinary(bytes: Uint8Array): boolean {
  const sample = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, BINARY_SAMPLE_BYTES));
  if (sample.includes(0)) return true;
  const controls = sample.toString('latin1').match(CONTROL_BYTES_RE)?.length ?? 0;
  return controls * 100 > sample.length;
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

/**
 * Big5 bytes are mostly valid GB18030 too, and decode to nonsense. Simplified text in GBK keeps almost every
 * trail byte in 0xA1–0xFE (GB2312); Big5 puts about two in five of its trail bytes in 0x40–0x7E.
 */
const BIG5_LOW_TRAIL_SHARE = 0.2;

function looksLikeBig5(bytes: Uint8Array): boolean {
  let pairs = 0;
  let lowTrail = 0;
  for (let i = 0; i < bytes.length - 1; i++) {
    const lead = bytes[i]!;
    if (lead < 0x81) continue;
    const trail = bytes[i + 1]!;
    if (trail >= 0x30 && trail <= 0x39) {
      i += 3; // GB18030 four-byte sequence
      continue;
    }
    pairs++;
    if (trail >= 0x40 && trail <= 0x7e) lowTrail++;
    i++;
  }
  return pairs >= 10 && lowTrail / pairs > BIG5_LOW_TRAIL_SHARE;
}

const LINE_ENDING_RE = /\r\n?/g;

export const decodeStage: Stage = (state) => {
  const decoded =
    typeof state.input === 'string' ? { text: state.input.replace(/^\uFEFF/, ''), encoding: 'utf-8' as const } : decodeBulletin(state.input, state.file);
  state.text = decoded.text.replace(LINE_ENDING_RE, '\n');
  state.encoding = decoded.encoding;
};
