// Templates are TypeScript modules (`*.11ty.ts`) run by Eleventy's JavaScript engine; tsx, which runs every entry
// point, compiles them on import.
export default function typescriptTemplates(eleventyConfig: any): void {
  eleventyConfig.addExtension(['11ty.ts'], { key: '11ty.js' });
  eleventyConfig.addTemplateFormats('11ty.ts');
}
