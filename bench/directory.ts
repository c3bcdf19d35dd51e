import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createDirectory } from '../lib/directory/lookup';
import type { DirectoryData } from '../lib/directory/data';
import type { Matcher } from '../lib/match';
import { loadMatchData } from '../lib/match';
import { GENERATED_DIRECTORY } from '../scripts/directory-io';
import type { Figure } from './browser';
import { quantile } from './stats';

function times(rounds: number, inputs: readonly string[], fn: (input: string) => unknown): number[] {
  for (const x of inputs.slice(0, 20)) fn(x); // warm-up
  const out: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const x of inputs) {
      const t0 = performance.now();
      fn(x);
      out.push(performance.now() - t0);
    }
  }
  return out.sort((a, b) => a - b);
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/**
 * The national directory: its chunk (raw, gzip), what the first need costs
 * (parse + maps; the name index on the first name lookup), lookups by code,
 * portal id and name, and matching through it.
 */
export function directoryFigures(matcher: Matcher): Record<string, Figure> {
  const text = readFileSync(GENERATED_DIRECTORY, 'utf8');
  const figures: Record<string, Figure> = {};
  figures.directoryBytes = { value: Buffer.byteLength(text), unit: 'bytes', note: 'public/data/directory.json, fetched by the panel and background on first need' };
  figures.directoryGzipBytes = { value: gzipSync(text).length, unit: 'bytes' };
  const load: number[] = [];
  const index: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t0 = performance.now();
    const d = createDirectory(JSON.parse(text) as DirectoryData);
    const t1 = performance.now();
    d.byName('Đăng ký khai sinh');
    index.push(performance.now() - t1);
    load.push(t1 - t0);
  }
  load.sort((a, b) => a - b);
  index.sort((a, b) => a - b);
  figures.directoryLoadMs = { value: round(quantile(load, 0.5)), unit: 'ms', note: 'JSON.parse + code/portalId maps, median of 10' };
  figures.directoryNameIndexMs = { value: round(quantile(index, 0.5)), unit: 'ms', note: 'name index, built on the first name lookup' };

  const directory = createDirectory(JSON.parse(text) as DirectoryData);
  // Every 20th entry: ~280 codes, portal ids and names spread over the directory.
  const sample = Array.from({ length: Math.floor(directory.size / 20) }, (_, i) => directory.entry(i * 20));
  const byCode = times(20, sample.map((e) => e.code), (c) => directory.byCode(c));
  const byId = times(20, sample.map((e) => e.portalId), (id) => directory.byPortalId(id));
  const names = [...sample.map((e) => e.name), ...loadMatchData().references.procedures.map((p) => p.name)];
  const byName = times(3, names, (n) => directory.byName(n));
  const us = (sorted: number[]) => Math.round(quantile(sorted, 0.5) * 1e4) / 10;
  figures.directoryByCodeMedianUs = { value: us(byCode), unit: 'µs', note: `median over ${sample.length} codes × 20` };
  figures.directoryByPortalIdMedianUs = { value: us(byId), unit: 'µs', note: `median over ${sample.length} portal ids × 20` };
  figures.directoryByNameMedianMs = { value: round(quantile(byName, 0.5)), unit: 'ms', note: `median over ${names.length} names × 3 (p95 ${round(quantile(byName, 0.95))} ms)` };

  const refs = loadMatchData().references.procedures;
  const withDir = times(20, refs.map((_, i) => String(i)), (i) => {
    const p = refs[Number(i)];
    return matcher.match({ code: p.code, name: p.name, field: p.field, level: p.level }, { directory });
  });
  figures.matchWithDirectoryMedianMs = { value: round(quantile(withDir, 0.5)), unit: 'ms', note: `as matchMedianMs, resolving through the directory (p95 ${round(quantile(withDir, 0.95))} ms)` };
  const codeOnly = times(3, sample.map((e) => e.portalId), (id) => matcher.match({ portalId: id }, { directory }));
  figures.matchPortalIdOnlyMedianMs = { value: round(quantile(codeOnly, 0.5)), unit: 'ms', note: `a portal id alone, named by the directory: ${sample.length} entries × 3 (p95 ${round(quantile(codeOnly, 0.95))} ms)` };
  return figures;
}
