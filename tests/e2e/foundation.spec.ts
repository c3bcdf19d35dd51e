import { readFileSync } from 'node:fs';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { FIXTURES } from '../fixtures/index';
import { expect, fixtureHtml, servePortal, test } from './fixtures';
import { RECOGNIZED } from './timeouts';

const catalog = JSON.parse(readFileSync('lib/catalog/generated/catalog.json', 'utf8')) as { tasks: unknown[]; targets: unknown[] };

const DETAIL_URL = 'https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=373812';

test('the extension loads and its service worker runs', async ({ ext }) => {
  expect(ext.extensionId).toMatch(/^[a-p]{32}$/);
  const manifest = await ext.worker.evaluate(() => chrome.runtime.getManifest());
  expect(manifest.name).toBe('Trợ lý Đề án 06');
  expect(manifest.side_panel?.default_path).toBe('sidepanel.html');
});

test('the side panel page shows the size of the catalog generated from the seeds', async ({ ext }) => {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/sidepanel.html`);
  await expect(page.getByRole('heading', { name: 'Trợ lý Đề án 06' })).toBeVisible();
  await expect(page.getByTestId('count-tasks')).toHaveText(String(catalog.tasks.length));
  await expect(page.getByTestId('count-models')).toHaveText('35');
  await expect(page.getByTestId('count-targets')).toHaveText(String(catalog.targets.length));
  await expect(page.getByTestId('doc-kh-tinh-2024')).toContainText('72');
  await expect(page.getByTestId('doc-kh-tu-2025')).toContainText('61');
  // Not opened beside a portal page: the empty state explains what to do.
  await expect(page.getByTestId('no-portal-page')).toBeVisible();
  // English is available and remembered.
  await page.getByLabel('Ngôn ngữ').selectOption('en');
  await expect(page.getByRole('heading', { name: 'Project 06 Desk Assistant' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Project 06 Desk Assistant' })).toBeVisible();
});

test('a language chosen with an earlier version (kept in the pages\' localStorage) is kept, in every page', async ({ ext }) => {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/sidepanel.html`);
  await expect(page.getByRole('heading', { name: 'Trợ lý Đề án 06' })).toBeVisible();
  type Local = { storage: { local: { get(k: string): Promise<Record<string, unknown>>; remove(k: string): Promise<void> } } };
  // What the previous version left: the choice in localStorage, nothing in extension storage.
  await page.evaluate(async () => {
    localStorage.setItem('da06.locale', 'en');
    await (chrome as unknown as Local).storage.local.remove('da06.locale');
  });
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Project 06 Desk Assistant' })).toBeVisible();
  const after = await page.evaluate(async () => ({
    page: localStorage.getItem('da06.locale'),
    stored: (await (chrome as unknown as Local).storage.local.get('da06.locale'))['da06.locale'],
  }));
  expect(after).toEqual({ page: null, stored: 'en' });
  // Options follows the same setting.
  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await expect(options.getByRole('heading', { level: 1 })).toHaveText('Options — Project 06 Desk Assistant');
});

test('the content script runs on a portal page served at its real URL and the panel sees it', async ({ ext }) => {
  await servePortal(ext.context, 'https://dichvucong.gov.vn/**', fixtureHtml('lib/adapters/national-old/fixtures/procedure-detail.html'));
  const portal = await ext.context.newPage();
  await portal.goto(DETAIL_URL);
  await expect(portal.locator('h1.main-title')).toHaveText('Đăng ký khai sinh');

  // The background learned about the tab from the sensor.
  const tabId = await ext.worker.evaluate(async (url) => {
    const [tab] = await chrome.tabs.query({ url });
    return tab?.id ?? null;
  }, DETAIL_URL);
  expect(tabId).not.toBeNull();

  const panel = await ext.context.newPage();
  await panel.goto(`chrome-extension://${ext.extensionId}/sidepanel.html?tab=${tabId}`);
  await expect(panel.getByTestId('current-host')).toHaveText('dichvucong.gov.vn');
  await expect(panel.getByTestId('current-page')).toContainText('Đăng ký khai sinh');

  // In-page navigation (history API) reaches the background too.
  await portal.evaluate(() => history.pushState({}, '', '/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=6007'));
  await portal.evaluate(() => window.dispatchEvent(new PopStateEvent('popstate')));
  await expect(panel.getByTestId('current-page')).toContainText('ma_thu_tuc=6007', { timeout: RECOGNIZED });
});

// What decides where the sensor runs is the manifest and the scripts registered
// at run time, so those are what this checks: a page that merely shows nothing
// would pass even if the sensor ran there.
test('no content script is declared or registered for an unrelated site, and the portals are covered', async ({ ext }) => {
  const unrelated = 'https://example.org/';
  const covering = (patterns: readonly string[], url: string) => patterns.filter((p) => new MatchPattern(p).includes(url));

  // The manifest Chromium loaded, and both built manifests on disk.
  const loaded = await ext.worker.evaluate(() => chrome.runtime.getManifest());
  const built = ['chrome-mv3', 'firefox-mv2'].map((dir) => JSON.parse(readFileSync(`.output/${dir}/manifest.json`, 'utf8')) as typeof loaded);
  for (const manifest of [loaded, ...built]) {
    const scripts = (manifest.content_scripts ?? []).flatMap((c) => c.matches);
    // The patterns are read right: every portal page of the fixtures is covered …
    for (const f of FIXTURES.filter((x) => x.ownedHost)) expect(covering(scripts, f.url), f.url).not.toEqual([]);
    // … and the unrelated site is not, neither by a content script nor by a host permission.
    expect(covering(scripts, unrelated)).toEqual([]);
    expect(covering(manifest.host_permissions ?? [], unrelated)).toEqual([]);
  }

  // Scripts registered at run time (hosts added in Options): none covers it either.
  const registered = await ext.worker.evaluate(() => {
    // Declared here, not globally: the background keeps its own view of chrome.scripting.
    const api = (chrome as unknown as { scripting: { getRegisteredContentScripts(): Promise<{ id: string; matches?: string[] }[]> } }).scripting;
    return api.getRegisteredContentScripts();
  });
  expect(covering(registered.flatMap((r) => r.matches ?? []), unrelated)).toEqual([]);
});
