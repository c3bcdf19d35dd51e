import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { FIXTURES } from '../fixtures/index';
import { fixtureSource } from '../fixtures/load';
import { expect, launchWithExtension, servePages, tabIdOf, test } from './fixtures';
import { CHECKLIST, LONG_FLOW } from './timeouts';

const dossier = FIXTURES.find((f) => f.file === 'lib/adapters/thanhhoa-motcua/fixtures/dossier-modal.html')!;
const detail = FIXTURES.find((f) => f.file === 'lib/adapters/national-old/fixtures/procedure-detail.html')!;

async function openPanel(page: Page, extensionId: string, tabId: number): Promise<void> {
  await page.goto(`chrome-extension://${extensionId}/sidepanel.html?tab=${tabId}`);
  await expect(page.getByTestId('checklist')).toBeVisible({ timeout: CHECKLIST });
  // The checklist is folded to its progress line until opened (the choice is remembered).
  const toggle = page.getByTestId('checklist-toggle');
  if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
}

test('ticks on a dossier are kept in IndexedDB across reloads and tabs, export as CSV and JSON, and import on the report page', async ({ ext }) => {
  test.setTimeout(LONG_FLOW);
  await servePages(ext.context, new Map([[dossier.url, fixtureSource(dossier)]]));
  const page = await ext.context.newPage();
  await page.goto(dossier.url);
  const tabId = await tabIdOf(ext.worker, dossier.url);
  const panel = await ext.context.newPage();
  await openPanel(panel, ext.extensionId, tabId);
  await expect(panel.getByTestId('session-label')).toContainText(dossier.dossierCode!);
  // Birth registration shows the interlinked birth group, not the death one.
  await expect(panel.getByTestId('check-lien-thong-khai-sinh')).toBeVisible();
  await expect(panel.getByTestId('check-lien-thong-khai-tu')).toHaveCount(0);

  await panel.getByTestId('check-dinh-danh').getByTestId('tick-done').click();
  await expect(panel.getByTestId('check-dinh-danh')).toHaveAttribute('data-state', 'done');
  await panel.getByTestId('check-so-hoa').getByTestId('tick-na').click();
  await panel.getByTestId('check-so-hoa').getByTestId('na-note').fill('Hồ sơ nộp trực tuyến, đã có bản điện tử');
  await panel.getByTestId('check-so-hoa').getByTestId('na-note-save').click();
  await expect(panel.getByTestId('check-so-hoa')).toHaveAttribute('data-state', 'na');
  await panel.getByTestId('check-thanh-toan').getByTestId('tick-done').click();
  await panel.getByTestId('check-thanh-toan').getByTestId('tick-clear').click();
  await expect(panel.getByTestId('check-thanh-toan')).toHaveAttribute('data-state', 'none');

  // A second panel (another tab) sees the same state live.
  const other = await ext.context.newPage();
  await openPanel(other, ext.extensionId, tabId);
  await expect(other.getByTestId('check-dinh-danh')).toHaveAttribute('data-state', 'done');
  await other.getByTestId('check-luu-ket-qua').getByTestId('tick-done').click();
  await expect(panel.getByTestId('check-luu-ket-qua')).toHaveAttribute('data-state', 'done');

  // Reload the portal page and the panel: nothing lost.
  await page.reload();
  await panel.reload();
  await expect(panel.getByTestId('check-dinh-danh')).toHaveAttribute('data-state', 'done', { timeout: CHECKLIST });
  await expect(panel.getByTestId('check-so-hoa')).toHaveAttribute('data-state', 'na');
  await expect(panel.getByTestId('check-so-hoa').getByTestId('na-note')).toHaveValue('Hồ sơ nộp trực tuyến, đã có bản điện tử');

  // Nothing personal from the dossier screen is stored.
  const stored = await panel.evaluate(async () => {
    const open = indexedDB.open('da06-journal');
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const all = async (store: string) =>
      new Promise<unknown[]>((resolve) => {
        const r = db.transaction(store).objectStore(store).getAll();
        r.onsuccess = () => resolve(r.result);
      });
    return JSON.stringify([await all('sessions'), await all('events')]);
  });
  expect(stored).toContain(dossier.dossierCode!);
  for (const s of dossier.forbidden ?? []) expect(stored).not.toContain(s);

  // Export CSV (per filing) and JSON from the panel.
  await panel.getByText('Xuất dữ liệu cho lãnh đạo').click();
  const [csvDownload] = await Promise.all([panel.waitForEvent('download'), panel.getByTestId('export-csv-wide').click()]);
  const csv = readFileSync((await csvDownload.path())!, 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toContain(dossier.dossierCode!);
  expect(csv).toContain('Không áp dụng: Hồ sơ nộp trực tuyến, đã có bản điện tử');
  const [jsonDownload] = await Promise.all([panel.waitForEvent('download'), panel.getByTestId('export-json').click()]);
  const jsonText = readFileSync((await jsonDownload.path())!, 'utf8');
  const exported = JSON.parse(jsonText) as { format: string; events: unknown[]; checksum: string };
  expect(exported.format).toBe('da06-journal-export');
  expect(exported.events).toHaveLength(6);

  // A supervisor's browser: import the JSON and a corrupt file.
  const supervisor = await launchWithExtension();
  try {
    const report = await supervisor.context.newPage();
    await report.goto(`chrome-extension://${supervisor.extensionId}/report.html`);
    await expect(report.getByTestId('report-empty')).toBeVisible();
    await report.getByTestId('import-files').setInputFiles([
      { name: 'can-bo-a.json', mimeType: 'application/json', buffer: Buffer.from(jsonText) },
    ]);
    await expect(report.getByTestId('import-outcome')).toHaveAttribute('data-status', 'imported');
    await expect(report.getByTestId('total-events')).toHaveText('6');
    await expect(report.getByTestId('total-sessions')).toHaveText('1');
    await expect(report.getByTestId('table-by-check').locator('tr[data-key="dinh-danh"] [data-testid="rate"]')).toHaveText('100%');
    await expect(report.locator('canvas').first()).toBeVisible();

    const corrupt = jsonText.slice(0, Math.floor(jsonText.length * 0.6));
    const tampered = jsonText.replace('"state":"done"', '"state":"na"');
    await report.getByTestId('import-files').setInputFiles([
      { name: 'hong.json', mimeType: 'application/json', buffer: Buffer.from(corrupt) },
      { name: 'bi-sua.json', mimeType: 'application/json', buffer: Buffer.from(tampered) },
      { name: 'can-bo-a-lan-2.json', mimeType: 'application/json', buffer: Buffer.from(jsonText) },
    ]);
    const outcomes = report.getByTestId('import-outcome');
    await expect(outcomes).toHaveCount(3);
    await expect(outcomes.nth(0)).toHaveAttribute('data-status', 'rejected');
    await expect(outcomes.nth(0)).toContainText('hong.json');
    await expect(outcomes.nth(0)).toContainText('không đọc được JSON');
    await expect(outcomes.nth(1)).toContainText('bi-sua.json');
    await expect(outcomes.nth(1)).toContainText('checksum');
    await expect(outcomes.nth(2)).toHaveAttribute('data-status', 'already-imported');
    await expect(report.getByTestId('total-events')).toHaveText('6');
  } finally {
    await supervisor.context.close();
  }
});

test('a page without a dossier code asks for a session name and restores the session later', async ({ ext }) => {
  await servePages(ext.context, new Map([[detail.url, fixtureSource(detail)]]));
  const page = await ext.context.newPage();
  await page.goto(detail.url);
  const tabId = await tabIdOf(ext.worker, detail.url);
  const panel = await ext.context.newPage();
  await openPanel(panel, ext.extensionId, tabId);
  await expect(panel.getByTestId('check-dinh-danh')).toHaveCount(0);
  await panel.getByTestId('session-name').fill('Demo lớp tập huấn 1');
  await panel.getByTestId('session-start').click();
  await panel.getByTestId('check-dinh-danh').getByTestId('tick-done').click();
  await expect(panel.getByTestId('checklist-progress')).toContainText('Đã làm 1/');
  await panel.reload();
  await expect(panel.getByTestId('checklist')).toBeVisible({ timeout: CHECKLIST });
  await panel.getByTestId('session-select').selectOption({ label: 'Demo lớp tập huấn 1' });
  await expect(panel.getByTestId('check-dinh-danh')).toHaveAttribute('data-state', 'done');
});

test('custom checks added in Options appear on matching filings and go away when retired; the profile goes on ticks', async ({ ext }) => {
  await servePages(ext.context, new Map([[dossier.url, fixtureSource(dossier)]]));
  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await options.getByTestId('profile-name').fill('Nguyễn Văn Cán Bộ');
  await options.getByTestId('profile-name').blur();
  // A commune officer: the real office in words, the plan units it stands for from the registry.
  await options.getByTestId('profile-office').fill('UBND phường Hạc Thành');
  await options.getByTestId('profile-office').blur();
  await expect(options.getByTestId('plan-unit-level')).toHaveValue('commune');
  await expect(options.getByTestId('plan-units').getByText('Bộ Công an')).toHaveCount(0);
  await options.getByTestId('plan-unit-kind').selectOption('ubnd');
  await options.getByTestId('plan-unit-ubnd-cap-xa').check();
  await expect(options.getByTestId('plan-units-chosen')).toContainText('UBND cấp xã');
  // A district unit says it ended and who took over.
  await options.getByTestId('plan-unit-level').selectOption('district');
  await expect(options.getByTestId('plan-units')).toContainText('Công an huyện (đã kết thúc 30/06/2025; nay là Công an cấp xã)');
  await options.getByTestId('custom-label').fill('Đối chiếu giấy chứng sinh điện tử');
  await options.getByTestId('custom-topic').selectOption('khai-sinh');
  await options.getByTestId('custom-add').click();
  // The form clears its field once the first check is stored; wait for it before typing the next.
  await expect(options.getByTestId('custom-list').locator('li')).toHaveCount(1);
  await options.getByTestId('custom-label').fill('Việc cho hồ sơ đất đai');
  await options.getByTestId('custom-topic').selectOption('dat-dai');
  await options.getByTestId('custom-add').click();
  await expect(options.getByTestId('custom-list').locator('li')).toHaveCount(2);

  const page = await ext.context.newPage();
  await page.goto(dossier.url);
  const tabId = await tabIdOf(ext.worker, dossier.url);
  const panel = await ext.context.newPage();
  await openPanel(panel, ext.extensionId, tabId);
  const custom = panel.locator('[data-testid^="check-custom-"]');
  await expect(custom).toHaveCount(1);
  await expect(custom).toContainText('Đối chiếu giấy chứng sinh điện tử');
  await custom.getByTestId('tick-done').click();
  await expect(custom).toHaveAttribute('data-state', 'done');
  const staff = await panel.evaluate(async () => {
    const open = indexedDB.open('da06-journal');
    const db: IDBDatabase = await new Promise((r) => (open.onsuccess = () => r(open.result)));
    return new Promise<{ staff: string; unit: string }[]>((r) => {
      const q = db.transaction('events').objectStore('events').getAll();
      q.onsuccess = () => r(q.result as { staff: string; unit: string }[]);
    });
  });
  expect(staff[0]).toMatchObject({ staff: 'Nguyễn Văn Cán Bộ', unit: 'UBND phường Hạc Thành' });

  await options.getByTestId('custom-list').locator('li', { hasText: 'giấy chứng sinh' }).getByRole('button', { name: 'Bỏ' }).click();
  await expect(custom).toHaveCount(0);
});

/** Rows of a CSV export (RFC 4180 quoting, BOM and CRLF as the exports write them). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ';') { // the exports' separator (lib/export/csv.ts)
      endCell();
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else {
      cell += c;
    }
  }
  return rows;
}

test('a dossier filing keeps its officer: the session, the CSV row and the report carry the profile', async ({ ext }) => {
  test.setTimeout(LONG_FLOW);
  // The officer's profile, saved in Options before any dossier is opened (a trainer: demo mode on).
  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await options.getByTestId('profile-name').fill('Lê Thị Một Cửa');
  await options.getByTestId('profile-name').blur();
  // Its office in words, and the plan unit it stands for chosen from the registry.
  await options.getByTestId('profile-office').fill('UBND xã Quảng Phú');
  await options.getByTestId('profile-office').blur();
  await options.getByTestId('plan-unit-ubnd-cap-xa').check();
  await options.getByTestId('profile-demo').check();
  await expect(options.getByRole('status')).toHaveText('Đã lưu');
  const unitName = 'UBND xã Quảng Phú';

  await servePages(ext.context, new Map([[dossier.url, fixtureSource(dossier)]]));
  const page = await ext.context.newPage();
  await page.goto(dossier.url);
  const tabId = await tabIdOf(ext.worker, dossier.url);
  const panel = await ext.context.newPage();
  await openPanel(panel, ext.extensionId, tabId);
  await panel.getByTestId('check-dinh-danh').getByTestId('tick-done').click();
  await expect(panel.getByTestId('check-dinh-danh')).toHaveAttribute('data-state', 'done');

  // The session record itself (what reports and the per-filing CSV read), not only the tick.
  const sessions = await panel.evaluate(async () => {
    const open = indexedDB.open('da06-journal');
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    return new Promise<{ id: string; staff: string; unit: string; demo: boolean }[]>((resolve) => {
      const q = db.transaction('sessions').objectStore('sessions').getAll();
      q.onsuccess = () => resolve(q.result as { id: string; staff: string; unit: string; demo: boolean }[]);
    });
  });
  expect(sessions).toHaveLength(1);
  expect(sessions[0]).toMatchObject({ staff: 'Lê Thị Một Cửa', unit: unitName, demo: true });

  // The per-filing CSV: "Cán bộ" and "Đơn vị" of the dossier's row.
  await panel.getByText('Xuất dữ liệu cho lãnh đạo').click();
  await panel.getByTestId('export-demo').check();
  const [download] = await Promise.all([panel.waitForEvent('download'), panel.getByTestId('export-csv-wide').click()]);
  const [header, ...rows] = parseCsv(readFileSync((await download.path())!, 'utf8'));
  const row = rows.find((r) => r.includes(dossier.dossierCode!));
  expect(row, 'the dossier has a row').toBeDefined();
  expect(row![header.indexOf('Cán bộ')]).toBe('Lê Thị Một Cửa');
  expect(row![header.indexOf('Đơn vị')]).toBe(unitName);
  expect(row![header.indexOf('Demo')]).toBe('Có');

  // The report page counts the filing under the officer's unit, not "—".
  const report = await ext.context.newPage();
  await report.goto(`chrome-extension://${ext.extensionId}/report.html`);
  await report.getByTestId('report-demo').check();
  await expect(report.getByTestId('total-sessions')).toHaveText('1');
  const byUnit = report.getByTestId('table-by-unit').locator('tbody tr');
  await expect(byUnit).toHaveCount(1);
  await expect(byUnit.first()).toContainText(unitName);
  await expect(report.getByTestId('report-totals')).toContainText('Lê Thị Một Cửa');
});
