// html-validate over a built site, with the project's rules from .htmlvalidate.json.
import { join } from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { htmlFilesIn } from './site.js';

/** Validates every page under `siteDir`; returns one `file:line:col: message [rule]` per error. */
export async function htmlErrors(siteDir: string): Promise<string[]> {
  const validator = new HtmlValidate(new FileSystemConfigLoader());
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
