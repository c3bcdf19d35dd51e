import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { FIXTURES } from '../fixtures/index';
import { fixtureSource } from '../fixtures/load';
import { expect, servePages, tabIdOf, test } from './fixtures';
import { CHECKLIST, LONG_FLOW, PANEL_LIST } from './timeouts';

/*
 * Issue 12, the officer at the counter: a panel read at a glance, nothing typed
 * lost, search that finds the obvious, no serious accessibility violation.
 * Screenshots at 320, 400 and 600 px go to this test's output folder
 * (test-results/…/panel-<width>.png). DA06_SHOT_SUFFIX=-before names the ones
 * taken once from the old code.
 */

type Ext = { context: BrowserContext; worker: Worker; extensionId: string };
const detail = FIXTURES.find((f) => f.file === 'lib/adapters/national-old/fixtures/procedure-detail.html')!;
const dossier = FIXTURES.find((f) => f.file === 'lib/adapters/thanhhoa-motcua/fixtures/dossier-modal.html')!;

function panelUrl(extensionId: string, tabId?: number): string {
  return `chrome-extension://${extensionId}/sidepanel.html${tabId === undefined ? '' : `?tab=${tabId}`}`;
}

async function openWithPanel(ext: Ext, f = detail, width = 400): Promise<{ page: Page; panel: Page; tabId: number }> {
  await servePages(ext.context, new Map([[f.url, fixtureSource(f)]]));
  const page = await ext.context.newPage();
  await page.goto(f.url);
  const tabId = await tabIdOf(ext.worker, f.url);
  const panel = await ext.context.newPage();
  await panel.setViewportSize({ width, height: 900 });
  await panel.goto(panelUrl(ext.extensionId, tabId));
  await expect(panel.getByTestId('match-view')).toBeVisible({ timeout: PANEL_LIST });
  return { page, panel, tabId };
}

/** Open the checklist folded to its progress line (the choice is remembered across panels). */
async function expandChecklist(panel: Page): Promise<void> {
  const toggle = panel.getByTestId('checklist-toggle');
  if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
}

const shotSuffix = process.env.DA06_SHOT_SUFFIX ?? '';

test('the panel at 320, 400 and 600 px: screenshots in the artifacts', async ({ ext }, testInfo) => {
  test.setTimeout(LONG_FLOW);
  const { panel } = await openWithPanel(ext);
  for (const width of [320, 400, 600]) {
    await panel.setViewportSize({ width, height: 900 });
    await panel.waitForTimeout(200);
    // Nothing wider than the panel: no horizontal scrolling.
    const overflow = await panel.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    const path = testInfo.outputPath(`panel-${width}${shotSuffix}.png`);
    await panel.screenshot({ path, fullPage: true });
    await testInfo.attach(`panel-${width}${shotSuffix}`, { path, contentType: 'image/png' });
    // What the officer sees without scrolling.
    await panel.evaluate(() => window.scrollTo(0, 0));
    await panel.screenshot({ path: testInfo.outputPath(`panel-${width}-top${shotSuffix}.png`) });
    // The first items, scrolled to as the skip link "Đến danh sách mục" does.
    await panel.evaluate(() => (document.getElementById('match-list') ?? document.querySelector('[data-testid="match-view"] ul'))?.scrollIntoView());
    await panel.screenshot({ path: testInfo.outputPath(`panel-${width}-items${shotSuffix}.png`) });
    if (!shotSuffix) expect(overflow, `horizontal overflow at ${width}px`).toBeLessThanOrEqual(0);
  }
});

test('reading: body text is at least 14 px and nothing visible is smaller than 12 px', async ({ ext }) => {
  const { panel } = await openWithPanel(ext, dossier);
  await expect(panel.getByTestId('checklist')).toBeVisible({ timeout: CHECKLIST });
  const px = (sel: string) => panel.locator(sel).first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  expect(await px('body')).toBeGreaterThanOrEqual(14);
  expect(await px('.item-title')).toBeGreaterThanOrEqual(14);
  expect(await px('.procedure dd')).toBeGreaterThanOrEqual(14);
  // Every visible piece of text, whatever its role.
  const small = await panel.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !n.textContent?.trim() || el.closest('.sr-only')) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < 12) out.push(`${size}px ${el.tagName}.${el.className}: ${n.textContent.trim().slice(0, 30)}`);
    }
    return out;
  });
  expect(small).toEqual([]);
});

test('reading: the first specific item for khai sinh is about khai sinh, and the order is explained in one line', async ({ ext }) => {
  const { panel } = await openWithPanel(ext);
  const first = panel.getByTestId('match-view').locator('[data-band="specific"]').first();
  await expect(first.locator('.item-title')).toContainText(/khai sinh/i);
  await expect(panel.getByTestId('order-note')).toBeVisible();
  // Groups, most specific first: the procedure itself, then its field.
  const groups = await panel.locator('[data-testid^="group-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
  expect(groups.slice(0, 2)).toEqual(['group-procedure', 'group-field']);
});

test('reading: the checklist is a compact progress line above the items that expands, with sources in words', async ({ ext }) => {
  const { panel } = await openWithPanel(ext, dossier, 360);
  const checklist = panel.getByTestId('checklist');
  await expect(checklist).toBeVisible({ timeout: CHECKLIST });
  await expect(panel.getByTestId('checklist-progress')).toContainText('Đã làm 0/');
  // Collapsed, the checklist takes a few lines and sits between the procedure and the items.
  await expect(panel.getByTestId('check-dinh-danh')).toBeHidden();
  const box = (await checklist.boundingBox())!;
  expect(box.height).toBeLessThan(200);
  const matchTop = (await panel.getByTestId('match-view').boundingBox())!.y;
  const procTop = (await panel.getByTestId('current-page').boundingBox())!.y;
  expect(box.y).toBeGreaterThan(procTop);
  expect(box.y).toBeLessThan(matchTop);
  await expandChecklist(panel);
  await expect(panel.getByTestId('check-dinh-danh')).toBeVisible();
  // The plans a check implements are named in words; the ref stays in the tooltip.
  const links = panel.getByTestId('checklist').locator('[data-testid="check-source"]');
  expect(await links.count()).toBeGreaterThan(0);
  for (const text of await links.allInnerTexts()) expect(text).not.toMatch(/[a-z]+-\d{4}#|#\w+/);
  await expect(links.first()).toHaveAttribute('title', /#/);
  // The item's source is in words too, its ref in the tooltip.
  const src = panel.getByTestId('item-kh-tinh-2024#16').getByTestId('item-source');
  await expect(src).not.toContainText('#');
  await expect(src).toHaveAttribute('title', /kh-tinh-2024#16/);
});

test('reading: "Vì sao nhận ra trang này?" in plain words, selectors and rules folded further', async ({ ext }) => {
  const { panel } = await openWithPanel(ext);
  const why = panel.getByTestId('evidence');
  await expect(why.locator('summary').first()).toHaveText('Vì sao nhận ra trang này?');
  await why.locator('summary').first().click();
  await expect(panel.getByTestId('evidence-plain')).toBeVisible();
  await expect(panel.getByTestId('evidence-plain')).not.toContainText(/[#.][a-zA-Z_-]+|main-title|popup/);
  await expect(panel.getByTestId('evidence-technical')).toBeVisible();
  await expect(panel.getByTestId('evidence-technical').locator('.tech')).toBeHidden();
});

test('reading: a skip link reaches the filters in a few Tab presses', async ({ ext }) => {
  const { panel } = await openWithPanel(ext, dossier);
  await expect(panel.getByTestId('checklist')).toBeVisible({ timeout: CHECKLIST });
  await panel.locator('body').click({ position: { x: 1, y: 1 } });
  let presses = 0;
  for (; presses < 80; presses++) {
    if (await panel.getByTestId('filter-band').evaluate((e) => e === document.activeElement)) break;
    const active = await panel.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    await panel.keyboard.press(active === 'Đến bộ lọc' ? 'Enter' : 'Tab');
  }
  expect(presses).toBeLessThanOrEqual(6);
  await panel.keyboard.press('Shift+Tab');
  await panel.keyboard.press('Tab');
  await expect(panel.getByTestId('filter-band')).toBeFocused();
  // The first Tab lands on the skip links.
  await panel.reload();
  await expect(panel.getByTestId('match-view')).toBeVisible({ timeout: PANEL_LIST });
  await panel.keyboard.press('Tab');
  await expect(panel.locator(':focus')).toHaveText('Đến danh sách mục');
});

test('reading: the headline counts follow the filters ("Chỉ đơn vị của tôi")', async ({ ext }) => {
  await ext.worker.evaluate(() =>
    (chrome.storage.local as unknown as { set(v: object): Promise<void> }).set({ 'da06.profile': { name: '', unitId: 'ubnd-cap-xa', office: '', planUnitIds: ['ubnd-cap-xa'], level: '', demo: false } }),
  );
  const { panel } = await openWithPanel(ext);
  const count = async () => Number((await panel.getByTestId('band-count-specific').innerText()).trim());
  const all = await count();
  await panel.getByTestId('filter-mine').check();
  const mine = await panel.locator('[data-testid="match-view"] [data-band="specific"]').count();
  expect(mine).toBeLessThan(all);
  await expect.poll(count).toBe(mine);
  await expect(panel.getByTestId('match-summary')).toContainText(String(all));
});

test('losing input: a named session is still the active one after a reload', async ({ ext }) => {
  const { panel } = await openWithPanel(ext);
  await expect(panel.getByTestId('checklist')).toBeVisible({ timeout: CHECKLIST });
  await expandChecklist(panel);
  await panel.getByTestId('session-name').fill('Ca sáng quầy 2');
  await panel.getByTestId('session-start').click();
  await expect(panel.getByTestId('checklist-progress')).toContainText('Ca sáng quầy 2');
  await panel.reload();
  await expect(panel.getByTestId('checklist-progress')).toContainText('Ca sáng quầy 2', { timeout: CHECKLIST });
});

test('losing input: "Bắt đầu phiên" twice with one name offers the existing session instead of a duplicate', async ({ ext }) => {
  const { panel } = await openWithPanel(ext);
  await expect(panel.getByTestId('checklist')).toBeVisible({ timeout: CHECKLIST });
  await expandChecklist(panel);
  for (let i = 0; i < 2; i++) {
    await panel.getByTestId('session-name').fill('Lớp tập huấn');
    await panel.getByTestId('session-start').click();
    await expect(panel.getByTestId('checklist-progress')).toContainText('Lớp tập huấn');
  }
  await expect(panel.getByTestId('session-exists')).toBeVisible();
  const labels = await panel.getByTestId('session-select').locator('option').allInnerTexts();
  expect(labels.filter((l) => l.includes('Lớp tập huấn'))).toHaveLength(1);
});

test('losing input: a "Không áp dụng" note is kept when the panel closes mid-typing', async ({ ext }) => {
  const { tabId, panel } = await openWithPanel(ext, dossier);
  await expect(panel.getByTestId('checklist')).toBeVisible({ timeout: CHECKLIST });
  await expandChecklist(panel);
  await panel.getByTestId('check-so-hoa').getByTestId('tick-na').click();
  const note = panel.getByTestId('check-so-hoa').getByTestId('na-note');
  await note.fill('Đã có bản điện tử');
  await expect(panel.getByTestId('check-so-hoa').getByTestId('note-saved')).toHaveText(/đã lưu/i);
  // Typing on, then the panel is closed at once: no "Lưu" click, no blur.
  await note.pressSequentially(' từ cổng');
  await panel.close();
  const again = await ext.context.newPage();
  await again.goto(panelUrl(ext.extensionId, tabId));
  await expect(again.getByTestId('checklist')).toBeVisible({ timeout: CHECKLIST });
  await expandChecklist(again);
  await expect(again.getByTestId('check-so-hoa').getByTestId('na-note')).toHaveValue('Đã có bản điện tử từ cổng');
});

test('losing input: the officer\'s name in Options is kept when the tab closes before the field loses focus', async ({ ext }) => {
  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  const name = options.getByTestId('profile-name');
  await expect(options.locator('fieldset[data-ready="true"]')).toBeVisible();
  await name.fill('Nguyễn Thị Một');
  await expect(options.getByTestId('profile-saved')).toHaveText(/đã lưu/i);
  await name.pressSequentially(' Cửa');
  await options.close();
  const again = await ext.context.newPage();
  await again.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await expect(again.getByTestId('profile-name')).toHaveValue('Nguyễn Thị Một Cửa');
});

test('search: a query naming a procedure finds it in the national directory and shows its items', async ({ ext }) => {
  const panel = await ext.context.newPage();
  await panel.goto(panelUrl(ext.extensionId));
  const input = panel.getByTestId('search-input');
  const cases: [string, RegExp][] = [
    ['giấy phép xây dựng', /giấy phép xây dựng/i],
    ['đăng ký xe', /đăng ký xe/i],
    ['khai tử', /khai tử/i],
  ];
  for (const [query, name] of cases) {
    await input.fill(query);
    const procs = panel.getByTestId('search-procedures');
    await expect(procs.getByTestId('search-procedure').first(), query).toContainText(name, { timeout: PANEL_LIST });
    // Catalog items stay beside it.
    await expect(panel.getByTestId('search-results')).toBeVisible();
  }
  await input.fill('khai tử');
  const first = panel.getByTestId('search-procedures').getByTestId('search-procedure').first();
  await expect(first).toContainText('Thủ tục đăng ký khai tử');
  await first.getByRole('button', { name: 'Xem các mục cho thủ tục này' }).click();
  await expect(panel.getByTestId('match-view')).toBeVisible({ timeout: PANEL_LIST });
  await expect(panel.getByTestId('chosen-procedure')).toContainText('khai tử');
  expect(Number(await panel.getByTestId('band-count-specific').innerText())).toBeGreaterThan(0);
  await expect(panel.getByTestId('match-view').locator('[data-band="specific"]').first().locator('.item-title')).toContainText(/khai tử|hộ tịch/i);
});

test('axe: no serious or critical violation on the panel (checklist open), Options and the source page; Options has a main landmark', async ({ ext }) => {
  const serious = async (page: Page) =>
    (await new AxeBuilder({ page }).analyze()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  const { panel } = await openWithPanel(ext, dossier);
  await expect(panel.getByTestId('checklist')).toBeVisible({ timeout: CHECKLIST });
  await expandChecklist(panel);
  await panel.getByTestId('check-so-hoa').getByTestId('tick-na').click();
  await panel.getByTestId('evidence').locator('summary').first().click();
  expect(await serious(panel)).toEqual([]);
  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await expect(options.locator('main')).toHaveCount(1);
  expect(await serious(options)).toEqual([]);
  const source = await ext.context.newPage();
  await source.goto(`chrome-extension://${ext.extensionId}/source.html?ref=${encodeURIComponent('kh-tinh-2024#16')}`);
  await expect(source.getByTestId('source-highlight')).toBeVisible();
  expect(await serious(source)).toEqual([]);
});
