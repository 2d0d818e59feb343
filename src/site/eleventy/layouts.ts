// `layout: base` in any page's front matter wraps it in the site's shell (see templates/_layouts/base.11ty.ts).
export default function layouts(eleventyConfig: any): void {
  eleventyConfig.addLayoutAlias('base', 'base.11ty.ts');
}
