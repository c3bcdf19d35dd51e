/**
 * `npm run bench`: prints figures, asserts nothing.
 *   npm run -s bench -- --json   → one JSON object { "<figure>": { value, unit } }
 * Figures: catalogBuildMs (ingesting all five seeds, median of N runs in Node),
 * catalogBytes (the generated catalog as shipped), catalogGzipBytes.
 * recognizeMedianMs / recognizeP95Ms, readabilityRatio (Chromium, national
 * detail fixture), contentScriptBytes, navToResultMs (extension loaded).
 * Browser figures need a build (`npm run build:chrome`); --node-only skips them.
 */
import { execSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { buildCatalog } from '../lib/catalog/build';
import { GENERATED_CATALOG, readCatalogInputs } from '../scripts/catalog-io';
import { extensionFigures, recognitionFigures, type Figure } from './browser';

function quantile(sorted: number[], q: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}

function timeRuns(runs: number, fn: () => void): { median: number; p95: number } {
  fn(); // warm-up: JIT and module caches
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { median: quantile(times, 0.5), p95: quantile(times, 0.95) };
}

async function main() {
  const json = process.argv.includes('--json');
  const nodeOnly = process.argv.includes('--node-only');
  const figures: Record<string, Figure> = {};
  const inputs = readCatalogInputs();
  const runs = 30;
  const build = timeRuns(runs, () => buildCatalog(inputs));
  figures.catalogBuildMs = { value: round(build.median), unit: 'ms', note: `median of ${runs} in-memory builds (p95 ${round(build.p95)} ms)` };
  figures.catalogBuildP95Ms = { value: round(build.p95), unit: 'ms' };

  const shipped = readFileSync(GENERATED_CATALOG);
  figures.catalogBytes = { value: statSync(GENERATED_CATALOG).size, unit: 'bytes', note: 'lib/catalog/generated/catalog.json, bundled into the side panel' };
  figures.catalogGzipBytes = { value: gzipSync(shipped).length, unit: 'bytes' };

  if (!nodeOnly) {
    try {
      execSync('npm run -s build:chrome', { stdio: 'pipe' });
    } catch (error) {
      const e = error as { stdout?: Buffer; stderr?: Buffer };
      console.error(`bench: the Chrome build failed\n${e.stdout?.toString() ?? ''}${e.stderr?.toString() ?? ''}`);
      process.exit(1);
    }
    Object.assign(figures, await recognitionFigures());
    Object.assign(figures, await extensionFigures());
  }

  if (json) {
    console.log(JSON.stringify(Object.fromEntries(Object.entries(figures).map(([k, f]) => [k, { value: f.value, unit: f.unit }]))));
    return;
  }
  console.log(`bench on Node ${process.version}, ${new Date().toISOString()}`);
  for (const [name, f] of Object.entries(figures)) {
    console.log(`${name.padEnd(26)} ${String(f.value).padStart(10)} ${f.unit.padEnd(6)} ${f.note ?? ''}`);
  }
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
