/**
 * `npm run bench`: prints figures, asserts nothing.
 *   npm run -s bench -- --json   → one JSON object { "<figure>": { value, unit } }
 * Figures: catalogBuildMs (ingesting all five seeds, median of N runs in Node),
 * catalogBytes (the generated catalog as shipped), catalogGzipBytes.
 * recognizeMedianMs / recognizeP95Ms, readabilityRatio (Chromium, national
 * detail fixture), contentScriptBytes, backgroundBundleBytes, navToResultMs
 * (extension loaded), restartToBadgeMs (worker stopped → next page's toolbar badge).
 * matchIndexMs (tagging + search index), matchMedianMs / matchP95Ms (one
 * procedure of the reference list), searchMedianMs (one query);
 * directoryBytes / directoryGzipBytes, directoryLoadMs, directoryByCodeMedianUs /
 * ByPortalIdMedianUs / ByNameMedianMs, matchWithDirectoryMedianMs (bench/directory.ts);
 * panelFirstRenderMs, panelHeapBytes, panelPersistedFirstItemMs (worker stopped,
 * state read from storage.session) (Chromium, recognized procedure).
 * Quality (Node): everyFilingMedian / everyFilingMax (band size over the reference
 * list), specificRecall / specificPrecision / specificPrecisionLowerBound (labelled
 * set; unjudged items counted as wrong for the bound), unitsReviewed / unitsDerived.
 * Journal: export100kCsvMs / XlsxMs / JsonMs, exportCsvVsStringify,
 * exportPeakHeapBytes (Node); tickWriteP50Ms / P95Ms, tickWriteVsRawPut,
 * import10x10kMs (Chromium IndexedDB).
 * Report page: reportRender10kMs, reportFilterChange10kMs, reportPrintLayout10kMs (bench/report.ts).
 * The E2E flow in Chromium beside Firefox ESR: {chromium,firefox}FlowLaunchMs,
 * …LaunchToBadgeMs, …LaunchToPanelItemsMs (bench/flow.ts).
 * Training (bench/training.ts): trainingAssetsBytes, trainingInPanelBytes, trainingToDemoRecognizedMs, tourStepMedianMs.
 * Browser figures build both targets first (`npm run build`); --node-only skips them.
 */
import { execSync } from 'node:child_process';
import labelledJson from '../tests/match/labelled.json';
import judgedJson from '../tests/match/judged.json';
import { scoreCases, type Judgment, type LabelledCase } from '../tests/match/score';
import { readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { buildCatalog } from '../lib/catalog/build';
import { GENERATED_CATALOG, GENERATED_SHIPPED_CATALOG, readCatalogInputs } from '../scripts/catalog-io';
import { quantile } from './stats';
import { extensionFigures, panelFigures, recognitionFigures, type Figure } from './browser';
import { loadMatchData, matcherFor } from '../lib/match';
import { exportFigures, journalBrowserFigures } from './journal';
import { flowFigures } from './flow';
import { directoryFigures } from './directory';
import { trainingFigures } from './training';
import { reportFigures } from './report';

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
  figures.catalogBytes = { value: statSync(GENERATED_CATALOG).size, unit: 'bytes', note: 'lib/catalog/generated/catalog.json, with raw seed cells (tools, tests)' };
  figures.shippedCatalogBytes = { value: statSync(GENERATED_SHIPPED_CATALOG).size, unit: 'bytes', note: 'catalog.shipped.json, bundled into the panel and background' };
  figures.catalogGzipBytes = { value: gzipSync(shipped).length, unit: 'bytes' };

  const catalog = buildCatalog(inputs).catalog;
  const index = timeRuns(10, () => matcherFor(catalog));
  figures.matchIndexMs = { value: round(index.median), unit: 'ms', note: 'building the matcher: tag every item, index the catalog (once per panel)' };
  const matcher = matcherFor(catalog);
  const procedures = loadMatchData().references.procedures;
  const perMatch: number[] = [];
  for (let round_ = 0; round_ < 20; round_++) {
    for (const p of procedures) {
      const t0 = performance.now();
      matcher.match({ code: p.code, name: p.name, field: p.field, level: p.level });
      perMatch.push(performance.now() - t0);
    }
  }
  perMatch.sort((a, b) => a - b);
  figures.matchMedianMs = { value: round(quantile(perMatch, 0.5)), unit: 'ms', note: `median over ${procedures.length} reference procedures × 20 (aim ≤ 1 ms)` };
  figures.matchP95Ms = { value: round(quantile(perMatch, 0.95)), unit: 'ms' };
  // Quality: every-filing band size over the reference list; specific-band precision
  // with unjudged items bounded; unit registry coverage.
  const efSizes = procedures
    .map((p) => matcher.match({ code: p.code, name: p.name, field: p.field, level: p.level }, { related: false })
      .items.filter((i) => i.band === 'every-filing' && !i.restates).length)
    .sort((a, b) => a - b);
  figures.everyFilingMedian = { value: quantile(efSizes, 0.5), unit: 'items', note: `every-filing band over ${procedures.length} reference procedures (aim ≤ 25)` };
  figures.everyFilingMax = { value: efSizes[efSizes.length - 1], unit: 'items' };
  const quality = scoreCases(matcher, (labelledJson as { cases: LabelledCase[] }).cases, (judgedJson as { judged: Judgment[] }).judged);
  figures.specificRecall = { value: round(quality.recall), unit: 'ratio', note: `${quality.tp}/${quality.tp + quality.fn} labelled must-have items` };
  figures.specificPrecision = { value: round(quality.precision), unit: 'ratio', note: `over labelled items (${quality.tp}/${quality.tp + quality.fp})` };
  figures.specificPrecisionWithJudged = { value: round(quality.precisionJudged), unit: 'ratio', note: `labelled plus ${quality.judgedRelevant + quality.judgedWrong} unlabelled items judged by hand (${quality.judgedWrong} wrong); ${quality.unjudged.length} unjudged` };
  figures.specificPrecisionLowerBound = { value: round(quality.precisionJudgedLow), unit: 'ratio', note: `unjudged items counted as wrong` };
  figures.unitsReviewed = { value: catalog.units.filter((u) => u.reviewed).length, unit: 'units', note: `of ${catalog.units.length}; the rest derived from seed cells` };
  figures.unitsDerived = { value: catalog.units.filter((u) => !u.reviewed).length, unit: 'units' };
  const queries = ['khai sinh', 'khai sinh lien thong', 'VNeID', 'thanh toan truc tuyen', 'thanh toán trực tuyn', 'BHYT', 'số hóa hồ sơ', 'lý lịch tư pháp', 'dat dai', 'căn cước'];
  const perSearch: number[] = [];
  for (let round_ = 0; round_ < 50; round_++) {
    for (const q of queries) {
      const t0 = performance.now();
      matcher.search.search(q);
      perSearch.push(performance.now() - t0);
    }
  }
  perSearch.sort((a, b) => a - b);
  figures.searchMedianMs = { value: round(quantile(perSearch, 0.5)), unit: 'ms', note: `median over ${queries.length} queries × 50 (p95 ${round(quantile(perSearch, 0.95))} ms)` };

  Object.assign(figures, directoryFigures(matcher));
  Object.assign(figures, await exportFigures());

  if (!nodeOnly) {
    try {
      execSync('npm run -s build', { stdio: 'pipe' });
    } catch (error) {
      const e = error as { stdout?: Buffer; stderr?: Buffer };
      console.error(`bench: the build failed\n${e.stdout?.toString() ?? ''}${e.stderr?.toString() ?? ''}`);
      process.exit(1);
    }
    Object.assign(figures, await recognitionFigures());
    Object.assign(figures, await extensionFigures());
    Object.assign(figures, await panelFigures());
    Object.assign(figures, await journalBrowserFigures());
    Object.assign(figures, await reportFigures());
    Object.assign(figures, await flowFigures());
    Object.assign(figures, await trainingFigures());
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
