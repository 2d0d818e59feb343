// Gate: nothing lost. Every Chinese character, letter and digit of every bulletin reappears in the text of the
// built pages, read back from the HTML with a real parser. Each bulletin is compared with its own pages (its issue
// page and the record pages it lists), character by character and count by count, front matter excepted.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bulletinBody, countCharacters, missingCharacters, pagesOfBulletin, pagesText } from '../support/characters.js';
import { attr, elements } from '../support/html.js';
import { builtSite, readPages, SEED_CONTENT, type BuiltPage } from '../support/site.js';

const BULLETIN_DIR = join(SEED_CONTENT, 'bulletins');
const bulletins = readdirSync(BULLETIN_DIR).filter((name) => name.endsWith('.txt')).sort();

const linksOf = (page: BuiltPage) =>
  elements(page.document)
    .filter((element) => element.tagName === 'a')
    .map((element) => attr(element, 'href'))
    .filter((href): href is string => href !== undefined);

describe('every character of every bulletin reaches the site', () => {
  const site = builtSite('site');
  const pages = readPages(site.dir);

  it.each(bulletins)('%s: its issue page and article pages hold all its letters, digits and Chinese characters', (name) => {
    const source = bulletinBody(readFileSync(join(BULLETIN_DIR, name), 'utf8'));
    const ownPages = pagesOfBulletin(pages, name, site.prefix, linksOf);
    expect(ownPages.length, 'the issue page plus at least one record page').toBeGreaterThan(1);
    expect(countCharacters(source).size).toBeGreaterThan(0);
    expect(missingCharacters(source, pagesText(ownPages))).toEqual([]);
  });
});
