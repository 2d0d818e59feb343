// A small run of the whole-pipeline benchmark: not to time anything, but to prove that the benchmark measures
// the real pipeline and that every phase does its work on a generated archive.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BenchReport, formatReport, runBench } from '../../bench/run.js';

const BULLETINS = 20;
let report: BenchReport;
let workDir: string;

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'bench-smoke-'));
  report = await runBench({ bulletins: BULLETINS, seed: 42, keep: false, endToEnd: true, workDir, log: () => undefined });
}, 240_000);

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const row = (name: string) => report.rows.find((r) => r.phase === name || r.phase === `${name} (estimated)`);

describe(`the benchmark on ${BULLETINS} generated bulletins`, () => {
  it('runs every phase without a problem', () => {
    expect(report.problems).toEqual([]);
  });

  it('parses about ten records from every generated bulletin', () => {
    expect(row('generate')?.files).toBe(BULLETINS);
    expect(report.records).toBeGreaterThan(BULLETINS * 7);
    expect(report.articles).toBeGreaterThan(BULLETINS * 4);
  });

  it('renders at least one page per record, and the end-to-end build renders the same pages', () => {
    expect(report.htmlPages).toBeGreaterThanOrEqual(report.records);
    expect(row('render')?.pages).toBe(report.htmlPages);
    expect(row('build (end to end)')?.pages).toBeGreaterThanOrEqual(report.htmlPages);
  });

  it('writes a search index over the rendered pages', () => {
    expect(row('index')?.pages).toBe(report.htmlPages);
    expect(report.indexFiles).toBeGreaterThan(report.articles);
    expect(report.indexBytes).toBeGreaterThan(10_000);
  });

  it('writes the floor with as many pages of about the same size', () => {
    const floor = row('floor')!;
    expect(floor.pages).toBe(report.htmlPages);
    expect(Math.abs(floor.outputBytes - report.htmlBytes) / report.htmlBytes).toBeLessThan(0.05);
  });

  it.each(['parse', 'index', 'build (end to end)', 'floor'])('measures %s with sane numbers', (name) => {
    const r = row(name)!;
    expect(r.wallS).toBeGreaterThan(0);
    expect(r.wallS).toBeLessThan(120);
    expect(r.cpuS).toBeGreaterThan(0);
    // Two cores and a few helper threads: CPU cannot exceed a few times the wall time.
    expect(r.cpuS).toBeLessThan(r.wallS * 4 + 1);
    expect(r.maxRssMB).toBeGreaterThan(20);
    expect(r.maxRssMB).toBeLessThan(4096);
    expect(r.treeRssMB).toBeGreaterThanOrEqual(r.maxRssMB * 0.5);
  });

  it('prints a table with a row per phase and the ratio to the floor', () => {
    const table = formatReport(report);
    for (const phase of ['parse', 'render', 'index', 'floor']) expect(table).toMatch(new RegExp(`^\\| ${phase}`, 'm'));
    expect(table).toMatch(/build CPU \/ floor CPU = \d+\.\d×/);
  });
});
