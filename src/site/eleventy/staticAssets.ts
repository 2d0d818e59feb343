// Copies `templates/assets/` (the one stylesheet, and the search page's own files) to `/assets/`.
import { join, relative } from 'node:path';

export default function staticAssets(eleventyConfig: any, options: { templatesDir: string }): void {
  const from = relative(process.cwd(), join(options.templatesDir, 'assets')) || '.';
  eleventyConfig.addPassthroughCopy({ [from]: 'assets' });
}
