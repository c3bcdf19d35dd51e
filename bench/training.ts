import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../scripts/catalog-io';
import { chromeExtensionDir, launchWithExtension } from '../scripts/chromium';
import { median } from './stats';
import type { Figure } from './browser';

/*
 * Training mode (issue 13): Đào tạo page → first demo screen recognized
 * (median), tour step transition (median), the training assets' size in the
 * Chrome build (training-only files, and the tour data the panel shares). Printed, never asserted.
 */

const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

/**
 * Files of the build that exist only for training: the two pages and the chunks and styles no
 * other page loads (a shared chunk that Rollup happens to name after a training module is left out).
 */
export function trainingAssets(extension: string): { files: string[]; bytes: number } {
  const others = ['sidepanel.html', 'options.html', 'report.html', 'source.html']
    .filter((f) => existsSync(join(extension, f)))
    .map((f) => readFileSync(join(extension, f), 'utf8'))
    .join('\n');
  const files = ['demo.html', 'training.html', 'tour.js'];
  for (const dir of ['chunks', 'assets']) {
    for (const f of readdirSync(join(extension, dir))) if (/^(demo|training|tours)-/.test(f) && !others.includes(f)) files.push(`${dir}/${f}`);
  }
  const bytes = files.reduce((n, f) => n + statSync(join(extension, f)).size, 0);
  return { files, bytes };
}

export async function trainingFigures(): Promise<Record<string, Figure>> {
  const extension = chromeExtensionDir(ROOT);
  const figures: Record<string, Figure> = {};
  const assets = trainingAssets(extension);
  figures.trainingAssetsBytes = { value: assets.bytes, unit: 'bytes', note: `Chrome build, minified, loaded only by the training pages: ${assets.files.join(', ')}` };
  // The panel offers a page's tours: the tours chunk is shared with it.
  const panelHtml = readFileSync(join(extension, 'sidepanel.html'), 'utf8');
  const shared = readdirSync(join(extension, 'chunks')).filter((f) => /^tours-/.test(f) && panelHtml.includes(f));
  figures.trainingInPanelBytes = { value: shared.reduce((n, f) => n + statSync(join(extension, 'chunks', f)).size, 0), unit: 'bytes', note: `training code the panel also loads (tour data for "tour on this page"): ${shared.join(', ') || 'none'}` };

  const context = await launchWithExtension(extension);
  try {
    // Offline, as in a training room.
    await context.route(/^https?:\/\//, (route) => route.abort('internetdisconnected'));
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const id = new URL(worker.url()).host;
    const page = await context.newPage();
    const toRecognized: number[] = [];
    for (let i = 0; i < 9; i++) {
      await page.goto(`chrome-extension://${id}/training.html`);
      await page.getByTestId('screen-spa-khai-sinh').waitFor();
      const t0 = Date.now();
      await page.getByTestId('screen-spa-khai-sinh').click();
      // Recognized = the background has stored the page and the badge it derives is drawn.
      await page.waitForFunction(() => document.querySelector('[data-da06-badge]')?.shadowRoot?.querySelector('.count')?.textContent, undefined, { timeout: 15_000, polling: 5 });
      toRecognized.push(Date.now() - t0);
    }
    const first = toRecognized.shift()!;
    figures.trainingToDemoRecognizedMs = { value: median(toRecognized), unit: 'ms', note: `Đào tạo page click → demo screen recognized and badged (median of ${toRecognized.length} after a first one of ${first} ms; network blocked)` };

    await page.goto(`chrome-extension://${id}/demo.html?screen=motcua-xu-ly&tour=mot-cua-ma-ho-so`);
    await page.waitForFunction(() => document.documentElement.dataset.tour === 'running', undefined, { timeout: 15_000 });
    // A string, so the bundler's helpers (tsx names functions) do not enter the page.
    const steps = (await page.evaluate(`(async () => {
      const q = () => document.querySelector('da06-tour')?.shadowRoot?.querySelector('[data-testid="tour-dialog"]');
      const times = [];
      for (let k = 0; k < 30; k++) {
        const before = q()?.getAttribute('data-index');
        const key = Number(before) >= 3 ? 'ArrowLeft' : 'ArrowRight';
        const t0 = performance.now();
        document.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
        // Until the next step is rendered, then painted.
        while (q()?.getAttribute('data-index') === before) await new Promise((r) => setTimeout(r, 0));
        await new Promise((r) => requestAnimationFrame(() => r(null)));
        times.push(performance.now() - t0);
      }
      return times;
    })()`)) as number[];
    figures.tourStepMedianMs = { value: round(median(steps)), unit: 'ms', note: `tour step transition by keyboard (→/←) to the next frame, median of ${steps.length} on the one-stop tour` };
  } finally {
    await context.close();
  }
  return figures;
}
