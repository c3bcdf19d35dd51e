import type { Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures';

/*
 * The supervisor's report at province scale (issue 14). IndexedDB is seeded
 * from the page itself (raw IndexedDB puts in chunks, the shapes the importer
 * stores), then the report is opened as a supervisor would.
 */

const FILINGS = 200_000;
const CHECKS = ['dinh-danh', 'so-hoa', 'thanh-toan'];

/** Imported filings and their ticks, written straight into the journal's imported tables. */
async function seed(page: Page, filings: number): Promise<void> {
  await page.evaluate(
    async ({ filings, checks }) => {
      const open = indexedDB.open('da06-journal');
      const db: IDBDatabase = await new Promise((resolve, reject) => {
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const start = Date.UTC(2026, 9, 1);
      const CHUNK = 20_000;
      for (let from = 0; from < filings; from += CHUNK) {
        const tx = db.transaction(['importedSessions', 'importedEvents'], 'readwrite');
        const sessions = tx.objectStore('importedSessions');
        const events = tx.objectStore('importedEvents');
        for (let i = from; i < Math.min(filings, from + CHUNK); i++) {
          const unit = `xa-${String((i % 20) + 1).padStart(3, '0')}`;
          const staff = `Cán bộ ${i % 97}`;
          const key = JSON.stringify([staff, unit, `s${i}`]);
          const createdAt = start + (i % 28) * 86_400_000 + i;
          sessions.put({ key, id: `s${i}`, procedureKey: `code:1.00000${i % 7}`, procedureName: `Thủ tục ${i % 7}`, label: `Hồ sơ ${i}`, checkIds: checks, staff, unit, createdAt, demo: false, origin: 'seed' });
          // Every filing: the first check done; every second filing also the second check "not applicable".
          events.put({ id: `e${i}a`, sessionId: `s${i}`, sessionKey: key, checkId: checks[0], state: 'done', staff, unit, at: createdAt + 1000, demo: false, origin: 'seed' });
          if (i % 2) events.put({ id: `e${i}b`, sessionId: `s${i}`, sessionKey: key, checkId: checks[1], state: 'na', staff, unit, at: createdAt + 2000, demo: false, origin: 'seed' });
        }
        await new Promise<void>((resolve, reject) => {
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
      }
      db.close();
    },
    { filings, checks: CHECKS },
  );
}

const count = (n: number) => new RegExp(`^${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '[.,\\s\\u00a0]?')}$`);

test('a report of 200,000 filings opens, shows its figures and follows a filter change', async ({ ext }) => {
  test.setTimeout(300_000);
  const page = await ext.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`chrome-extension://${ext.extensionId}/report.html`);
  await expect(page.getByTestId('report-empty')).toBeVisible({ timeout: 30_000 });
  await seed(page, FILINGS);
  await page.reload();
  await expect(page.getByTestId('total-sessions')).toHaveText(count(FILINGS), { timeout: 120_000 });
  await expect(page.getByTestId('total-events')).toHaveText(count(FILINGS * 1.5));
  const row = (key: string) => page.getByTestId('table-by-check').locator(`tr[data-key="${key}"] [data-testid="rate"]`);
  await expect(row('dinh-danh')).toHaveText(/^100\s?%$/);
  // so-hoa: not applicable on every second filing, never done → 0 of 100,000.
  await expect(row('so-hoa')).toHaveText(/^0\s?%$/);
  await expect(page.getByText('Maximum call stack')).toHaveCount(0);
  // One commune of twenty: a twentieth of the filings.
  await page.getByTestId('report-unit').selectOption('xa-003');
  await expect(page.getByTestId('total-sessions')).toHaveText(count(FILINGS / 20), { timeout: 10_000 });
  await expect(page.getByTestId('report-handover')).toHaveCount(0);
  await page.getByTestId('report-totals').screenshot({ path: 'test-results/scale-200k-totals.png' });
  expect(errors).toEqual([]);
});

test('import runs on a worker with progress, and cancel keeps whole files only', async ({ ext }) => {
  test.setTimeout(300_000);
  const PER_FILE = 10_000;
  // Valid exports, exactly as the panel writes them (lib/report/generate through buildExportFile).
  const dir = mkdtempSync(join(tmpdir(), 'da06-e2e-'));
  execFileSync('npx', ['tsx', 'scripts/report/generate.ts', '--ticks', String(16 * PER_FILE), '--per-file', String(PER_FILE), '--out', dir, '--seed', '5']);
  const files = readdirSync(dir).sort().map((name) => ({ name, mimeType: 'application/json', buffer: readFileSync(join(dir, name)) }));
  rmSync(dir, { recursive: true, force: true });
  expect(files).toHaveLength(16);
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/report.html`);
  await expect(page.getByTestId('report-empty')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('import-files').setInputFiles(files);
  // Progress: file n of 16, rows so far, time left.
  const text = page.getByTestId('import-progress-text');
  await expect(text).toHaveText(/Tệp ([2-9]|1[0-5])\/16 · [\d.]+ dòng · còn khoảng/, { timeout: 120_000 });
  await expect(page.getByTestId('import-progress').locator('progress')).toBeVisible();
  await page.getByTestId('import-progress').screenshot({ path: 'test-results/scale-import-progress.png' });
  await page.getByTestId('import-cancel').click();
  await expect(page.getByTestId('import-stopped')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('import-progress')).toHaveCount(0);
  const imported = await page.locator('[data-testid="import-outcome"][data-status="imported"]').count();
  expect(imported).toBeGreaterThan(0);
  expect(imported).toBeLessThan(16);
  // Each file all or nothing: the report holds exactly the imported files' ticks, and the rest are named as not imported.
  await expect(page.getByTestId('total-events')).toHaveText(count(imported * PER_FILE), { timeout: 60_000 });
  await expect(page.getByTestId('import-stopped').locator('p')).toHaveCount(1 + 16 - imported);
  // The rest can be imported afterwards; a file already in is recognised.
  await page.getByTestId('import-files').setInputFiles(files.slice(0, imported + 1));
  await expect(page.locator('[data-testid="import-outcome"][data-status="already-imported"]')).toHaveCount(imported, { timeout: 120_000 });
  await expect(page.getByTestId('total-events')).toHaveText(count((imported + 1) * PER_FILE), { timeout: 60_000 });
});
