/**
 * The live view under a burst of clicks, on its own (also part of `npm run bench`):
 *   npx tsx bench/drain.ts [ticks=10000] [oldTicks=2000]
 * prints ticks per second, the panel before (one transaction per click, live
 * query over the whole log) and now (queue with group commit, per-check rows).
 */
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { ROOT } from '../scripts/catalog-io';
import { CHROMIUM_PATH, QUIET_FLAGS } from '../scripts/chromium';

type Drain = { ms: number; written: number; rate: number; reads: number };

async function main() {
  const burst = Number(process.argv[2] ?? 10_000);
  const oldBurst = Number(process.argv[3] ?? 2_000);
  const bundle = await build({ entryPoints: [join(ROOT, 'bench', 'journal-bundle.ts')], bundle: true, format: 'iife', minify: true, write: false, platform: 'browser' });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ['--no-sandbox', '--disable-gpu', ...QUIET_FLAGS] });
  try {
    const page = await browser.newPage();
    await page.route('https://bench.da06.invalid/**', (r) => r.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bench</title>' }));
    await page.goto('https://bench.da06.invalid/');
    await page.addScriptTag({ content: bundle.outputFiles[0].text });
    const drain = (n: number, mode: 'log' | 'current') =>
      page.evaluate(async ([k, m]) => (globalThis as unknown as { __da06Journal: { drain(n: number, m: string): Promise<Drain> } }).__da06Journal.drain(k, m), [n, mode] as const);
    for (const [n, mode] of [[oldBurst, 'log'], [oldBurst, 'current'], [burst, 'current']] as const) {
      const r = await drain(n, mode);
      console.log(`${mode === 'log' ? 'before' : 'now   '} ${String(n).padStart(6)} ticks: ${Math.round(r.rate)} ticks/s (shown after ${Math.round(r.ms)} ms, written after ${Math.round(r.written)} ms, ${r.reads} live-query results)`);
    }
  } finally {
    await browser.close();
  }
}

void main();
