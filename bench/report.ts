/**
 * The supervisor's report page with 10,000 filings (10 checks each, ~60,000 ticks),
 * in Chromium with the built extension: reportRender10kMs (reload → the last table
 * on screen, median of 5 after one warm-up), reportFilterChange10kMs (pick a
 * procedure → totals updated, median of 5), reportPrintLayout10kMs (print media
 * emulated → weeks table laid out). Printed; nothing asserted.
 *   npm run -s bench:report            (the build in .output/chrome-mv3)
 *   DA06_EXTENSION_PATH=… npm run -s bench:report   (another build, e.g. before a change)
 */
import { resolve } from 'node:path';
import { launchWithExtension } from '../scripts/chromium';
import { quantile } from './stats';
import type { Figure } from './browser';

const FILINGS = 10_000;
const CHECKS = ['dinh-danh', 'khong-yeu-cau-lai', 'so-hoa', 'luu-ket-qua', 'thanh-toan', 'vneid-muc-2', 'danh-gia-hai-long', 'bieu-mau-dien-tu', 'lien-thong-khai-sinh', 'custom-bench-1'];
const round = (n: number) => Math.round(n);

export async function reportFigures(extensionDir = resolve(process.env.DA06_EXTENSION_PATH ?? '.output/chrome-mv3')): Promise<Record<string, Figure>> {
  const context = await launchWithExtension(extensionDir);
  try {
    let [worker] = context.serviceWorkers();
    if (!worker) worker = await context.waitForEvent('serviceworker', { timeout: 15_000 });
    const id = new URL(worker.url()).host;
    const page = await context.newPage();
    await page.goto(`chrome-extension://${id}/report.html`);
    await page.waitForSelector('h1');
    const seeded = await page.evaluate(async ({ n, checks }) => {
      const db: IDBDatabase = await new Promise((ok, fail) => {
        const r = indexedDB.open('da06-journal');
        r.onsuccess = () => ok(r.result);
        r.onerror = () => fail(r.error);
      });
      const start = Date.parse('2026-01-05T01:00:00Z');
      const procedures = [['code:1.001193', '1.001193', 'Đăng ký khai sinh'], ['code:1.000656', '1.000656', 'Đăng ký khai tử'], ['code:2.000528', '2.000528', 'Cấp giấy phép xây dựng'], ['code:1.004222', '1.004222', 'Đăng ký thường trú']];
      const units = ['UBND phường Hạc Thành', 'UBND xã Quảng Phú', 'UBND phường Đông Sơn'];
      let events = 0;
      await new Promise<void>((ok, fail) => {
        const tx = db.transaction(['sessions', 'events'], 'readwrite');
        const ss = tx.objectStore('sessions');
        const es = tx.objectStore('events');
        for (let i = 0; i < n; i++) {
          const [key, code, name] = procedures[i % procedures.length];
          const unit = units[i % units.length];
          const at = start + i * 45 * 60_000; // ~10,000 filings over about a year
          const sid = `dossier:${key}:H56.${i}`;
          ss.put({ id: sid, procedureKey: key, procedureCode: code, procedureName: name, dossierCode: `H56.${i}`, label: `H56.${i}`, checkIds: checks, staff: `Cán bộ ${i % 7}`, unit, createdAt: at, demo: false, origin: 'local' });
          for (let c = 0; c < checks.length; c++) {
            if ((i + c) % 5 === 0) continue;
            es.put({ id: `e-${i}-${c}`, sessionId: sid, checkId: checks[c], state: (i * 7 + c) % 9 === 0 ? 'na' : 'done', staff: `Cán bộ ${i % 7}`, unit, at: at + c * 60_000, demo: false });
            events++;
          }
        }
        tx.oncomplete = () => ok();
        tx.onerror = () => fail(tx.error);
      });
      db.close();
      return events;
    }, { n: FILINGS, checks: CHECKS });

    const render: number[] = [];
    for (let run = 0; run < 6; run++) {
      const t0 = Date.now();
      await page.reload();
      await page.getByTestId('table-by-week').waitFor({ timeout: 120_000 });
      if (run > 0) render.push(Date.now() - t0);
    }
    const filter: number[] = [];
    const select = page.locator('select').nth(1);
    const values = await select.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    for (let run = 0; run < 5; run++) {
      const before = await page.getByTestId('total-sessions').textContent();
      const t0 = Date.now();
      await select.selectOption(values[run % values.length]);
      await page.waitForFunction((b) => document.querySelector('[data-testid="total-sessions"]')?.textContent !== b, before, { timeout: 60_000 });
      filter.push(Date.now() - t0);
      await select.selectOption('');
      await page.waitForFunction((b) => document.querySelector('[data-testid="total-sessions"]')?.textContent === b, before, { timeout: 60_000 });
    }
    const t0 = Date.now();
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const print = Date.now() - t0;
    const note = `${FILINGS.toLocaleString('en')} filings × ${CHECKS.length} checks, ${seeded.toLocaleString('en')} ticks, in Chromium IndexedDB`;
    return {
      reportRender10kMs: { value: round(quantile(render.sort((a, b) => a - b), 0.5)), unit: 'ms', note: `reload → last rate table on screen, median of 5 after a warm-up; ${note}` },
      reportFilterChange10kMs: { value: round(quantile(filter.sort((a, b) => a - b), 0.5)), unit: 'ms', note: 'pick one procedure → totals updated, median of 5' },
      reportPrintLayout10kMs: { value: round(print), unit: 'ms', note: 'print media emulated → two frames later' },
    };
  } finally {
    await context.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('bench/report.ts')) {
  reportFigures().then(
    (figures) => {
      for (const [name, f] of Object.entries(figures)) console.log(`${name}: ${f.value} ${f.unit}${f.note ? `  (${f.note})` : ''}`);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
