// Golden fixtures: tests/fixtures/bulletins/<issue>/input.txt beside what a person checked it must become.
// `articles.json` is the full expected output, reviewed record by record; `expected.json` was written by hand
// for a bulletin the parser had never seen. Never regenerate these blindly: a diff here is a behaviour change.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBulletin } from '../../src/parse/index.js';
import { markdownToPlainText } from '../../src/parse/markdown.js';
import { characterDifference } from '../../src/quality/invariant.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/bulletins');
const cases = readdirSync(FIXTURES).sort();

function parseFixture(name: string) {
  return parseBulletin(readFileSync(join(FIXTURES, name, 'input.txt')), `${name}.txt`);
}

describe('golden bulletins', () => {
  it('has the four seeds and one unseen bulletin', () => {
    expect(cases.length).toBeGreaterThanOrEqual(5);
  });

  for (const name of cases.filter((n) => existsSync(join(FIXTURES, n, 'articles.json')))) {
    it(`${name} parses into its reviewed records`, () => {
      const expected = JSON.parse(readFileSync(join(FIXTURES, name, 'articles.json'), 'utf8'));
      const parsed = parseFixture(name);
      expect(parsed.records).toEqual(expected.records);
      expect(parsed.columnLabels).toEqual(expected.columnLabels);
      expect(parsed.warnings).toEqual(expected.warnings);
    });
  }

  for (const name of cases.filter((n) => existsSync(join(FIXTURES, n, 'expected.json')))) {
    it(`${name} (never tuned for) meets its hand-written expectations`, () => {
      const expected = JSON.parse(readFileSync(join(FIXTURES, name, 'expected.json'), 'utf8'));
      const parsed = parseFixture(name);
      expect(parsed.records).toHaveLength(expected.records.length);
      expected.records.forEach((want: Record<string, unknown>, i: number) => {
        const got = parsed.records[i]!;
        const { paragraphs, ...fields } = want;
        expect(got).toMatchObject(fields);
        if (typeof paragraphs === 'number') {
          expect(got.body.split('\n\n').filter((p) => !p.startsWith('#'))).toHaveLength(paragraphs);
        }
      });
      const text = parsed.records.map((r) => markdownToPlainText(r.body)).join('\n');
      for (const phrase of expected.bodyContains) expect(text).toContain(phrase);
      expect(parsed.warnings.map((w) => w.code)).toEqual(expected.warnings);
    });
  }

  for (const name of cases) {
    it(`${name} loses and invents no letter or digit`, () => {
      expect(characterDifference(parseFixture(name))).toEqual({ lost: '', invented: '' });
    });
  }
});
