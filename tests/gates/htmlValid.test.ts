// Gate: every built page is valid HTML under the project's html-validate rules (.htmlvalidate.json).
import { describe, expect, it } from 'vitest';
import { htmlFilesIn, sitesToCheck } from '../support/site.js';
import { htmlErrors } from '../support/validate.js';

describe('built pages are valid HTML', () => {
  it('the project rules reject a page with mis-nested tags and a duplicate id (so the gate can fail)', async () => {
    const errors = await htmlErrors('tests/gates/fixtures/invalid-page');
    expect(errors.join('\n')).toMatch(/\[close-order\]/);
    expect(errors.join('\n')).toMatch(/\[no-dup-id\]/);
  });

  it.each(sitesToCheck())('every page of the $name build passes html-validate with zero errors', async ({ dir }) => {
    expect(htmlFilesIn(dir).length).toBeGreaterThan(0);
    expect(await htmlErrors(dir)).toEqual([]);
  });
});
