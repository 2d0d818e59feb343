// html-validate over a built site, always with the project's rules from .htmlvalidate.json. The config is loaded
// explicitly: html-validate otherwise looks for it next to each file, and a site built outside the repository
// would be checked against no rules at all and pass.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate, type ConfigData } from 'html-validate';
import { htmlFilesIn } from './site.js';

const PROJECT_RULES = JSON.parse(readFileSync('.htmlvalidate.json', 'utf8')) as ConfigData;

/** Validates every page under `siteDir`; returns one `file:line:col: message [rule]` per error. */
export async function htmlErrors(siteDir: string): Promise<string[]> {
  const validator = new HtmlValidate({ ...PROJECT_RULES, root: true });
  const errors: string[] = [];
  for (const file of htmlFilesIn(siteDir)) {
    const report = await validator.validateFile(join(siteDir, file));
    for (const result of report.results) {
      for (const message of result.messages) {
        if (message.severity >= 2) errors.push(`${result.filePath}:${message.line}:${message.column}: ${message.message} [${message.ruleId}]`);
      }
    }
  }
  return errors;
}
