// A deterministic synthetic archive in the house style of the real bulletins, for benchmarks and scale tests.
// Every sentence comes from the seed bulletins in content/bulletins; the generator only recombines them and
// re-applies the artifacts the real exports carry, so the parser and the search index see realistic text.
//
//   tsx bench/generate.ts --bulletins 1000 --out bench/.work/archive [--seed 42]
//
// Bulletin i depends only on (seed, i), so an archive of 1,000 is the first 1,000 of an archive of 5,000.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export const DEFAULT_SEED_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../content/bulletins');
const ARCHIVE_YEARS = 20;
const ARCHIVE_END = Date.UTC(2025, 11, 31);
const DAY_MS = 86_400_000;

/** Column labels of the house style; 一周动态 always heads the ◆ briefs. */
export const COLUMN_LABELS = ['渝工之家', '渝工港湾', '渝工铸魂', '渝工建功', '渝工强基', '渝工关爱', '渝工安康', '蹲点日记', '基层党建扎桩'];
export const BRIEFS_LABEL = '一周动态';
const DISTRICTS = [
  '渝中区', '江北区', '沙坪坝区', '九龙坡区', '南岸区', '北碚区', '渝北区', '巴南区', '万州区', '涪陵区', '黔江区', '长寿区',
  '江津区', '合川区', '永川区', '南川区', '綦江区', '大足区', '璧山区', '铜梁区', '潼南区', '荣昌区', '开州区', '梁平区',
  '武隆区', '城口县', '丰都县', '垫江县', '忠县', '云阳县', '奉节县', '巫山县', '巫溪县', '石柱县', '秀山县', '酉阳县', '彭水县',
];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何罗高林谭曾彭冉向袁蒋';
const GIVEN = '娅颖飞永渝茜福友华明敏静磊洋勇军丽芳强伟杰涛婷雪梅兰松林峰';

export interface SeedMaterial {
  /** Whole sentences from article paragraphs, normalised to full-width punctuation and without stray spaces. */
  sentences: string[];
  /** Sentences that open an article, with their date or 近日 prefix removed. */
  ledes: string[];
  /** Short lines that serve as kickers, titles, subtitles and captions. */
  headlines: string[];
  /** ◆ briefs with their date prefix removed. */
  briefs: string[];
}

export interface GeneratedBulletin {
  /** `YYYY-MM-DD.txt` (with a `-dN` slug only when more bulletins than days are asked for). */
  name: string;
  text: string;
  /** How many articles and briefs the generator wrote, for sanity checks against the parser. */
  articles: number;
  briefs: number;
}

export interface ArchiveOptions {
  bulletins: number;
  seed?: number;
  seedDir?: string;
}

export interface ArchiveSummary {
  dir: string;
  files: number;
  bytes: number;
  articles: number;
  briefs: number;
}

/** mulberry32: tiny, fast and good enough to make text; never Math.random, so runs are repeatable. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function readSeedMaterial(seedDir = DEFAULT_SEED_DIR): SeedMaterial {
  const texts = readdirSync(seedDir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => readFileSync(join(seedDir, name), 'utf8'));
  const material: SeedMaterial = { sentences: [], ledes: [], headlines: [], briefs: [] };
  for (const text of texts) {
    for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
      // Headlines keep their spaces: a space between two halves of a title is how the layout marks the break.
      const trimmed = toFullWidth(raw.replace(/^\s*(#+\s*|\|\|)/, '').trim());
      const line = isHeadline(trimmed) ? trimmed : removeStraySpaces(trimmed);
      if (line === '' || COLUMN_LABELS.includes(line) || line === BRIEFS_LABEL) continue;
      if (line.startsWith('◆')) {
        material.briefs.push(stripLeadingDate(line.slice(1)));
      } else if (isHeadline(line)) {
        material.headlines.push(line);
      } else {
        for (const sentence of splitSentences(line)) {
          const undated = stripLeadingDate(sentence);
          if (undated !== sentence && undated.length > 20) material.ledes.push(undated);
          else if (sentence.length >= 12) material.sentences.push(sentence);
        }
      }
    }
  }
  material.headlines = [...new Set(material.headlines)];
  if (material.sentences.length < 20 || material.ledes.length < 3 || material.headlines.length < 12 || material.briefs.length < 3) {
    throw new Error(`seed bulletins in ${seedDir} are too few to generate from (${JSON.stringify(counts(material))})`);
  }
  return material;
}

function counts(m: SeedMaterial) {
  return { sentences: m.sentences.length, ledes: m.ledes.length, headlines: m.headlines.length, briefs: m.briefs.length };
}

/** Issue dates spread evenly over 20 years ending 2025-12-31: weekly at about 1,040 bulletins. */
export function issueDates(count: number): string[] {
  const start = ARCHIVE_END - ARCHIVE_YEARS * 365.25 * DAY_MS;
  const span = ARCHIVE_END - start;
  const names: string[] = [];
  const perDay = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const day = new Date(start + Math.floor((i * span) / count / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
    const n = (perDay.get(day) ?? 0) + 1;
    perDay.set(day, n);
    // District unions publish on the same day as the federation once the archive is denser than daily.
    names.push(n === 1 ? day : `${day}-d${n}`);
  }
  return names;
}

export function generateBulletin(index: number, issue: string, material: SeedMaterial, seed = 42): GeneratedBulletin {
  const rng = mulberry32(mix(seed, index));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
  const chance = (p: number) => rng() < p;
  const issueDay = new Date(`${issue.slice(0, 10)}T00:00:00Z`);
  const year = issueDay.getUTCFullYear();
  // Each export carries its own quirks, as the real ones do: one tool's half-width punctuation, another's Markdown.
  const style = {
    halfWidth: chance(0.5),
    markdown: chance(0.25),
    straySpaces: chance(0.35),
    brokenParagraphs: chance(0.5),
  };
  const usedHeadlines = new Set<string>();
  const freshHeadline = () => {
    for (let tries = 0; tries < 50; tries++) {
      const h = pick(material.headlines);
      if (!usedHeadlines.has(h)) {
        usedHeadlines.add(h);
        return h;
      }
    }
    // A small seed set runs out of distinct titles; a district prefix keeps titles unique within the issue.
    let h: string;
    do h = `${pick(DISTRICTS)}${pick(material.headlines)}`;
    while (usedHeadlines.has(h));
    usedHeadlines.add(h);
    return h;
  };
  const localise = (s: string) => s
    .replace(/20\d\d(?=年)/g, () => String(chance(0.8) ? year : year - 1))
    .replace(/(?<![\d.])\d{2,4}(?![\d年月日]|周年)/g, (digits) => String(Math.floor(10 ** (digits.length - 1) * (1 + rng() * 9))))
    .replace(new RegExp(DISTRICTS.join('|'), 'g'), () => pick(DISTRICTS));
  const dateText = (maxDaysBefore: number) => {
    if (chance(0.3)) return pick(['近日', '日前', '近日', '连日来']);
    const day = new Date(issueDay.getTime() - Math.floor(rng() * maxDaysBefore) * DAY_MS);
    const text = `${day.getUTCMonth() + 1}月${day.getUTCDate()}日`;
    if (chance(0.06)) {
      const end = new Date(day.getTime() + DAY_MS);
      return end.getUTCMonth() === day.getUTCMonth() ? `${text}至${end.getUTCDate()}日` : text;
    }
    return text;
  };
  const mark = (level: number, line: string) => (style.markdown ? `${'#'.repeat(level)} ${line}` : line);

  const out: string[] = ['', '', '', ''];
  const articleCount = 5 + Math.floor(rng() * 4);
  let column: string | null = null;
  for (let a = 0; a < articleCount; a++) {
    if (a > 0 && chance(0.45)) {
      const next = pick(COLUMN_LABELS);
      if (next !== column) {
        column = next;
        out.push(mark(3, column), '');
      }
    }
    if (chance(0.4)) out.push(mark(style.markdown && column ? 4 : 1, freshHeadline()), '');
    out.push(mark(2, freshHeadline()), '');
    if (chance(0.15)) out.push(freshHeadline(), '');

    const paragraphs: string[] = [`${dateText(14)}${FW.comma}${localise(pick(material.ledes))}`];
    const paragraphCount = 2 + Math.floor(rng() * 4);
    for (let p = 0; p < paragraphCount; p++) {
      const sentences = 2 + Math.floor(rng() * 3);
      paragraphs.push(Array.from({ length: sentences }, () => localise(pick(material.sentences))).join(''));
    }
    for (const paragraph of paragraphs) {
      if (style.brokenParagraphs && paragraph.length > 60 && chance(0.25)) {
        // Page layout broke the paragraph mid-sentence; the export shows it as two paragraphs.
        const at = 20 + Math.floor(rng() * (paragraph.length - 40));
        out.push(paragraph.slice(0, at), '', paragraph.slice(at), '');
      } else out.push(paragraph, '');
    }
    if (chance(0.3)) out.push('', '', freshHeadline(), '', '', '');
    if (chance(0.12)) out.push(`扫码查看${pick(['详细名单', '蹲点视频', '活动视频', '完整报道', '报名方式'])}`, '');
    if (chance(0.12)) out.push(`通讯员 ${pick([...SURNAMES])}${pick([...GIVEN])}`, '');
  }

  const briefCount = 2 + Math.floor(rng() * 5);
  out.push(mark(3, BRIEFS_LABEL), '');
  for (let b = 0; b < briefCount; b++) out.push(`◆${dateText(10)}${FW.comma}${localise(pick(material.briefs))}`, '');
  if (chance(0.3)) out.push('', '', '', `图为${freshHeadline()}`, '');

  let text = out.join('\n');
  if (style.straySpaces) text = insertStraySpaces(text, rng);
  if (style.halfWidth) text = toHalfWidth(text);
  return { name: `${issue}.txt`, text, articles: articleCount, briefs: briefCount };
}

export function* generateArchive(options: ArchiveOptions): Generator<GeneratedBulletin> {
  const material = readSeedMaterial(options.seedDir);
  const issues = issueDates(options.bulletins);
  for (let i = 0; i < issues.length; i++) yield generateBulletin(i, issues[i]!, material, options.seed);
}

/** Writes `<contentDir>/bulletins/*.txt`, replacing whatever was there. */
export function writeArchive(contentDir: string, options: ArchiveOptions): ArchiveSummary {
  const dir = join(contentDir, 'bulletins');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const summary: ArchiveSummary = { dir, files: 0, bytes: 0, articles: 0, briefs: 0 };
  for (const bulletin of generateArchive(options)) {
    const bytes = Buffer.from(bulletin.text, 'utf8');
    writeFileSync(join(dir, bulletin.name), bytes);
    summary.files++;
    summary.bytes += bytes.length;
    summary.articles += bulletin.articles;
    summary.briefs += bulletin.briefs;
  }
  return summary;
}

function mix(seed: number, index: number): number {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const CJK = '\\u3400-\\u9fff';
const CJK_PUNCT = '“”、。\\uff0c\\uff1b\\uff1a\\uff08\\uff09';
// Full-width punctuation is written as escapes so that no editor or tool can silently narrow it.
const FW = { comma: '\uff0c', lparen: '\uff08', rparen: '\uff09', semicolon: '\uff1b', colon: '\uff1a', bang: '\uff01', query: '\uff1f' };
const SENTENCE_END = /[。;!?\uff1b\uff01\uff1f]$/;

function isHeadline(line: string): boolean {
  // Two or more commas or enumeration marks mean a paragraph fragment that the layout cut short, not a title.
  const clauses = line.split(/[\uff0c,、]/).length - 1;
  return line.length <= 40 && clauses < 2 && !SENTENCE_END.test(line) && !/[,\uff0c、:\uff1a]$/.test(line) && !/^(通讯员|扫码|图为)/.test(line)
    && stripLeadingDate(line) === line;
}

function splitSentences(line: string): string[] {
  // A closing quote after the full stop belongs to the sentence; sentences cut inside a quotation are dropped.
  return (line.match(/[^。;!?\uff1b\uff01\uff1f]+[。;!?\uff1b\uff01\uff1f]”?/g) ?? [])
    .map((s) => s.trim())
    .filter((s) => /[。;!?\uff1b\uff01\uff1f]”?$/.test(s) && count(s, '“') === count(s, '”') && !s.startsWith('”'));
}

function count(s: string, ch: string): number {
  return s.split(ch).length - 1;
}

const LEADING_DATE = /^(\d{1,2}月\d{1,2}日(至\d{1,2}日)?(晚|上午|下午)?|\d{4}年\d{1,2}月\d{1,2}日|近日|日前|连日来|近年来)[,\uff0c]\s*/;
function stripLeadingDate(s: string): string {
  return s.replace(LEADING_DATE, '');
}

function removeStraySpaces(s: string): string {
  return s.replace(new RegExp(`(?<=[${CJK}${CJK_PUNCT}])\\s+(?=[${CJK}${CJK_PUNCT}])`, 'g'), '');
}

function toFullWidth(s: string): string {
  let open = true;
  return s
    .replace(/,/g, FW.comma)
    .replace(/\(/g, FW.lparen)
    .replace(/\)/g, FW.rparen)
    .replace(/;/g, FW.semicolon)
    .replace(/"/g, () => ((open = !open) ? '”' : '“'));
}

function toHalfWidth(s: string): string {
  return s.replace(/\uff0c/g, ',').replace(/\uff08/g, '(').replace(/\uff09/g, ')').replace(/[“”]/g, '"');
}

/** Typesetting leaves spaces between Chinese characters, in headlines as well as in body text. */
function insertStraySpaces(text: string, rng: () => number): string {
  return text.replace(new RegExp(`([${CJK}])(?=[${CJK}])`, 'g'), (ch) => (rng() < 0.004 ? `${ch} ` : ch));
}

function readArgs(): { bulletins: number; out: string; seed: number } {
  const { values } = parseArgs({
    options: {
      bulletins: { type: 'string', default: '100' },
      out: { type: 'string', default: 'bench/.work/archive' },
      seed: { type: 'string', default: '42' },
    },
  });
  const bulletins = Number(values.bulletins);
  if (!Number.isInteger(bulletins) || bulletins < 1) throw new Error('--bulletins must be a positive integer');
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');
  return { bulletins, out: values.out, seed };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = readArgs();
  const summary = writeArchive(args.out, { bulletins: args.bulletins, seed: args.seed });
  console.log(
    `wrote ${summary.files} bulletins (${(summary.bytes / 1e6).toFixed(1)} MB, ${summary.articles} articles, ${summary.briefs} briefs) to ${summary.dir}`,
  );
}
