// The tagger against hand-made truth (tests/fixtures/places-truth.json): per labelled set, recall and precision over
// (record, place) pairs, districts and unions apart, and every miss and false find by name.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBulletin } from '../parse/index.js';
import type { ArticleRecord } from '../types.js';
import { placeById, type PlaceKind } from './gazetteer.js';
import { tagPlaces } from './tag.js';

export interface TruthRecord {
  file: string;
  id: string;
  title: string;
  places: string[];
  unions: string[];
}

export interface TruthSet {
  name: string;
  /** Relative to the repository root. */
  dir: string;
  /** Never tuned on: its first score is its score. */
  heldOut: boolean;
  records: TruthRecord[];
}

export interface Counts {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

export interface SetScore {
  name: string;
  heldOut: boolean;
  records: number;
  /** Labelled records the parser no longer returns (matched by id, then by title without spaces). */
  unmatched: string[];
  district: Counts;
  union: Counts;
  /** `file title: missed 永川区` / `… found 江北区 (江北 in body)`. */
  misses: string[];
}

export function loadTruth(root: string): TruthSet[] {
  return (JSON.parse(readFileSync(join(root, 'tests/fixtures/places-truth.json'), 'utf8')) as { sets: TruthSet[] }).sets;
}

const squash = (s: string) => s.replace(/\s+/g, '');

export function scoreSet(root: string, set: TruthSet): SetScore {
  const parsed = new Map<string, ArticleRecord[]>();
  const recordsOf = (file: string) => {
    let records = parsed.get(file);
    if (!records) {
      const path = join(set.dir, file);
      records = parseBulletin(readFileSync(join(root, path)), path).records;
      parsed.set(file, records);
    }
    return records;
  };
  const score: SetScore = {
    name: set.name,
    heldOut: set.heldOut,
    records: set.records.length,
    unmatched: [],
    district: { truePositives: 0, falsePositives: 0, falseNegatives: 0 },
    union: { truePositives: 0, falsePositives: 0, falseNegatives: 0 },
    misses: [],
  };
  for (const truth of set.records) {
    const records = recordsOf(truth.file);
    const record = records.find((r) => r.id === truth.id) ?? records.find((r) => squash(r.title) === squash(truth.title));
    const tags = record ? tagPlaces(record) : [];
    if (!record) score.unmatched.push(`${truth.file} ${truth.title}`);
    for (const [kind, labelled] of [['district', truth.places], ['union', truth.unions]] as [PlaceKind, string[]][]) {
      const counts = score[kind];
      const got = tags.filter((t) => t.kind === kind);
      for (const id of labelled) {
        if (got.some((t) => t.id === id)) counts.truePositives++;
        else {
          counts.falseNegatives++;
          score.misses.push(`${truth.file} ${truth.title}: missed ${placeById(id)?.name ?? id}`);
        }
      }
      for (const tag of got) {
        if (labelled.includes(tag.id)) continue;
        counts.falsePositives++;
        const where = tag.found.map((m) => `${m.text} in ${m.field}`).join(', ');
        score.misses.push(`${truth.file} ${truth.title}: found ${tag.name} (${where})`);
      }
    }
  }
  return score;
}

export function recall(c: Counts): number {
  const labelled = c.truePositives + c.falseNegatives;
  return labelled === 0 ? 1 : c.truePositives / labelled;
}

export function precision(c: Counts): number {
  const found = c.truePositives + c.falsePositives;
  return found === 0 ? 1 : c.truePositives / found;
}

export function sum(...all: Counts[]): Counts {
  return all.reduce(
    (a, c) => ({
      truePositives: a.truePositives + c.truePositives,
      falsePositives: a.falsePositives + c.falsePositives,
      falseNegatives: a.falseNegatives + c.falseNegatives,
    }),
    { truePositives: 0, falsePositives: 0, falseNegatives: 0 },
  );
}
