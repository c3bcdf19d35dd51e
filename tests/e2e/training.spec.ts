import { readdirSync, readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { DEMO_DOSSIERS, DEMO_SCREENS } from '../../lib/training/screens';
import type { Tour } from '../../lib/training/tour';
import { FIXTURES } from '../fixtures/index';
import { fixtureSource } from '../fixtures/load';
import { expect, servePages, tabIdOf, test } from './fixtures';
import { CHECKLIST, LONG_FLOW, PANEL_LIST, RECOGNIZED } from './timeouts';

/*
 * Training mode (issue 13), offline: every http(s) request is aborted, so
 * only the installed extension answers. The demo screens run the production
 * sensor, adapters, background, badge, panel and checklist.
 */

/** The tours as shipped (tours/*.json; the unit test validates them). */
const TOURS: Tour[] = readdirSync('tours')
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(`tours/${f}`, 'utf8')) as Tour)
  .sort((a, b) => a.id.localeCompare(b.id));

type Ext = { context: BrowserContext; worker: Worker; extensionId: string };

async function offline(ext: Ext): Promise<string[]> {
  const attempted: string[] = [];
  await ext.context.route(/^https?:\/\//, (route) => {
    attempted.push(route.request().url());
    return route.abort('internetdisconnected');
  });
  return attempted;
}

const trainingUrl = (ext: Ext) => `chrome-extension://${ext.extensionId}/training.html`;
const panelUrl = (ext: Ext, tabId: number) => `chrome-extension://${ext.extensionId}/sidepanel.html?tab=${tabId}`;

/**
 * Serious or critical axe violations. The in-page badge (lib/badge.ts, production code shared with the
 * portals) is left out: its aria-label does not contain its visible text (label-content-name-mismatch),
 * noted in the closing notes for its owner.
 */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).exclude('[data-da06-badge]').analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The specific items the panel lists for the tab, once shown. */
async function panelSpecific(panel: Page): Promise<number> {
  await expect(panel.getByTestId('match-view')).toBeVisible({ timeout: PANEL_LIST });
  const count = Number((await panel.getByTestId('band-count-specific').innerText()).trim());
  expect(await panel.locator('[data-band="specific"]').count()).toBe(count);
  return count;
}

test('the Đào tạo page opens every demo screen offline; the badge and the panel show the procedure’s items', async ({ ext }) => {
  test.setTimeout(LONG_FLOW * 2);
  const attempted = await offline(ext);
  const page = await ext.context.newPage();
  await page.goto(trainingUrl(ext));
  await expect(page.getByTestId('training-page')).toBeVisible();
  expect(await seriousViolations(page), 'axe on the Đào tạo page').toEqual([]);
  const panel = await ext.context.newPage();

  for (const screen of DEMO_SCREENS) {
    await test.step(screen.id, async () => {
      await page.goto(trainingUrl(ext));
      await page.getByTestId(`screen-${screen.id}`).click();
      await expect(page.locator('da06-training-bar').locator('[data-testid="training-marker"]')).toHaveText('ĐÀO TẠO');
      // The one-stop screens show a procedure once a dossier or the intake modal is open.
      if (screen.id === 'motcua-xu-ly') await page.locator('a.open-dossier').first().click();
      if (screen.id === 'motcua-tiep-nhan') await page.locator('[data-demo-modal="intake"]').click();
      const badge = page.locator('[data-da06-badge]').locator('.count');
      await expect(badge).toHaveText(/^\d+$/, { timeout: RECOGNIZED });
      const tabId = await tabIdOf(ext.worker, page.url());
      await panel.goto(panelUrl(ext, tabId));
      const count = await panelSpecific(panel);
      expect(count).toBeGreaterThan(0);
      await expect(badge).toHaveText(String(count));
      if (screen.expect.code) await expect(panel.getByTestId('current-page')).toContainText(screen.expect.code);
      if (screen.id === 'motcua-xu-ly') await expect(panel.getByTestId('current-page')).toContainText(DEMO_DOSSIERS[0]!.code);
      // The panel knows this tab is a demo screen.
      await expect(panel.getByTestId('panel-training-marker')).toHaveText('ĐÀO TẠO');
      // The toolbar badge of the tab carries the same number.
      const toolbar = await ext.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
      expect(toolbar).toBe(String(count));
    });
  }

  await test.step('submission steps: the in-app route changes keep the procedure', async () => {
    await page.goto(`chrome-extension://${ext.extensionId}/demo.html?screen=spa-khai-sinh`);
    await expect(page.locator('[data-da06-badge]').locator('.count')).toHaveText(/^\d+$/, { timeout: RECOGNIZED });
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await expect(page.locator('da06-training-bar').locator('[data-testid="demo-url"]')).toContainText('/tim-kiem-thu-tuc-hanh-chinh?formalityId=019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7');
    await page.getByRole('button', { name: 'Nộp trực tuyến' }).first().click();
    await expect(page.locator('da06-training-bar').locator('[data-testid="demo-url"]')).toContainText('/nop-ho-so?formalityId=');
    const tabId = await tabIdOf(ext.worker, page.url());
    await panel.goto(panelUrl(ext, tabId));
    await expect(panel.getByTestId('current-page')).toHaveAttribute('data-kind', 'online-submission', { timeout: RECOGNIZED });
    expect(await panelSpecific(panel)).toBeGreaterThan(0);
    // The applicant's invented data on the form is not in what the panel shows.
    await expect(panel.getByTestId('current-page')).not.toContainText('Người Dân Mẫu');
  });
  expect(attempted, 'the demo asked the network for nothing').toEqual([]);
});

test('a tour runs through every step by keyboard and finishes; axe finds nothing serious during it', async ({ ext }) => {
  test.setTimeout(LONG_FLOW);
  await offline(ext);
  const page = await ext.context.newPage();
  for (const tour of TOURS) {
    await test.step(tour.id, async () => {
      await page.goto(trainingUrl(ext));
      await page.getByTestId(`tour-${tour.id}`).click();
      const dialog = page.locator('da06-tour').locator('[data-testid="tour-dialog"]');
      await expect(dialog).toBeVisible({ timeout: RECOGNIZED });
      for (let i = 0; i < tour.steps.length; i++) {
        const step = tour.steps[i]!;
        await expect(dialog).toHaveAttribute('data-step', step.id);
        await expect(dialog.getByTestId('tour-title')).toHaveText(step.title.vi);
        // Each step names its plan items with their sources.
        for (const ref of step.refs) await expect(dialog.locator(`li[data-ref="${ref}"]`)).toContainText('seeds/');
        // The live region announces the step; focus is on its heading.
        await expect(page.locator('da06-tour').locator('[data-testid="tour-live"]')).toContainText(step.title.vi);
        await expect(dialog.getByTestId('tour-title')).toBeFocused();
        if (i === 1) {
          expect(await seriousViolations(page), `axe during ${tour.id}`).toEqual([]);
          // Back and forth by keyboard.
          await page.keyboard.press('ArrowLeft');
          await expect(dialog).toHaveAttribute('data-step', tour.steps[0]!.id);
          await page.keyboard.press('ArrowRight');
          await expect(dialog).toHaveAttribute('data-step', step.id);
        }
        // The step's element is framed (not "not on screen").
        await expect(dialog).not.toContainText('không có trên màn hình');
        await page.keyboard.press('ArrowRight');
      }
      await expect(page.locator('html')).toHaveAttribute('data-tour', 'finished');
      await expect(page.locator('da06-tour')).toHaveCount(0);
    });
  }
  await test.step('Esc ends a tour', async () => {
    const tour = TOURS[0]!;
    await page.goto(`chrome-extension://${ext.extensionId}/demo.html?screen=${tour.screen}&tour=${tour.id}`);
    await expect(page.locator('da06-tour').locator('[data-testid="tour-dialog"]')).toBeVisible({ timeout: RECOGNIZED });
    await page.keyboard.press('Escape');
    await expect(page.locator('html')).toHaveAttribute('data-tour', 'closed');
    await expect(page.locator('da06-tour')).toHaveCount(0);
  });
});

test('presenter mode: a tick in training is flagged demo, absent from the default export and report, present and marked when included', async ({ ext }) => {
  test.setTimeout(LONG_FLOW);
  await offline(ext);
  const page = await ext.context.newPage();
  await page.goto(trainingUrl(ext));
  await page.getByTestId('presenter-toggle').check();
  await expect(page.getByTestId('training-page')).toHaveAttribute('data-presenter', 'true');

  await page.goto(`chrome-extension://${ext.extensionId}/demo.html?screen=motcua-xu-ly`);
  await page.locator('a.open-dossier').first().click();
  await expect(page.locator('[data-da06-badge]').locator('.count')).toHaveText(/^\d+$/, { timeout: RECOGNIZED });
  const tabId = await tabIdOf(ext.worker, page.url());
  const panel = await ext.context.newPage();
  await panel.goto(panelUrl(ext, tabId));
  // Presenter: larger type, the marker, no "my unit" highlighting.
  await expect(panel.locator('.panel.presenter')).toBeVisible();
  await expect(panel.getByTestId('panel-training-marker')).toHaveText('ĐÀO TẠO');
  expect(await panel.locator('.panel').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(18);
  await expect(panel.getByTestId('checklist')).toBeVisible({ timeout: CHECKLIST });
  await expect(panel.getByTestId('demo-mode')).toBeVisible();
  // The checklist is folded to its progress line until opened.
  await panel.getByTestId('checklist-toggle').click();
  await panel.getByTestId('check-dinh-danh').getByTestId('tick-done').click();
  await expect(panel.getByTestId('check-dinh-danh')).toHaveAttribute('data-state', 'done');

  // Stored flagged demo.
  const stored = await panel.evaluate(async () => {
    const open = indexedDB.open('da06-journal');
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const all = (store: string) =>
      new Promise<{ demo: boolean }[]>((resolve) => {
        const r = db.transaction(store).objectStore(store).getAll();
        r.onsuccess = () => resolve(r.result as { demo: boolean }[]);
      });
    return { sessions: await all('sessions'), events: await all('events') };
  });
  expect(stored.events.length).toBeGreaterThan(0);
  expect(stored.events.every((e) => e.demo)).toBe(true);
  expect(stored.sessions.every((s) => s.demo)).toBe(true);

  // Default export: nothing demo. Included: the rows are there, marked.
  await panel.getByText('Xuất dữ liệu cho lãnh đạo').click();
  const [plain] = await Promise.all([panel.waitForEvent('download'), panel.getByTestId('export-json').click()]);
  const plainJson = JSON.parse(readFileSync((await plain.path())!, 'utf8')) as { events: unknown[] };
  expect(plainJson.events).toHaveLength(0);
  await panel.getByTestId('export-demo').check();
  const [withDemo] = await Promise.all([panel.waitForEvent('download'), panel.getByTestId('export-csv-long').click()]);
  const csv = readFileSync((await withDemo.path())!, 'utf8');
  expect(csv).toContain(DEMO_DOSSIERS[0]!.code);
  const [header, row] = csv.replace(/^\ufeff/, '').split('\r\n');
  // "Demo" is the last column of the per-tick CSV; the demo tick's row says so there ("Có").
  expect(header!).toMatch(/[;,]Demo$/);
  expect(row!).toMatch(/[;,](Có|1)$/);

  // Report: empty by default; with demo included it counts the tick and says it is training data.
  const report = await ext.context.newPage();
  await report.goto(`chrome-extension://${ext.extensionId}/report.html`);
  await expect(report.getByTestId('report-empty')).toBeVisible();
  await expect(report.getByTestId('report-demo-included')).toHaveCount(0);
  await report.getByTestId('report-demo').check();
  await expect(report.getByTestId('total-events')).toHaveText('1');
  await expect(report.getByTestId('report-demo-included')).toContainText('dữ liệu đào tạo (demo)');
});

test('training set: export, then a bad file is rejected with a message and nothing changes; a good one imports', async ({ ext }) => {
  test.setTimeout(LONG_FLOW);
  await offline(ext);
  const page = await ext.context.newPage();
  await page.goto(trainingUrl(ext));
  const tour = TOURS[0]!;
  await page.getByTestId(`tour-${tour.id}`).locator('xpath=..').locator('summary').click();
  await page.getByTestId(`note-${tour.id}-${tour.steps[0]!.id}`).fill('Hỏi lớp: mã này lấy ở đâu?');
  await page.getByTestId(`save-notes-${tour.id}`).click();
  await page.getByTestId('set-title').fill('Lớp tập huấn thử');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('set-export').click()]);
  const text = readFileSync((await download.path())!, 'utf8');
  const set = JSON.parse(text) as { format: string; version: number; tourNotes: Record<string, Record<string, string>> };
  expect(set.format).toBe('da06-training-set');
  expect(set.tourNotes[tour.id]![tour.steps[0]!.id]).toBe('Hỏi lớp: mã này lấy ở đâu?');

  const bad = JSON.stringify({ ...set, version: 9, tourNotes: { [tour.id]: { [tour.steps[0]!.id]: 'SAI' } } });
  await page.getByTestId('set-import').setInputFiles({ name: 'hong.json', mimeType: 'application/json', buffer: Buffer.from(bad) });
  await expect(page.getByTestId('set-message')).toContainText('Không nhập «hong.json»');
  await expect(page.getByTestId('set-message')).toContainText('phiên bản 9');
  await expect(page.getByTestId('set-message')).toHaveAttribute('role', 'alert');
  await expect(page.getByTestId(`note-${tour.id}-${tour.steps[0]!.id}`)).toHaveValue('Hỏi lớp: mã này lấy ở đâu?');

  const good = JSON.stringify({
    ...set,
    customChecks: [{ id: 'custom-hoi-giay-chung-sinh', label: 'Hỏi giấy chứng sinh điện tử', appliesTo: ['khai-sinh'], createdAt: 1, updatedAt: 1 }],
    tourNotes: { [tour.id]: { [tour.steps[1]!.id]: 'Chỉ rõ giấy tờ CSDLQG thay được' } },
  });
  await page.getByTestId('set-import').setInputFiles({ name: 'lop-2.json', mimeType: 'application/json', buffer: Buffer.from(good) });
  await expect(page.getByTestId('set-message')).toContainText('Đã nhập «lop-2.json»: 1 mục kiểm tra, 1 ghi chú');
  // The note shows in the tour, next to the earlier one.
  await page.goto(`chrome-extension://${ext.extensionId}/demo.html?screen=${tour.screen}&tour=${tour.id}`);
  const dialog = page.locator('da06-tour').locator('[data-testid="tour-dialog"]');
  await expect(dialog.getByTestId('tour-note')).toContainText('Hỏi lớp: mã này lấy ở đâu?', { timeout: RECOGNIZED });
  await page.keyboard.press('ArrowRight');
  await expect(dialog.getByTestId('tour-note')).toContainText('Chỉ rõ giấy tờ CSDLQG thay được');
});

test('a tour runs over a real portal page too, started from the panel (steps needing a demo screen left out)', async ({ ext }) => {
  test.setTimeout(LONG_FLOW);
  const f = FIXTURES.find((x) => x.file === 'lib/adapters/national-spa/fixtures/detail.html')!;
  await servePages(ext.context, new Map([[f.url, fixtureSource(f)]]));
  const portal = await ext.context.newPage();
  await portal.goto(f.url);
  const tabId = await tabIdOf(ext.worker, f.url);
  const panel = await ext.context.newPage();
  await panel.goto(panelUrl(ext, tabId));
  await expect(panel.getByTestId('match-view')).toBeVisible({ timeout: PANEL_LIST });
  // Not a demo tab: no marker, but the national tours are offered for this page.
  await expect(panel.getByTestId('panel-training-marker')).toHaveCount(0);
  await panel.getByTestId('page-tour-khai-sinh-cong-quoc-gia').click();
  await portal.bringToFront();
  const dialog = portal.locator('da06-tour').locator('[data-testid="tour-dialog"]');
  await expect(dialog).toBeVisible({ timeout: RECOGNIZED });
  const tour = TOURS.find((t) => t.id === 'khai-sinh-cong-quoc-gia')!;
  const onPage = tour.steps.filter((s) => s.route === undefined && s.modal === undefined);
  for (const [i, step] of onPage.entries()) {
    await expect(dialog).toHaveAttribute('data-step', step.id);
    await expect(dialog).toContainText(`${i + 1}/${onPage.length}`);
    // The code, the papers and the fees are on this page; its sources are listed.
    if (i < 3) await expect(dialog).not.toContainText('không có trên màn hình');
    for (const ref of step.refs) await expect(dialog.locator(`li[data-ref="${ref}"]`)).toContainText('seeds/');
    await portal.keyboard.press('ArrowRight');
  }
  await expect(portal.locator('html')).toHaveAttribute('data-da06-tour', 'finished');
  await expect(portal.locator('da06-tour')).toHaveCount(0);
});
