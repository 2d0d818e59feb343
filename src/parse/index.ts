// TEMPORARY stub: the real staged parser replaces this; the exported signature is the contract.
import { createHash } from 'node:crypto';
import { decodeBulletin } from './decode.js';
import { splitFrontMatter } from './frontMatter.js';
import { resolveIssueDate } from './issueDate.js';
import type { ArticleRecord, ParsedBulletin } from '../types.js';

export function parseBulletin(input: Uint8Array | string, file: string): ParsedBulletin {
  const decoded = typeof input === 'string' ? { text: input, encoding: 'utf-8' as const } : decodeBulletin(input, file);
  const text = decoded.text.replace(/\r\n?/g, '\n');
  const split = splitFrontMatter(text, file);
  const issue = resolveIssueDate(file, split.frontMatter.date);
  const blocks = split.body.split(/\n\s*\n/).map((b) => b.trim()).filter(Boolean);
  const records: ArticleRecord[] = [];
  for (let i = 0; i + 1 < blocks.length; i += 4) {
    const title = blocks[i]!.replace(/^#+\s*/, '');
    records.push({
      id: createHash('sha1').update(issue.issue + title).digest('hex').slice(0, 8),
      issue: issue.issue, kind: 'article', title, kicker: null, subtitle: null, column: i === 4 ? '渝工之家' : null, byline: null,
      date: issue.issueDate, dateApprox: true, dateText: null, dateEnd: null,
      dateOrigin: { year: 'issue', month: 'issue', day: 'issue' },
      body: blocks.slice(i + 1, i + 4).join('\n\n'), captions: [],
      source: { file, startLine: 1, endLine: 2 }, order: records.length,
    });
  }
  return {
    meta: { file, issue: issue.issue, issueDate: issue.issueDate, issueDayKnown: issue.issueDayKnown, issueDateFrom: issue.from,
      slug: issue.slug, title: split.frontMatter.title, number: split.frontMatter.number, encoding: decoded.encoding, text },
    records, columnLabels: [], warnings: [],
  };
}
