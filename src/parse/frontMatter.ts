// Stage `front-matter` (see STAGES in index.ts): optional YAML front matter (`date`, `title`, `number`) that overrides what the file name says.
import { parse as parseYaml } from 'yaml';
import { BulletinError } from '../errors.js';
import type { Stage } from './state.js';

export interface FrontMatter {
  date: string | null;
  title: string | null;
  number: string | null;
}

export interface SplitText {
  frontMatter: FrontMatter;
  /** Text after the front matter. */
  body: string;
  /** How many lines the front matter took, so line numbers still point into the file. */
  bodyLineOffset: number;
}

const FENCE_RE = /^---[ \t]*$/;
const KNOWN_KEYS = new Set(['date', 'title', 'number']);

export function splitFrontMatter(text: string, file: string): SplitText {
  const empty: FrontMatter = { date: null, title: null, number: null };
  if (!text.startsWith('---')) return { frontMatter: empty, body: text, bodyLineOffset: 0 };
  const lines = text.split('\n');
  if (!FENCE_RE.test(lines[0]!)) return { frontMatter: empty, body: text, bodyLineOffset: 0 };
  const close = lines.findIndex((line, i) => i > 0 && FENCE_RE.test(line));
  if (close < 0) throw new BulletinError(file, 1, 'front matter opened with `---` is never closed by another `---` line');
  let data: unknown;
  try {
    data = parseYaml(lines.slice(1, close).join('\n'));
  } catch (cause) {
    const linePos = (cause as { linePos?: { line: number }[] }).linePos?.[0]?.line ?? 0;
    throw new BulletinError(file, 1 + linePos, `front matter is not valid YAML: ${(cause as Error).message.split('\n')[0]}`, { cause });
  }
  if (data !== null && (typeof data !== 'object' || Array.isArray(data))) {
    throw new BulletinError(file, 2, 'front matter must be a YAML mapping such as `date: 2024-01-05`');
  }
  const map = (data ?? {}) as Record<string, unknown>;
  for (const key of Object.keys(map)) {
    if (!KNOWN_KEYS.has(key)) {
      const line = 2 + lines.slice(1, close).findIndex((l) => l.startsWith(`${key}:`));
      throw new BulletinError(file, line, `unknown front matter key \`${key}\`; use date, title or number`);
    }
  }
  const lineOf = (key: string) => 2 + Math.max(0, lines.slice(1, close).findIndex((l) => l.startsWith(`${key}:`)));
  const value = (key: keyof FrontMatter) => {
    try {
      return scalar(map[key], key);
    } catch (message) {
      throw new BulletinError(file, lineOf(key), String(message));
    }
  };
  return {
    frontMatter: { date: value('date'), title: value('title'), number: value('number') },
    body: lines.slice(close + 1).join('\n'),
    bodyLineOffset: close + 1,
  };
}

/** A front matter title is a headline on every page of the issue: one line of reasonable length. */
const TITLE_MAX_CHARS = 60;
/** C0 controls, DEL, and the bidirectional controls that would reorder a title on screen. */
const UNPRINTABLE_RE = /[\u0000-\u001F\u007F\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

/** One value of a key: a string, a number or a date, never a list or a mapping; the message names what to write. */
function scalar(value: unknown, key: keyof FrontMatter): string | null {
  if (value === undefined || value === null) return null;
  // YAML reads `date: 2024-01-05` as a timestamp; keep the calendar date exactly as written.
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== 'string' && typeof value !== 'number') {
    throw `front matter \`${key}\` must be a single value such as \`${EXAMPLES[key]}\`, not ${Array.isArray(value) ? 'a list' : `a ${typeof value === 'object' ? 'mapping' : typeof value}`}`;
  }
  const text = String(value).trim();
  if (UNPRINTABLE_RE.test(text)) throw `front matter \`${key}\` holds control or text-direction characters; retype it`;
  if (text === '') {
    if (key === 'title') throw 'front matter `title` is blank; give the issue a title or remove the line';
    return null;
  }
  if (key === 'title' && [...text].length > TITLE_MAX_CHARS) throw `front matter \`title\` is ${[...text].length} characters; keep it to ${TITLE_MAX_CHARS}`;
  if (key === 'number' && !/^[0-9]{1,6}$/u.test(text)) throw `front matter \`number\` must be the issue's number, such as \`12\``;
  return text;
}

const EXAMPLES: Record<keyof FrontMatter, string> = { date: 'date: 2024-01-05', title: 'title: 第1期', number: 'number: 1' };

export const frontMatterStage: Stage = (state) => {
  const { frontMatter, body, bodyLineOffset } = splitFrontMatter(state.text, state.file);
  state.frontMatter = frontMatter;
  state.body = body;
  state.bodyLineOffset = bodyLineOffset;
};
