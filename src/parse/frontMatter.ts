// Stage 2: optional YAML front matter (`date`, `title`, `number`) that overrides what the file name says.
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
  return {
    frontMatter: { date: scalar(map.date), title: scalar(map.title), number: scalar(map.number) },
    body: lines.slice(close + 1).join('\n'),
    bodyLineOffset: close + 1,
  };
}

function scalar(value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  // YAML reads `date: 2024-01-05` as a timestamp; keep the calendar date exactly as written.
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).trim();
}

export const frontMatterStage: Stage = (state) => {
  const { frontMatter, body, bodyLineOffset } = splitFrontMatter(state.text, state.file);
  state.frontMatter = frontMatter;
  state.body = body;
  state.bodyLineOffset = bodyLineOffset;
};
