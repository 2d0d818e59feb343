// The site's base layout, for pages written as Eleventy templates (e.g. the search page). Use it with `layout: base`.
//
// Front-matter keys it reads (all optional):
//   title:       string    page title, shown before the site name in <title> (omit for the site name alone)
//   description: string    <meta name="description">
//   styles:      string[]  extra stylesheets, as site paths without the path prefix, e.g. ['/assets/search.css']
//   scripts:     string[]  extra ES module scripts (<script type="module" src>), e.g. ['/pagefind/pagefind-component-ui.js', '/assets/search.js']
//   navSection:  'home' | 'archive' | 'columns' | 'search'   marks the current header link
//
// The layout prefixes every path with the site's path prefix, so write them from the site root. Files under
// templates/assets/ are copied to /assets/. The page's own content goes inside <main>; start it with an <h1>.
// Inline <script>/<style> are blocked by the Content-Security-Policy: put code and CSS in files.
import { renderPage, type NavSection } from '../../src/site/layout.js';
import type { SiteModel } from '../../src/site/model.js';

interface LayoutData {
  siteModel: SiteModel;
  page: { url: string | false };
  content: string;
  title?: string;
  description?: string;
  styles?: string[];
  scripts?: string[];
  navSection?: NavSection;
}

export default {
  render(data: LayoutData): string {
    return renderPage({
      site: data.siteModel.site,
      path: typeof data.page.url === 'string' ? data.page.url : '/',
      title: data.title ?? null,
      description: data.description,
      styles: data.styles,
      scripts: data.scripts,
      section: data.navSection ?? null,
      main: data.content,
    });
  },
};
