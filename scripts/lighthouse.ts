// Lighthouse (Google's page auditor) on the built site, served over HTTP the way a static host serves it, in
// Debian's Chromium: Performance, Accessibility, Best Practices and SEO for each page kind, on the mobile and the
// desktop preset. The numbers come from a tool nobody on the project wrote.
//   npx tsx scripts/lighthouse.ts [--site DIR] [--json]
// The tests call auditSite() (tests/gates/lighthouse.test.ts); this file prints the table.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import lighthouse, { desktopConfig } from 'lighthouse';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];
export type FormFactor = 'mobile' | 'desktop';

export interface PageAudit {
  name: string;
  url: string;
  formFactor: FormFactor;
  scores: Record<Category, number>;
  /** The audits that cost points, for the message when a score is low. */
  failing: string[];
}

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Starts Chromium with a DevTools port for Lighthouse to drive; resolves once it listens. */
async function startChromium(): Promise<{ port: number; stop: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'lighthouse-chromium-'));
  // A process group of its own, so its helper processes can be stopped with it.
  const child: ChildProcess = spawn(CHROMIUM, [...CHROMIUM_FLAGS, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  const port = await new Promise<number>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`${CHROMIUM} did not open a DevTools port within 30 s:\n${seen}`)), 30_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.on('error', (error) => reject(new Error(`cannot start ${CHROMIUM}: ${error.message}`)));
  });
  return {
    port,
    stop: async () => {
      // Killed alone, Chromium left its helpers writing the profile, and removing it failed (ENOTEMPTY) in CI.
      // Asked to stop (SIGTERM), it closes them and its profile; the whole group is killed if it has not within 5 s.
      const group = child.pid === undefined ? undefined : -child.pid;
      const signal = (name: NodeJS.Signals) => {
        try {
          if (group !== undefined) process.kill(group, name);
        } catch {
          // The group has gone already.
        }
      };
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        signal('SIGTERM');
        const timer = setTimeout(() => signal('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      signal('SIGKILL');
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    },
  };
}

/** Audits each page with each preset, one at a time (Lighthouse measures timing; runs in parallel would disturb it). */
export async function auditPages(pages: { name: string; url: string }[], formFactors: FormFactor[] = ['mobile', 'desktop']): Promise<PageAudit[]> {
  const chromium = await startChromium();
  try {
    const audits: PageAudit[] = [];
    for (const formFactor of formFactors) {
      for (const page of pages) {
        const flags = { port: chromium.port, logLevel: 'error' as const, output: 'json' as const, onlyCategories: [...CATEGORIES] };
        const result = await lighthouse(page.url, flags, formFactor === 'desktop' ? desktopConfig : undefined);
        if (!result) throw new Error(`Lighthouse returned nothing for ${page.url}`);
        const { lhr } = result;
        if (lhr.runtimeError) throw new Error(`Lighthouse could not audit ${page.url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
        const scores = Object.fromEntries(CATEGORIES.map((id) => [id, Math.round((lhr.categories[id]?.score ?? 0) * 100)])) as Record<Category, number>;
        const failing = CATEGORIES.flatMap((id) =>
          (lhr.categories[id]?.auditRefs ?? [])
            .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 0.9)
            .map((ref) => `${id}/${ref.id} (${lhr.audits[ref.id]?.displayValue ?? lhr.audits[ref.id]?.score})`),
        );
        audits.push({ name: page.name, url: page.url, formFactor, scores, failing });
      }
    }
    return audits;
  } finally {
    await chromium.stop();
  }
}

export function formatAudits(audits: PageAudit[]): string {
  const header = `| page | form | ${CATEGORIES.join(' | ')} |\n|---|---|${CATEGORIES.map(() => '---').join('|')}|`;
  const rows = audits.map((a) => `| ${a.name} | ${a.formFactor} | ${CATEGORIES.map((c) => a.scores[c]).join(' | ')} |`);
  return [header, ...rows].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { site: { type: 'string', default: '_site' }, json: { type: 'boolean', default: false } } });
  const { serveStatic } = await import('../tests/support/server.js');
  const { pagesToAudit } = await import('../tests/support/lighthousePages.js');
  const server = await serveStatic(values.site!);
  try {
    const audits = await auditPages(pagesToAudit(values.site!, (path) => server.urlOf(path)));
    console.log(values.json ? JSON.stringify(audits, null, 2) : formatAudits(audits));
    for (const audit of audits) if (audit.failing.length > 0) console.log(`${audit.name} ${audit.formFactor}: ${audit.failing.join(', ')}`);
  } finally {
    await server.close();
  }
}
