// Bulletin text is data, never a template. Our own pages are TypeScript functions that never hand text to an engine;
// other page formats are limited to these, and `.eleventy.ts` turns off Liquid/Nunjucks preprocessing of Markdown and
// HTML (`markdownTemplateEngine: false`, `htmlTemplateEngine: false`; those exist only as returned config keys).
export default function textIsData(eleventyConfig: any): void {
  eleventyConfig.setTemplateFormats(['11ty.ts', '11ty.js', 'njk', 'md', 'html']);
}
