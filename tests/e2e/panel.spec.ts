import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { FIXTURES } from '../fixtures/index';
import { fixtureSource } from '../fixtures/load';
import { expect, servePages, tabIdOf, test } from './fixtures';
import { LONG_FLOW, PANEL_LIST, RECOGNIZED } from './timeouts';
import { BADGE_HOST, badgeCount, clickBadge, expectBadgeCount, expectNoBadge, readBadge } from './badge';

/** Fixture page → items the panel must list as specific, and traps it must not. */
const EXPECTED: { file: string; specific: string[]; notSpecific: string[] }[] = [
  { file: 'lib/adapters/national-old/fixtures/procedure-detail.html', specific: ['kh-tinh-2024#16', 'ct-04-2024#B25', 'kh-tinh-2024#32'], notSpecific: ['kh-tinh-2024#41'] },
  { file: 'lib/adapters/national-old/fixtures/procedure-summary.html', specific: ['ct-04-2024#B28', 'kh-tinh-2024#22'], notSpecific: ['kh-mo-hinh#M9'] },
  { file: 'lib/adapters/national-old/fixtures/procedure-late.html', specific: ['ct-04-2024#B24', 'kh-tinh-2024#16'], notSpecific: ['ct-04-2024#B44'] },
  { file: 'lib/adapters/national-csdl/fixtures/procedure.html', specific: ['kh-tinh-2024#49', 'kh-tu-2025#26'], notSpecific: ['kh-tinh-2024#16', 'ct-04-2024#B25'] },
  { file: 'lib/adapters/thanhhoa-portal/fixtures/procedure-no-diacritics.html', specific: ['ct-04-2024#B28'], notSpecific: ['kh-mo-hinh#M8'] },
  { file: 'lib/adapters/thanhhoa-motcua/fixtures/dossier-modal.html', specific: ['kh-tinh-2024#16'], notSpecific: ['kh-tinh-2024#41'] },
];

function panelUrl(extensionId: string, tabId?: number): string {
  return `chrome-extension://${extensionId}/sidepanel.html${tabId === undefined ? '' : `?tab=${tabId}`}`;
}

/** Serve a fixture at its URL, open it, and open the panel pinned to its tab. */
async function openWithPanel(ext: { context: BrowserContext; worker: Worker; extensionId: string }, file: string) {
  const f = FIXTURES.find((x) => x.file === file)!;
  await servePages(ext.context, new Map([[f.url, fixtureSource(f)]]));
  const page = await ext.context.newPage();
  await page.goto(f.url);
  const tabId = await tabIdOf(ext.worker, f.url);
  const panel = await ext.context.newPage();
  await panel.goto(panelUrl(ext.extensionId, tabId));
  return { f, page, panel };
}

async function bandOf(panel: Page, ref: string): Promise<string | null> {
  const item = panel.getByTestId(`item-${ref}`);
  return (await item.count()) === 0 ? null : item.first().getAttribute('data-band');
}

test('the panel lists the expected specific items for fixture procedures, and the badge count matches', async ({ ext }) => {
  test.setTimeout(LONG_FLOW);
  const fixtures = EXPECTED.map((e) => ({ e, f: FIXTURES.find((f) => f.file === e.file)! }));
  await servePages(ext.context, new Map(fixtures.map(({ f }) => [f.url, fixtureSource(f)])));
  const panel = await ext.context.newPage();
  for (const { e, f } of fixtures) {
    await test.step(f.name, async () => {
      const page = await ext.context.newPage();
      await page.goto(f.url);
      const tabId = await tabIdOf(ext.worker, f.url);
      await panel.goto(panelUrl(ext.extensionId, tabId));
      await expect(panel.getByTestId('match-view')).toBeVisible({ timeout: PANEL_LIST });
      for (const ref of e.specific) {
        await expect(panel.getByTestId(`item-${ref}`), ref).toHaveAttribute('data-band', 'specific');
        await expect(panel.getByTestId(`item-${ref}`).getByTestId('item-reason')).not.toBeEmpty();
      }
      for (const ref of e.notSpecific) expect(await bandOf(panel, ref), ref).not.toBe('specific');
      const count = (await panel.getByTestId('band-count-specific').innerText()).trim();
      expect(Number(count)).toBeGreaterThan(0);
      expect(await panel.locator('[data-band="specific"]').count()).toBe(Number(count));
      // The in-page badge shows the same number.
      await expectBadgeCount(page, count);
      await page.close();
    });
  }
});

test('the badge stays out of the page styles and opens the panel when clicked', async ({ ext }) => {
  const f = FIXTURES.find((x) => x.file === 'lib/adapters/national-old/fixtures/procedure-detail.html')!;
  // The page styles every button and span loudly; the badge must not change.
  const hostile = fixtureSource(f).replace('</head>', '<style>button,span{font-size:40px!important;color:lime!important} *{font-family:serif!important}</style></head>');
  await servePages(ext.context, new Map([[f.url, hostile]]));
  const page = await ext.context.newPage();
  await page.goto(f.url);
  await badgeCount(page);
  // A 13px label in a pill about 30px high: the page's 40px fonts did not reach it.
  const box = await page.locator(BADGE_HOST).boundingBox();
  expect(box!.height).toBeLessThan(40);
  expect((await readBadge(page)).label).toMatch(/Đề án 06: \d+ mục/);
  const cdp = await ext.context.newCDPSession(page);
  const panelTargets = async () => {
    const { targetInfos } = await cdp.send('Target.getTargets');
    return targetInfos.filter((t) => t.url.includes(`${ext.extensionId}/sidepanel.html`)).map((t) => t.url);
  };
  expect(await panelTargets()).toEqual([]);
  await clickBadge(page);
  // The side panel is not a tab, so Playwright does not list it; the browser's target list does.
  const tabId = await tabIdOf(ext.worker, f.url);
  await expect.poll(panelTargets, { timeout: RECOGNIZED }).toContainEqual(expect.stringContaining(`sidepanel.html?tab=${tabId}`));
});

test('search finds items without diacritics, with a typo, and by abbreviation', async ({ ext }) => {
  const panel = await ext.context.newPage();
  await panel.goto(panelUrl(ext.extensionId));
  const input = panel.getByTestId('search-input');
  const cases: [string, string][] = [
    ['khai sinh', 'kh-tinh-2024#16'],
    ['khai sinh lien thong', 'kh-tinh-2024#16'],
    ['VNeID', 'kh-mo-hinh#M5'],
    ['thanh toan truc tuyen', 'kh-tinh-2024#15'],
    ['thanh toán trực tuyn', 'kh-huyen-2024#T5'],
    ['BHYT', 'ct-04-2024#B48'],
  ];
  for (const [query, ref] of cases) {
    await input.fill(query);
    await expect(panel.getByTestId('search-results').getByTestId(`item-${ref}`), query).toBeVisible();
  }
  await input.fill('zzzzqqq');
  await expect(panel.getByTestId('search-results')).toHaveAttribute('data-count', '0');
  await input.press('Escape');
  await expect(panel.getByTestId('search-results')).toHaveCount(0);
});

test('a page that is not a procedure shows the empty state and offers search', async ({ ext }) => {
  const { page, panel } = await openWithPanel(ext, 'lib/adapters/national-old/fixtures/list.html');
  await expect(panel.getByTestId('current-page')).toHaveAttribute('data-kind', 'procedure-list');
  await expect(panel.getByTestId('search-hint')).toBeVisible();
  await expect(panel.getByTestId('match-view')).toHaveCount(0);
  await expectNoBadge(page);
  const fresh = await ext.context.newPage();
  await fresh.goto(panelUrl(ext.extensionId));
  await expect(fresh.getByTestId('search-input')).toBeVisible();
});

test('filters, keyboard use, source link, and no serious accessibility violations', async ({ ext }) => {
  const { panel } = await openWithPanel(ext, 'lib/adapters/national-old/fixtures/procedure-detail.html');
  await expect(panel.getByTestId('match-view')).toBeVisible({ timeout: PANEL_LIST });

  const axe = await new AxeBuilder({ page: panel }).analyze();
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  // Keyboard only: reach the band filter and choose "every filing".
  const band = panel.getByTestId('filter-band');
  await band.focus();
  await expect(band).toBeFocused();
  await band.selectOption('every-filing');
  const bands = await panel.locator('[data-testid^="item-"][data-band]').evaluateAll((els) => els.map((e) => e.getAttribute('data-band')));
  expect(bands.length).toBeGreaterThan(0);
  expect(new Set(bands)).toEqual(new Set(['every-filing']));
  await panel.getByTestId('filter-doc').selectOption('kh-huyen-2024');
  const refs = await panel.locator('[data-testid^="item-"][data-band]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
  expect(refs.every((r) => r?.startsWith('item-kh-huyen-2024#'))).toBe(true);

  // The source link opens the seed document with the item highlighted.
  await band.selectOption('specific');
  await panel.getByTestId('filter-doc').selectOption('all');
  const [source] = await Promise.all([
    ext.context.waitForEvent('page'),
    panel.getByTestId('item-kh-tinh-2024#16').getByTestId('item-source').click(),
  ]);
  await expect(source.getByTestId('source-ref')).toHaveText('kh-tinh-2024#16');
  await expect(source.getByTestId('source-highlight')).toContainText('Giấy khai sinh');
  await expect(source.getByTestId('source-highlight')).toBeInViewport();
});

test('status says only what the plans support; a target restating its task is shown with it; every filing is short', async ({ ext }) => {
  const { panel } = await openWithPanel(ext, 'lib/adapters/national-old/fixtures/procedure-detail.html');
  await expect(panel.getByTestId('match-view')).toBeVisible({ timeout: 15_000 });
  // kh-tinh-2024 is the plan for 2024: a staged target, not "overdue".
  const t32 = panel.getByTestId('item-kh-tinh-2024#32');
  await expect(t32.getByTestId('item-status')).toHaveText(/^Chỉ tiêu theo giai đoạn, từ 01\/04\/2024$/);
  await expect(t32.getByTestId('item-stages')).toContainText('từ 01/07/2024');
  // Its targets (#32/1…) are listed with it, not as separate items.
  await expect(t32.getByTestId('restated-kh-tinh-2024#32/2')).toBeVisible();
  await expect(panel.getByTestId('item-kh-tinh-2024#32/2')).toHaveCount(0);
  // Nothing of a plan whose period ended is red.
  const red = await panel.locator('[data-testid^="item-kh-"][data-status="past-due"]').count();
  expect(red).toBe(0);
  const everyFiling = Number((await panel.getByTestId('band-count-every-filing').innerText()).trim());
  expect(everyFiling).toBeGreaterThan(0);
  expect(everyFiling).toBeLessThanOrEqual(25);
});
