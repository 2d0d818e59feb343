// Bytes in: encodings, line endings, issue dates, front matter, and bad files that must fail with file and line.
import { describe, expect, it } from 'vitest';
import { decodeBulletin } from '../../src/parse/decode.js';
import { parseBulletin } from '../../src/parse/index.js';
import { errorOf } from '../support/errors.js';

const SAMPLE = '市总工会召开会议\n\n11月2日，重庆市总工会召开六届二次常委（扩大）会议。\n';
const utf8 = (text: string) => new TextEncoder().encode(text);

function gb18030(text: string): Uint8Array {
  // Node can decode GB18030 but not encode it; build the bytes from the decoder's own table.
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gb18030');
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
    else bytes.push(...table.get(ch)!);
  }
  return new Uint8Array(bytes);
}


describe('encodings and line endings give the same records', () => {
  const reference = parseBulletin(utf8(SAMPLE), '2023-11.txt').records;
  it.each([
    ['UTF-8 with a BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(SAMPLE)])],
    ['GB18030', gb18030(SAMPLE)],
    ['CRLF line endings', utf8(SAMPLE.replace(/\n/g, '\r\n'))],
    ['CR line endings', utf8(SAMPLE.replace(/\n/g, '\r'))],
  ])('%s', (_name, bytes) => {
    expect(parseBulletin(bytes, '2023-11.txt').records).toEqual(reference);
  });

  it('says which encoding it read', () => {
    expect(decodeBulletin(gb18030(SAMPLE), 'x.txt').encoding).toBe('gb18030');
    expect(decodeBulletin(utf8(SAMPLE), 'x.txt').encoding).toBe('utf-8');
  });
});

describe('bad files fail with the file, the line and the cause', () => {
  it.each([
    ['an empty file', new Uint8Array(), /empty/],
    ['a file of white space', utf8('\n \n\t\n'), /white space/],
    ['a binary file', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), /binary/],
    ['undecodable bytes', new Uint8Array([...utf8('第一行\n第二行\n'), 0xff, 0xff, 0xff, 0x41]), /neither valid UTF-8 nor GB18030/],
  ])('%s', (_name, bytes, message) => {
    const error = errorOf(() => parseBulletin(bytes, 'content/bulletins/2024-01-05.txt'));
    expect(error.file).toBe('content/bulletins/2024-01-05.txt');
    expect(error.line).toBeGreaterThanOrEqual(1);
    expect(error.message).toMatch(message);
    expect(String(error)).toMatch(/^content\/bulletins\/2024-01-05\.txt:\d+:\d+: /);
  });

  it('refuses Big5, which would decode as nonsense GB18030', () => {
    // 重慶市總工會召開會議 in Big5
    const big5 = new Uint8Array([0xad, 0xab, 0xbc, 0x79, 0xa5, 0xab, 0xc1, 0x60, 0xa4, 0x75, 0xb7, 0x7c, 0xa5, 0x6c, 0xb6, 0x7d, 0xb7, 0x7c, 0xc4, 0xb3, 0x0a]);
    const text = new Uint8Array([...big5, ...big5, ...big5]);
    expect(new TextDecoder('big5').decode(big5)).toBe('重慶市總工會召開會議\n');
    expect(errorOf(() => parseBulletin(text, '2024-01.txt')).message).toMatch(/looks like Big5/);
  });

  it('refuses front matter with no text after it', () => {
    const error = errorOf(() => parseBulletin(utf8('---\ndate: 2024-01-05\n---\n\n'), 'x.txt'));
    expect([error.line, error.message]).toEqual([4, 'the bulletin has front matter but no text after it']);
  });

  it('names the line where undecodable bytes start', () => {
    expect(errorOf(() => parseBulletin(new Uint8Array([...utf8('第一行\n第二行\n'), 0xff, 0xff, 0xff, 0x41]), '2024-01.txt')).line).toBe(3);
  });
});

describe('the issue date', () => {
  it.each([
    ['2023-11.txt', { issue: '2023-11', issueDate: '2023-11-01', issueDayKnown: false, slug: null }],
    ['2024-01-05.txt', { issue: '2024-01-05', issueDate: '2024-01-05', issueDayKnown: true, slug: null }],
    ['2023-12-year-end.txt', { issue: '2023-12', slug: 'year-end' }],
    ['2024-01-05-special.txt', { issue: '2024-01-05', slug: 'special' }],
  ])('comes from the file name %s', (name, want) => {
    expect(parseBulletin(SAMPLE, name).meta).toMatchObject({ ...want, issueDateFrom: 'file-name' });
  });

  it('comes from front matter first, which also gives the title and number', () => {
    const parsed = parseBulletin(`---\ndate: 2024-01-05\ntitle: 第1期\nnumber: 1\n---\n${SAMPLE}`, 'bulletin.txt');
    expect(parsed.meta).toMatchObject({ issue: '2024-01-05', issueDateFrom: 'front-matter', title: '第1期', number: '1' });
    expect(parsed.records[0]!.source.startLine).toBe(6);
  });

  it.each([
    ['bulletin.txt', '', /no issue date: name it by its issue date/],
    ['2023-13.txt', '', /not a calendar date/],
    ['2024-02-30.txt', '', /not a calendar date/],
    ['x.txt', '---\ndate: soon\n---\n', /front matter date `soon`/],
    ['x.txt', '---\ndate: [\n---\n', /not valid YAML/],
    ['x.txt', '---\nauthor: 某人\n---\n', /unknown front matter key `author`/],
    ['x.txt', '---\ndate: 2024-01-05\n', /never closed/],
  ])('fails clearly for %s %j', (name, prefix, message) => {
    expect(() => parseBulletin(`${prefix}${SAMPLE}`, name)).toThrow(message);
  });
});
