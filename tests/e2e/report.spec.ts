import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { launchWithExtension as launch } from '../../scripts/chromium';
import { buildExportFile } from '../../lib/exchange/format';
import type { FilingSession, TickEvent } from '../../lib/journal/db';
import { readWithLibreOffice } from '../libreoffice';
import { EXTENSION_PATH } from './fixtures';
import { LONG_FLOW, WORKER_START } from './timeouts';

/*
 * The supervisor's report page as a leader receives it (issue 12 "Report",
 * "Exports") and as a malformed database leaves it (issue 15 cause 4).
 * Data is written straight into the page's IndexedDB, then the page reloads.
 *
 * Screenshots go to e2e-artifacts/report/<name>-<tag>.png; the tag is
 * DA06_ARTIFACT_TAG (default "after"). DA06_EXTENSION_PATH runs the same spec
 * against another build (the "before" screenshots came from main's build).
 */

const EXT = resolve(process.env.DA06_EXTENSION_PATH ?? EXTENSION_PATH);
const TAG = process.env.DA06_ARTIFACT_TAG ?? 'after';
const ARTIFACTS = resolve('e2e-artifacts/report');

const test = base.extend<{ ext: { context: BrowserContext; extensionId: string } }>({
  // eslint-disable-next-line no-empty-pattern
  ext: async ({}, provide) => {
    const context = await launch(EXT);
    let [worker] = context.serviceWorkers();
    if (!worker) worker = await context.waitForEvent('serviceworker', { timeout: WORKER_START });
    await provide({ context, extensionId: new URL(worker.url()).host });
    await context.close();
  },
});

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}-${TAG}.png`), fullPage: true });
}

const CUSTOM_ID = 'custom-mwtnifkm-n6y3';
const CUSTOM_LABEL = 'Hướng dẫn công dân cài VNeID ngay tại quầy';
const UNDEFINED_CUSTOM = 'custom-khong-ro-noi-dung';
const OFFICE = 'UBND phường Hạc Thành';
const LONG_PROCEDURE = 'Đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi (liên thông)';

interface Rows {
  sessions: Record<string, unknown>[];
  events: Record<string, unknown>[];
  customChecks?: Record<string, unknown>[];
}

/**
 * Twelve real filings of one procedure in the week of 16–22 Nov 2026 (8 of 12 identified:
 * 66,7% against a 100% target), three of another (online payment: a target, too few
 * filings), one filed at 06:30 on Monday 23 Nov in Hà Nội (23:30 UTC on the 22nd), and
 * one demo filing.
 */
function sampleRows(): Rows {
  const sessions: Record<string, unknown>[] = [];
  const events: Record<string, unknown>[] = [];
  const base = { staff: 'Lê Thị Một Cửa', unit: OFFICE, origin: 'local' };
  const at = (iso: string) => Date.parse(iso);
  for (let i = 0; i < 12; i++) {
    const id = `s-${String.fromCharCode(122 - i)}`; // ids run against time
    const t = at(`2026-11-${String(16 + (i % 6)).padStart(2, '0')}T0${2 + (i % 5)}:00:00Z`);
    sessions.push({ ...base, id, procedureKey: 'code:1.001193', procedureCode: '1.001193', procedureName: LONG_PROCEDURE, dossierCode: `H56.${100 + i}`, label: `H56.${100 + i}`, checkIds: ['dinh-danh', CUSTOM_ID, UNDEFINED_CUSTOM], createdAt: t, demo: false });
    if (i < 8) events.push({ ...base, id: `e-dd-${i}`, sessionId: id, checkId: 'dinh-danh', state: 'done', at: t + 60_000, demo: false });
    if (i < 6) events.push({ ...base, id: `e-cu-${i}`, sessionId: id, checkId: CUSTOM_ID, state: 'done', at: t + 120_000, demo: false });
  }
  for (let i = 0; i < 3; i++) {
    const id = `p-${i}`;
    const t = at(`2026-11-18T0${3 + i}:00:00Z`);
    sessions.push({ ...base, id, procedureKey: 'code:1.000656', procedureCode: '1.000656', procedureName: 'Đăng ký khai tử', dossierCode: `H56.${200 + i}`, label: `H56.${200 + i}`, checkIds: ['thanh-toan'], createdAt: t, demo: false });
    if (i < 2) events.push({ ...base, id: `e-tt-${i}`, sessionId: id, checkId: 'thanh-toan', state: 'done', at: t + 60_000, demo: false });
  }
  // Monday 23 Nov 06:30 in Hà Nội.
  sessions.push({ ...base, id: 'monday-early', procedureKey: 'code:1.000656', procedureCode: '1.000656', procedureName: 'Đăng ký khai tử', dossierCode: 'H56.300', label: 'H56.300', checkIds: ['thanh-toan', 'luu-ket-qua'], createdAt: at('2026-11-22T23:30:00Z'), demo: false });
  events.push({ ...base, id: 'e-monday', sessionId: 'monday-early', checkId: 'thanh-toan', state: 'na', note: 'Miễn lệ phí', at: at('2026-11-22T23:35:00Z'), demo: false });
  // Training.
  sessions.push({ ...base, id: 'demo-1', procedureKey: 'code:1.001193', procedureCode: '1.001193', procedureName: LONG_PROCEDURE, label: 'Lớp tập huấn', checkIds: ['dinh-danh'], createdAt: at('2026-11-19T02:00:00Z'), demo: true });
  events.push({ ...base, id: 'e-demo', sessionId: 'demo-1', checkId: 'dinh-danh', state: 'done', at: at('2026-11-19T02:01:00Z'), demo: true });
  return {
    sessions,
    events,
    customChecks: [{ id: CUSTOM_ID, label: CUSTOM_LABEL, appliesTo: 'all', createdAt: at('2026-11-01T00:00:00Z'), updatedAt: at('2026-11-01T00:00:00Z') }],
  };
}

/** Opens the report (creating the database), writes rows into IndexedDB as stored, sets the office, reloads. */
async function openReportWith(ext: { context: BrowserContext; extensionId: string }, rows: Rows, locale: 'vi' | 'en' = 'vi'): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/report.html`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.evaluate(async ({ rows, office, locale }) => {
    const local = chrome.storage.local as unknown as { set(items: Record<string, unknown>): Promise<void> };
    await local.set({ 'da06.locale': locale });
    await local.set({ 'da06.profile': { name: 'Nguyễn Văn Giám Sát', unitId: '', office, planUnitIds: [], level: 'xa', demo: false }, 'da06.profile$': { v: 2 } });
    const db: IDBDatabase = await new Promise((ok, fail) => {
      const r = indexedDB.open('da06-journal');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    const stores = (['sessions', 'events', 'customChecks'] as const).filter((s) => rows[s] && db.objectStoreNames.contains(s));
    await new Promise<void>((ok, fail) => {
      const tx = db.transaction(stores, 'readwrite');
      for (const s of stores) for (const row of rows[s] ?? []) tx.objectStore(s).put(row);
      tx.oncomplete = () => ok();
      tx.onerror = () => fail(tx.error);
    });
    db.close();
  }, { rows, office: OFFICE, locale });
  await page.reload();
  return page;
}

/** Serious or critical axe violations, as "id: target" lines. */
async function seriousAxe(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

test('report for a leader: office, period, date printed, demo marker, custom checks by wording, vi-VN rates, too few to judge, local weeks, print layout', async ({ ext }) => {
  test.setTimeout(LONG_FLOW);
  const page = await openReportWith(ext, sampleRows());
  await page.getByTestId('report-demo').check();
  await expect(page.getByTestId('table-by-week')).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await shot(page, 'report-print');
  await page.emulateMedia({ media: 'screen' });
  await shot(page, 'report-screen');
  await expect(page.getByTestId('total-sessions')).toHaveText('17');

  // The header a leader signs under.
  await expect(page.getByTestId('report-office')).toHaveText(OFFICE);
  await expect(page.getByTestId('report-period')).toHaveText('16/11/2026 – 23/11/2026');
  await expect(page.getByTestId('report-printed')).toHaveText(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
  await expect(page.getByTestId('demo-marker')).toContainText('DỮ LIỆU DEMO');
  await expect(page.getByTestId('report-rules')).toContainText('Asia/Ho_Chi_Minh');
  await expect(page.getByTestId('report-rules')).toContainText('từ 10 lượt áp dụng');

  // Custom checks by their wording: table, chart, check filter; never the raw id on the page.
  const byCheck = page.getByTestId('table-by-check');
  await expect(byCheck.locator(`tr[data-key="${CUSTOM_ID}"] th`)).toHaveText(CUSTOM_LABEL);
  await expect(page.getByTestId('report-check').locator('option', { hasText: CUSTOM_LABEL })).toHaveCount(1);
  await expect(page.getByTestId('report-check').locator('option', { hasText: 'không có nội dung' })).toHaveCount(1);
  const chartLabels = JSON.parse((await page.getByTestId('rate-chart').first().getAttribute('data-labels'))!) as string[];
  expect(chartLabels).toContain(CUSTOM_LABEL);
  await expect(page.locator('main')).not.toContainText(new RegExp(`(^|[^:] )${CUSTOM_ID}`));
  // Full labels in charts: nothing cut with "…".
  const procedureLabels = JSON.parse((await page.getByTestId('rate-chart').nth(1).getAttribute('data-labels'))!) as string[];
  expect(procedureLabels).toContain(LONG_PROCEDURE);
  for (const l of [...chartLabels, ...procedureLabels]) expect(l).not.toContain('…');

  // Rates the Vietnamese way; ✗ only from the stated sample size.
  const dinhDanh = byCheck.locator('tr[data-key="dinh-danh"]');
  await expect(dinhDanh.getByTestId('rate')).toHaveText('69,2%'); // 8 + 1 demo of 13
  await expect(dinhDanh.getByTestId('verdict')).toHaveAttribute('data-verdict', 'missed');
  const thanhToan = byCheck.locator('tr[data-key="thanh-toan"]');
  await expect(thanhToan.getByTestId('rate')).toHaveText('66,7%');
  await expect(thanhToan.getByTestId('verdict')).toHaveAttribute('data-verdict', 'too-few');
  await expect(thanhToan.getByTestId('verdict')).toContainText('chưa đủ hồ sơ để đánh giá');
  await expect(thanhToan.getByTestId('verdict')).not.toContainText('chưa đạt');

  // Weeks in local time: the Monday 06:30 filing is in week 48, not 47.
  const weeks = page.getByTestId('table-by-week').locator('tbody th');
  await expect(weeks).toHaveText(['Tuần 47/2026 (từ 16/11/2026)', 'Tuần 48/2026 (từ 23/11/2026)']);

  // Without demo data: no marker.
  await page.getByTestId('report-demo').uncheck();
  await expect(page.getByTestId('demo-marker')).toHaveCount(0);
  await expect(dinhDanh.getByTestId('rate')).toHaveText('66,7%');

  expect(await seriousAxe(page)).toEqual([]);
});

test('the report\'s exports follow its filter, in local time, and the CSV opens in columns in LibreOffice with Vietnamese settings', async ({ ext }) => {
  test.setTimeout(LONG_FLOW);
  const page = await openReportWith(ext, sampleRows());
  // Only Monday 23 Nov (local), which in UTC began on the 22nd.
  await page.getByTestId('report-from').fill('2026-11-23');
  await page.getByTestId('report-to').fill('2026-11-23');
  await expect(page.getByTestId('total-sessions')).toHaveText('1');
  await expect(page.getByTestId('export-scope')).toContainText('23/11/2026');
  await expect(page.getByTestId('export-from')).toHaveCount(0); // one filter state: no second date range

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv-long').click()]);
  // Today's date in Hà Nội, not in UTC (they differ from 17:00 to 24:00 UTC).
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
  expect(download.suggestedFilename()).toBe(`da06-su-kien-${today}.csv`);
  const path = (await download.path())!;
  const text = readFileSync(path, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const file = join(ARTIFACTS, `report-export-${TAG}.csv`);
  mkdirSync(ARTIFACTS, { recursive: true });
  await download.saveAs(file);
  const [sheet] = readWithLibreOffice(file);
  expect(sheet.rows).toHaveLength(2); // heading + the one tick of that day
  const [head, row] = sheet.rows;
  expect(head).toHaveLength(12);
  expect(head[1]).toBe('Thời điểm (Asia/Ho_Chi_Minh, UTC+07:00)');
  expect(row[1]).toBe('2026-11-23 06:35:00');
  expect(row[head.indexOf('Tên thủ tục')]).toBe('Đăng ký khai tử');
  expect(row[head.indexOf('Trạng thái')]).toBe('Không áp dụng');
  expect(row[head.indexOf('Ghi chú')]).toBe('Miễn lệ phí');
  expect(row[head.indexOf('Việc cần làm')]).toContain('thanh toán trực tuyến');

  // The check filter narrows the per-filing export too; custom checks are columns with their wording.
  await page.getByTestId('report-from').fill('');
  await page.getByTestId('report-to').fill('');
  await page.getByTestId('report-check').selectOption(CUSTOM_ID);
  await expect(page.getByTestId('table-by-check').locator('tbody tr')).toHaveCount(1);
  const [wide] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv-wide').click()]);
  const wideFile = join(ARTIFACTS, `report-export-wide-${TAG}.csv`);
  await wide.saveAs(wideFile);
  const [w] = readWithLibreOffice(wideFile);
  expect(w.rows[0].slice(8)).toEqual([CUSTOM_LABEL]); // that check's column only
  // Every filing that showed the check (12), ticked or not; six done.
  expect(w.rows).toHaveLength(1 + 12);
  const col = w.rows[0].indexOf(CUSTOM_LABEL);
  expect(w.rows.filter((r) => r[col] === 'Đã làm')).toHaveLength(6);

  // The XLSX of the same scope: three sheets, the custom check by its wording, rates as numbers.
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
  const xlsxFile = join(ARTIFACTS, `report-export-${TAG}.xlsx`);
  await xlsx.saveAs(xlsxFile);
  const sheets = readWithLibreOffice(xlsxFile);
  expect(sheets).toHaveLength(3);
  expect(sheets[0].rows[1].slice(0, 4)).toEqual([CUSTOM_LABEL, '6', '12', '50']);
  expect(sheets[1].rows).toHaveLength(1 + 12);
  expect(sheets[2].rows[0][1]).toBe('Thời điểm (Asia/Ho_Chi_Minh, UTC+07:00)');
});

test('attack: rejected import file on the report → outcome announced, no serious axe violation (li[role=alert] in ul)', async ({ ext }) => {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/report.html`);
  await page.getByTestId('import-files').setInputFiles([{ name: 'hong.json', mimeType: 'application/json', buffer: Buffer.from('{"format":') }]);
  await expect(page.getByTestId('import-outcome')).toHaveAttribute('data-status', 'rejected');
  await expect(page.getByRole('alert').filter({ hasText: 'hong.json' })).toBeVisible();
  expect(await seriousAxe(page)).toEqual([]);
});

test('attack: malformed rows in IndexedDB (checkIds not a list, no time, unknown state) → report opens, "3 dòng hỏng đã bỏ qua", import, filters and export still there', async ({ ext }) => {
  test.setTimeout(LONG_FLOW);
  const rows = sampleRows();
  // checkIds a number: what took the page down ("n.checkIds is not iterable"); a ticked filing, so every filter keeps it.
  rows.sessions.push({ id: 'bad-1', procedureKey: 'x', procedureName: 'X', label: 'X', checkIds: 7, staff: '', unit: '', createdAt: Date.parse('2026-11-18T03:00:00Z'), demo: false, origin: 'local' });
  rows.events.push({ id: 'tick-on-bad-1', sessionId: 'bad-1', checkId: 'dinh-danh', state: 'done', staff: '', unit: '', at: Date.parse('2026-11-18T03:01:00Z'), demo: false });
  rows.events.push({ id: 'bad-2', sessionId: 's-z', checkId: 'dinh-danh', state: 'done', staff: '', unit: '', demo: false });
  rows.events.push({ id: 'bad-3', sessionId: 's-z', checkId: 'dinh-danh', state: 'xong', at: Date.parse('2026-11-18T03:00:00Z'), staff: '', unit: '', demo: false });
  const page = await openReportWith(ext, rows);
  await shot(page, 'report-bad-rows');
  await expect(page.getByTestId('bad-rows')).toContainText('3 dòng hỏng đã bỏ qua');
  await expect(page.getByTestId('import-files')).toBeVisible();
  await expect(page.getByTestId('report-check')).toBeVisible();
  await expect(page.getByTestId('export-controls')).toBeVisible();
  await expect(page.getByTestId('total-sessions')).toHaveText('16');
  await expect(page.getByTestId('table-by-check').locator('tr[data-key="dinh-danh"] [data-testid="rate"]')).toHaveText('66,7%');
  // Export still works and leaves the bad rows out.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv-long').click()]);
  const text = readFileSync((await download.path())!, 'utf8');
  expect(text).not.toContain('bad-');
  expect(text).not.toContain('tick-on-bad-1');
  expect(await seriousAxe(page)).toEqual([]);
});

test('attack: canvas blocked in the browser (getContext throws) → each chart says it failed, tables, import, filters and export stay', async ({ ext }) => {
  test.setTimeout(LONG_FLOW);
  // As with hardened browsers that refuse canvas access.
  await ext.context.addInitScript(() => {
    HTMLCanvasElement.prototype.getContext = () => {
      throw new Error('canvas blocked');
    };
  });
  const page = await openReportWith(ext, sampleRows());
  await expect(page.getByTestId('section-failed')).toHaveCount(4);
  await expect(page.getByTestId('section-failed').first()).toContainText('không hiển thị được');
  await expect(page.getByTestId('table-by-check').locator('tr[data-key="dinh-danh"] [data-testid="rate"]')).toHaveText('66,7%');
  await expect(page.getByTestId('table-by-week')).toBeVisible();
  await expect(page.getByTestId('import-files')).toBeVisible();
  await expect(page.getByTestId('report-check')).toBeVisible();
  await expect(page.getByTestId('export-xlsx')).toBeVisible();
  await shot(page, 'report-canvas-blocked');
});

test('a colleague\'s file with a custom check: the report, its filter and the per-filing CSV show the check\'s wording, not "custom-…"', async ({ ext }) => {
  test.setTimeout(LONG_FLOW);
  const rows = sampleRows();
  const sessions = rows.sessions.filter((s) => !s.demo).slice(0, 12) as unknown as FilingSession[];
  const events = rows.events.filter((e) => sessions.some((s) => s.id === e.sessionId)) as unknown as TickEvent[];
  // Only the custom check's definition travels here; library checks are known to every browser.
  const checks = [{ id: CUSTOM_ID, source: 'custom' as const, label: { vi: CUSTOM_LABEL, en: CUSTOM_LABEL }, targets: [] }];
  const file = await buildExportFile({ sessions, events }, checks, { staff: 'Lê Thị Một Cửa', unit: OFFICE }, {});
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/report.html`);
  await page.getByTestId('import-files').setInputFiles([{ name: 'dong-nghiep.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) }]);
  await expect(page.getByTestId('import-outcome')).toHaveAttribute('data-status', 'imported');
  await expect(page.getByTestId('table-by-check').locator(`tr[data-key="${CUSTOM_ID}"] th`)).toHaveText(CUSTOM_LABEL);
  await expect(page.getByTestId('report-check').locator('option', { hasText: CUSTOM_LABEL })).toHaveCount(1);
  await expect(page.locator('main')).not.toContainText(CUSTOM_ID);
  const [wide] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv-wide').click()]);
  const text = readFileSync((await wide.path())!, 'utf8');
  expect(text.split('\r\n')[0]).toContain(CUSTOM_LABEL);
  expect(text).not.toContain(CUSTOM_ID);
});

test('in English: rates "66.7%", "too few filings to judge", and the CSV in English with the zone in its heading', async ({ ext }) => {
  test.setTimeout(LONG_FLOW);
  const page = await openReportWith(ext, sampleRows(), 'en');
  const thanhToan = page.getByTestId('table-by-check').locator('tr[data-key="thanh-toan"]');
  await expect(thanhToan.getByTestId('rate')).toHaveText('66.7%');
  await expect(thanhToan.getByTestId('verdict')).toContainText('too few filings to judge');
  await expect(page.getByTestId('table-by-week').locator('tbody th').last()).toHaveText('Week 48/2026 (from 23 Nov 2026)');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv-long').click()]);
  const file = join(ARTIFACTS, `report-export-en-${TAG}.csv`);
  mkdirSync(ARTIFACTS, { recursive: true });
  await download.saveAs(file);
  const [sheet] = readWithLibreOffice(file);
  expect(sheet.rows[0][1]).toBe('Time (Asia/Ho_Chi_Minh, UTC+07:00)');
  const states = new Set(sheet.rows.slice(1).map((r) => r[sheet.rows[0].indexOf('State')]));
  expect([...states].sort()).toEqual(['Done', 'Not applicable']);
});
