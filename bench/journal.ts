import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { ROOT } from '../scripts/catalog-io';
import { CHROMIUM_PATH, QUIET_FLAGS } from '../scripts/chromium';
import { longRows, toCsv, wideRows, type CsvHeadings } from '../lib/export/csv';
import { buildExportFile } from '../lib/exchange/format';
import { toXlsx } from '../lib/export/xlsx';
import type { FilingSession, TickEvent } from '../lib/journal/db';
import type { Figure } from './browser';

const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

/** Tick latency and imports on Chromium's IndexedDB, through the real journal code. */
export async function journalBrowserFigures(): Promise<Record<string, Figure>> {
  const bundle = await build({ entryPoints: [join(ROOT, 'bench', 'journal-bundle.ts')], bundle: true, format: 'iife', minify: true, write: false, platform: 'browser' });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ['--no-sandbox', '--disable-gpu', ...QUIET_FLAGS] });
  const figures: Record<string, Figure> = {};
  try {
    const page = await browser.newPage();
    // IndexedDB needs an origin: serve an empty page at a made-up https one.
    await page.route('https://bench.da06.invalid/**', (r) => r.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bench</title>' }));
    await page.goto('https://bench.da06.invalid/');
    await page.addScriptTag({ content: bundle.outputFiles[0].text });
    type Drain = { ms: number; written: number; rate: number; reads: number };
    type Api = {
      ticks(n: number): Promise<{ p50: number; p95: number; rawP50: number; rawP95: number }>;
      importFiles(f: number, n: number): Promise<{ ms: number; count: number; ok: boolean; parseOne: number; rawMs: number }>;
      drain(n: number, mode: 'log' | 'current'): Promise<Drain>;
    };
    const api = 'globalThis.__da06Journal';
    const t = await page.evaluate(async (n) => ((globalThis as unknown as { __da06Journal: Api }).__da06Journal).ticks(n), 400);
    figures.tickWriteP50Ms = { value: round(t.p50), unit: 'ms', note: '400 ticks, each awaited, Journal.tick on Chromium IndexedDB' };
    figures.tickWriteP95Ms = { value: round(t.p95), unit: 'ms', note: 'aim ≤ 10 ms' };
    figures.tickWriteVsRawPut = { value: round(t.p50 / t.rawP50), unit: 'x', note: `ours ÷ one raw IndexedDB put per transaction (raw p50 ${round(t.rawP50)} ms, p95 ${round(t.rawP95)} ms); aim ≤ 1.5` };
    const imp = await page.evaluate(async () => ((globalThis as unknown as { __da06Journal: Api }).__da06Journal).importFiles(10, 10_000));
    figures.import10x10kMs = { value: Math.round(imp.ms), unit: 'ms', note: `10 files × 10,000 events: parse, zod, checksum, merge by id, write (${imp.count} events stored, all imported: ${imp.ok}; checking one file alone: ${Math.round(imp.parseOne)} ms)` };
    figures.import10x10kRawPutMs = { value: Math.round(imp.rawMs), unit: 'ms', note: 'baseline: JSON.parse + raw puts of the same events, one transaction per file, same indexes' };
    void api;
    // The live view under a burst: the old query (whole log re-read after each commit) vs the per-check rows.
    const burst = Number(process.env.DA06_DRAIN_TICKS ?? 10_000);
    const oldBurst = Number(process.env.DA06_DRAIN_OLD_TICKS ?? 1_000);
    const drainOf = (n: number, mode: 'log' | 'current') => page.evaluate(async ([k, m]) => ((globalThis as unknown as { __da06Journal: Api }).__da06Journal).drain(k, m), [n, mode] as const);
    const oldWay = await drainOf(oldBurst, 'log');
    const newSmall = await drainOf(oldBurst, 'current');
    const newWay = await drainOf(burst, 'current');
    figures.liveViewDrainOldTicksPerS = {
      value: Math.round(oldWay.rate), unit: 'ticks/s',
      note: `old live query (every tick of the filing re-read after each commit): ${oldBurst} ticks shown in ${Math.round(oldWay.ms)} ms, ${oldWay.reads} reads (DA06_DRAIN_OLD_TICKS; 10,000 take minutes)`,
    };
    figures.liveViewDrainTicksPerS = {
      value: Math.round(newWay.rate), unit: 'ticks/s',
      note: `per-check current rows: ${burst} ticks shown in ${Math.round(newWay.ms)} ms (${oldBurst}: ${Math.round(newSmall.rate)} ticks/s, ${newSmall.reads} reads)`,
    };
  } finally {
    await browser.close();
  }
  return figures;
}

const H: CsvHeadings = {
  session: 'Phiên', procedureCode: 'Mã TTHC', procedureName: 'Tên thủ tục', dossierCode: 'Mã hồ sơ', staff: 'Cán bộ', unit: 'Đơn vị',
  created: 'Tạo lúc', demo: 'Demo', eventId: 'Mã sự kiện', time: 'Thời điểm', check: 'Việc', state: 'Trạng thái', note: 'Ghi chú', done: 'Đã làm', na: 'Không áp dụng',
};

/** Exports of 100,000 events in Node (the same code the panel runs). */
export async function exportFigures(): Promise<Record<string, Figure>> {
  const sessions: FilingSession[] = [];
  const events: TickEvent[] = [];
  const checks = ['dinh-danh', 'khong-yeu-cau-lai', 'so-hoa', 'luu-ket-qua', 'thanh-toan', 'vneid-muc-2', 'danh-gia-hai-long', 'bieu-mau-dien-tu', 'lien-thong-khai-sinh', 'custom-x'];
  for (let i = 0; i < 100_000; i++) {
    const s = Math.floor(i / 10);
    if (i % 10 === 0) sessions.push({ id: `dossier:code:1.001193:H${s}`, procedureKey: 'code:1.001193', procedureCode: '1.001193', procedureName: 'Đăng ký khai sinh', dossierCode: `000.00.12.H56-${s}`, label: `000.00.12.H56-${s}`, checkIds: checks, staff: 'Cán bộ Một cửa', unit: 'ubnd-cap-xa', createdAt: 1_760_000_000_000 + s * 60_000, demo: false, origin: 'local' });
    events.push({ id: `e-${i.toString(36)}-${(i * 7919).toString(36)}`, sessionId: `dossier:code:1.001193:H${s}`, checkId: checks[i % 10], state: i % 7 ? 'done' : 'na', ...(i % 7 ? {} : { note: 'Hồ sơ nộp trực tuyến, đã có bản điện tử, "không cần"' }), staff: 'Cán bộ Một cửa', unit: 'ubnd-cap-xa', at: 1_760_000_000_000 + i * 6_000, demo: false });
  }
  const data = { sessions, events };
  const label = (id: string) => id;
  const figures: Record<string, Figure> = {};
  globalThis.gc?.();
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  const sample = () => (peak = Math.max(peak, process.memoryUsage().heapUsed));
  const time = async <T>(fn: () => T | Promise<T>): Promise<{ ms: number; out: T }> => {
    const t0 = performance.now();
    const out = await fn();
    const ms = performance.now() - t0;
    sample();
    return { ms, out };
  };
  // export100kCsvMs includes building the rows (what a user waits for); the
  // ratio compares serializing the same prebuilt rows both ways.
  const csv = await time(() => toCsv(longRows(data, label, H)));
  const rows = longRows(data, label, H);
  const csvOnly = await time(() => toCsv(rows));
  const stringify = await time(() => JSON.stringify(rows));
  const wide = await time(() => toCsv(wideRows(data, checks.map((id) => ({ id, label: id })), H)));
  const json = await time(() => buildExportFile(data, [], { staff: 'Cán bộ', unit: 'ubnd-cap-xa' }, {}).then((f) => JSON.stringify(f)));
  const xlsx = await time(() => toXlsx([{ name: 'Sự kiện', rows }, { name: 'Theo hồ sơ', rows: wideRows(data, checks.map((id) => ({ id, label: id })), H) }]));
  figures.export100kCsvMs = { value: Math.round(csv.ms), unit: 'ms', note: `100,000 events, one row per event (${(csv.out.length / 1e6).toFixed(1)} M chars); aim ≤ 2000` };
  figures.export100kCsvWideMs = { value: Math.round(wide.ms), unit: 'ms', note: '10,000 filings × 10 check columns' };
  figures.export100kXlsxMs = { value: Math.round(xlsx.ms), unit: 'ms', note: `events sheet + filings sheet (${(xlsx.out.size / 1e6).toFixed(1)} MB)` };
  figures.export100kJsonMs = { value: Math.round(json.ms), unit: 'ms', note: `with SHA-256 over canonical JSON (${(json.out.length / 1e6).toFixed(1)} MB)` };
  figures.exportCsvVsStringify = { value: round(csvOnly.ms / stringify.ms), unit: 'x', note: `toCsv ÷ JSON.stringify of the same 100,001 rows (${Math.round(csvOnly.ms)} vs ${Math.round(stringify.ms)} ms); aim ≤ 3` };
  figures.exportPeakHeapBytes = { value: peak - base, unit: 'bytes', note: 'largest heap growth seen after an export, over the 100k-event data set (Node, sampled between exports)' };
  return figures;
}
