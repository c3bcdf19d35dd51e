/**
 * Issue 14, the report at province scale: `npm run -s bench:scale`. Prints figures, asserts nothing.
 *   --sizes 10000,100000,1000000   in-page sizes (ticks), Chromium with the built extension (.output/chrome-mv3)
 *   --cli 1000000,10000000         `da06 report` sizes (ticks)
 *   --baseline 100000              Node raw import (lib/exchange importExportFiles into fake-indexeddb)
 *   --node-only / --browser-only; --before also times the old per-filter path (filterJournal + buildReport) in Node
 * In-page (per size, a fresh profile): importEventsPerSec (worker import of generated exports, files
 * chosen → last outcome and figures on screen), importLongestTaskMs (longest main-thread task seen by a
 * PerformanceObserver during the import), reportFirstRenderMs (reload → totals shown), filterChangeMs
 * (pick a procedure / all → totals changed, median of 4), peakHeapBytes (page heap, sampled every 250 ms).
 * Node: engineFilterMs (the columnar engine, one report, median of 5) at each size;
 * da06 report: seconds, peak RSS, Parquet bytes, at each --cli size; raw import events/s.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchWithExtension } from '../scripts/chromium';
import { quantile } from './stats';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const sizes = (s: string) => s.split(',').filter(Boolean).map(Number);
const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
const out: Record<string, string | number> = {};
const print = (key: string, value: string | number) => {
  out[key] = value;
  console.log(`${key.padEnd(38)} ${value}`);
};

function generate(ticks: number, dir: string): void {
  execFileSync('npx', ['tsx', 'scripts/report/generate.ts', '--ticks', String(ticks), '--per-file', '20000', '--out', dir], { stdio: 'ignore' });
}

function du(path: string): number {
  let n = 0;
  for (const name of readdirSync(path, { recursive: true }) as string[]) {
    const p = join(path, name);
    const st = statSync(p);
    if (st.isFile()) n += st.size;
  }
  return n;
}

async function nodeFigures(): Promise<void> {
  // The engine alone (what a filter change costs on the page, without the browser).
  const { ReportEngine } = await import('../lib/report/engine');
  const { generateJournals, generatorChecks } = await import('../lib/report/generate');
  const { catalog } = await import('../lib/match/shipped');
  const infos = generatorChecks().map((c) => ({ id: c.id, label: c.label.vi, targets: c.targets }));
  for (const n of sizes(arg('--sizes', '10000,100000,1000000'))) {
    const engine = new ReportEngine();
    const t0 = performance.now();
    for (const j of generateJournals({ ticks: n })) {
      engine.addSessions(j.sessions);
      engine.addEvents(j.events);
    }
    const build = performance.now() - t0;
    const times: number[] = [];
    for (const unit of ['xa-001', 'xa-002', 'xa-003', 'xa-004', 'xa-005', undefined]) {
      const t1 = performance.now();
      engine.report({ unit }, infos, catalog);
      times.push(performance.now() - t1);
    }
    print(`engineBuild${n}Ms (Node, incl. generation)`, Math.round(build));
    print(`engineFilter${n}Ms (Node, median)`, Math.round(quantile(times.sort((a, b) => a - b), 0.5)));
    if (process.argv.includes('--before')) {
      // Before: what the page did on each filter change (filterJournal over every row, then buildReport).
      const { filterJournal } = await import('../lib/export/filter');
      const { buildReport } = await import('../lib/report/aggregate');
      const data = { sessions: [] as import('../lib/journal/db').FilingSession[], events: [] as import('../lib/journal/db').TickEvent[] };
      for (const j of generateJournals({ ticks: n })) {
        for (const x of j.sessions) data.sessions.push(x);
        for (const x of j.events) data.events.push(x);
      }
      const old: number[] = [];
      for (const unit of ['xa-001', 'xa-002', undefined]) {
        const t1 = performance.now();
        const d = filterJournal(data, { unit });
        buildReport(d.sessions, d.events, infos, catalog);
        old.push(performance.now() - t1);
      }
      print(`beforeFilter${n}Ms (Node, filterJournal+buildReport, median)`, Math.round(quantile(old.sort((a, b) => a - b), 0.5)));
    }
  }
  // Raw import through the library in Node (fake-indexeddb): the baseline.
  const base = Number(arg('--baseline', '100000'));
  if (base > 0) {
    // @ts-expect-error: the package's types are not reachable through its exports map
    await import('fake-indexeddb/auto');
    const { JournalDb } = await import('../lib/journal/db');
    const { importExportFiles } = await import('../lib/exchange/import');
    const dir = mkdtempSync(join(tmpdir(), 'da06-base-'));
    generate(base, dir);
    const db = new JournalDb(`bench-${Date.now()}`);
    const t0 = performance.now();
    for (const name of readdirSync(dir).sort()) await importExportFiles(db, [{ name, text: readFileSync(join(dir, name), 'utf8') }]);
    const secs = (performance.now() - t0) / 1000;
    print(`nodeRawImport${base}EventsPerSec`, Math.round(base / secs));
    rmSync(dir, { recursive: true, force: true });
  }
  // da06 report.
  for (const n of sizes(arg('--cli', '1000000,10000000'))) cliRun(n);
}

/** `da06 report` on generated exports, timed by /usr/bin/time (wall seconds, peak RSS: DuckDB and the worker threads are in-process). */
function cliRun(n: number): void {
  const dir = mkdtempSync(join(tmpdir(), 'da06-cli-'));
  try {
    const t0 = performance.now();
    generate(n, join(dir, 'in'));
    print(`cli${n}GenerateSec`, ((performance.now() - t0) / 1000).toFixed(1));
    print(`cli${n}InputJson`, mb(du(join(dir, 'in'))));
    const run = spawnSync('/usr/bin/time', ['-f', 'TIME %e %M', process.execPath, '--import', 'tsx', 'scripts/da06.ts', 'report', join(dir, 'in'), '--out', join(dir, 'out')], { encoding: 'utf8' });
    const m = /TIME ([\d.]+) (\d+)/.exec(run.stderr);
    if (!m) {
      print(`cli${n}Failed`, run.stderr.slice(-300));
      return;
    }
    print(`cli${n}Sec`, Number(m[1]).toFixed(1));
    print(`cli${n}PeakRss`, mb(Number(m[2]) * 1024));
    print(`cli${n}Parquet`, mb(du(join(dir, 'out', 'parquet'))));
    print(`cli${n}EventsPerSec`, Math.round(n / Number(m[1])));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function browserFigures(): Promise<void> {
  const extensionDir = resolve(process.env.DA06_EXTENSION_PATH ?? '.output/chrome-mv3');
  for (const n of sizes(arg('--sizes', '10000,100000,1000000'))) {
    const dir = mkdtempSync(join(tmpdir(), 'da06-page-'));
    generate(n, dir);
    const files = readdirSync(dir).sort().map((f) => join(dir, f));
    const context = await launchWithExtension(extensionDir);
    try {
      let [worker] = context.serviceWorkers();
      if (!worker) worker = await context.waitForEvent('serviceworker', { timeout: 15_000 });
      const id = new URL(worker.url()).host;
      const page = await context.newPage();
      await page.goto(`chrome-extension://${id}/report.html`);
      await page.getByTestId('report-empty').waitFor({ timeout: 60_000 });
      await page.evaluate(() => {
        // Long tasks while the import runs (progress bar on screen), apart from the report's render after it.
        const w = window as unknown as { __long: number; __after: number; __heap: number; __end: number };
        w.__long = 0;
        w.__after = 0;
        w.__heap = 0;
        w.__end = Infinity;
        new MutationObserver(() => {
          if (w.__end === Infinity && !document.querySelector('[data-testid="import-progress"]') && document.querySelector('[data-testid="import-outcome"]')) w.__end = performance.now();
        }).observe(document.body, { childList: true, subtree: true });
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) {
            if (e.startTime < w.__end) w.__long = Math.max(w.__long, e.duration);
            else w.__after = Math.max(w.__after, e.duration);
          }
        }).observe({ type: 'longtask' });
        setInterval(() => {
          const m = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
          if (m) w.__heap = Math.max(w.__heap, m.usedJSHeapSize);
        }, 250);
      });
      const t0 = performance.now();
      await page.getByTestId('import-files').setInputFiles(files);
      await page.locator('[data-testid="import-outcome"]').nth(files.length - 1).waitFor({ timeout: 1_800_000 });
      await page.getByTestId('import-progress').waitFor({ state: 'detached', timeout: 600_000 });
      const importSecs = (performance.now() - t0) / 1000;
      await page.waitForFunction((n) => document.querySelector('[data-testid="total-events"]')?.textContent?.replace(/\D/g, '') === String(n), n, { timeout: 600_000 });
      const shownSecs = (performance.now() - t0) / 1000;
      const { long, after, heap } = await page.evaluate(() => {
        const w = window as unknown as { __long: number; __after: number; __heap: number };
        return { long: w.__long, after: w.__after, heap: w.__heap };
      });
      print(`page${n}ImportEventsPerSec`, Math.round(n / importSecs));
      print(`page${n}ImportToFiguresSec`, shownSecs.toFixed(1));
      print(`page${n}ImportLongestTaskMs (during import)`, Math.round(long));
      print(`page${n}RenderAfterImportLongestTaskMs`, Math.round(after));
      // First render: reload → totals shown.
      const t1 = performance.now();
      await page.reload();
      await page.waitForFunction((n) => document.querySelector('[data-testid="total-events"]')?.textContent?.replace(/\D/g, '') === String(n), n, { timeout: 600_000 });
      print(`page${n}FirstRenderMs`, Math.round(performance.now() - t1));
      // Filter change: one procedure, then all again (every generated file holds many procedures, not always many units).
      const options = await page.getByTestId('report-procedure').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
      const times: number[] = [];
      for (const value of [options[1], '', options[2], '']) {
        const before = await page.getByTestId('total-sessions').textContent();
        const t2 = performance.now();
        await page.getByTestId('report-procedure').selectOption(value ?? '');
        await page.waitForFunction((b) => document.querySelector('[data-testid="total-sessions"]')?.textContent !== b, before, { timeout: 120_000 });
        times.push(performance.now() - t2);
      }
      print(`page${n}FilterChangeMs (median)`, Math.round(quantile(times.sort((a, b) => a - b), 0.5)));
      const peak = await page.evaluate(() => (window as unknown as { __heap: number }).__heap);
      print(`page${n}PeakHeap (before the reload)`, mb(Math.max(Number(peak) || 0, Number(heap) || 0)));
    } finally {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

async function main() {
  if (!process.argv.includes('--browser-only')) await nodeFigures();
  if (!process.argv.includes('--node-only')) await browserFigures();
  if (process.argv.includes('--json')) console.log(JSON.stringify(out));
}

await main();
