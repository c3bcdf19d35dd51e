import type { BrowserContext, Page, Worker } from '@playwright/test';
import { FIXTURES } from '../fixtures/index';
import { fixtureSource } from '../fixtures/load';
import { expect, servePages, tabIdOf, test } from './fixtures';
import { PANEL_LIST, RECOGNIZED, WORKER_STOP } from './timeouts';
import { badgeCount, expectBadgeCount, expectNoBadge, readBadge } from './badge';

/*
 * Regressions of the extension shell: the per-tab state outlives the MV3
 * service worker, and both badges follow that state (set and clear).
 */

const detail = FIXTURES.find((f) => f.file === 'lib/adapters/national-old/fixtures/procedure-detail.html')!;
const list = FIXTURES.find((f) => f.file === 'lib/adapters/national-old/fixtures/list.html')!;

/**
 * Stop the extension's service worker as Chrome does when it is idle: close its
 * target through CDP, then wait until the browser no longer lists it.
 * (Playwright's Worker "close" event comes only much later, so it is not used.)
 */
async function stopServiceWorker(context: BrowserContext, page: Page, worker: Worker): Promise<void> {
  const cdp = await context.newCDPSession(page);
  const workers = async () =>
    (await cdp.send('Target.getTargets')).targetInfos.filter((t) => t.type === 'service_worker' && t.url === worker.url());
  const [target] = await workers();
  if (!target) throw new Error('no service worker target');
  await cdp.send('Target.closeTarget', { targetId: target.targetId });
  await expect.poll(async () => (await workers()).map((t) => t.targetId), { timeout: WORKER_STOP }).not.toContain(target.targetId);
  await cdp.detach();
}

/** The toolbar badge text of a tab, read from an extension page (works whether the worker runs or not). */
function toolbarBadge(extensionPage: Page, tabId: number): Promise<string> {
  return extensionPage.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

/**
 * What a single-page portal does: replace its own content (elements it does not
 * know, such as the extension's badge, stay) and push the new address.
 */
async function swapContent(page: Page, html: string, url: string): Promise<void> {
  await page.evaluate(
    ({ html, url }) => {
      const doc = new DOMParser().parseFromString(html, 'text/html');
      for (const el of [...document.body.children]) if (!el.hasAttribute('data-da06-badge')) el.remove();
      document.body.prepend(...[...doc.body.children].map((el) => document.importNode(el, true)));
      history.pushState({}, '', url);
    },
    { html, url },
  );
}

test('after the service worker stops, the panel still shows the procedure of the tab', async ({ ext }) => {
  await servePages(ext.context, new Map([[detail.url, fixtureSource(detail)]]));
  const page = await ext.context.newPage();
  await page.goto(detail.url);
  await badgeCount(page);
  const tabId = await tabIdOf(ext.worker, detail.url);

  await stopServiceWorker(ext.context, page, ext.worker);

  const panel = await ext.context.newPage();
  await panel.goto(`chrome-extension://${ext.extensionId}/sidepanel.html?tab=${tabId}`);
  await expect(panel.getByTestId('recognized-name')).toHaveText('Đăng ký khai sinh', { timeout: PANEL_LIST });
  await expect(panel.getByTestId('recognized-code')).toHaveText('1.001193');
  await expect(panel.getByTestId('item-kh-tinh-2024#16')).toHaveAttribute('data-band', 'specific', { timeout: PANEL_LIST });
  // The toolbar badge and the panel still agree.
  const count = (await panel.getByTestId('band-count-specific').innerText()).trim();
  expect(await toolbarBadge(panel, tabId)).toBe(count);
});

test('leaving a procedure by in-page navigation clears the toolbar badge and removes the in-page badge', async ({ ext }) => {
  await servePages(ext.context, new Map([[detail.url, fixtureSource(detail)], [list.url, fixtureSource(list)]]));
  const page = await ext.context.newPage();
  await page.goto(detail.url);
  const count = await badgeCount(page);
  const tabId = await tabIdOf(ext.worker, detail.url);
  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await expect.poll(() => toolbarBadge(options, tabId), { timeout: RECOGNIZED }).toBe(count);
  // The portal swaps in its list of procedures and pushes the list's address.
  await swapContent(page, fixtureSource(list), list.url);
  await expectNoBadge(page);
  await expect.poll(() => toolbarBadge(options, tabId), { timeout: RECOGNIZED }).toBe('');

  // Back on a procedure: both badges return with the same count.
  await swapContent(page, fixtureSource(detail), detail.url);
  await expectBadgeCount(page, count);
  await expect.poll(() => toolbarBadge(options, tabId), { timeout: RECOGNIZED }).toBe(count);
});

test('a procedure with no specific item gets a badge in words, not a bare 0, and no toolbar number', async ({ ext }) => {
  // The detail page, made to show a mining licence: the plans have no task specific to it.
  const html = fixtureSource(detail)
    .replaceAll('Đăng ký khai sinh', 'Cấp giấy phép khai thác khoáng sản')
    .replace('1.001193', '1.000778')
    .replace('<div class="value">Hộ tịch</div>', '<div class="value">Khoáng sản</div>');
  const url = detail.url.replace('373812', '900001');
  await servePages(ext.context, new Map([[url, html]]));
  const page = await ext.context.newPage();
  await page.goto(url);
  await expect.poll(async () => (await readBadge(page)).text, { timeout: RECOGNIZED }).toBe('Đề án 06: không có mục riêng');
  const seen = await readBadge(page);
  expect(seen.count).toBeNull();
  expect(seen.label).toMatch(/không có mục riêng cho thủ tục này/);
  const tabId = await tabIdOf(ext.worker, url);
  const panel = await ext.context.newPage();
  await panel.goto(`chrome-extension://${ext.extensionId}/sidepanel.html?tab=${tabId}`);
  await expect(panel.getByTestId('recognized-name')).toHaveText('Cấp giấy phép khai thác khoáng sản');
  await expect(panel.getByTestId('band-count-specific')).toHaveText('0', { timeout: PANEL_LIST });
  expect(await toolbarBadge(panel, tabId)).toBe('');
  expect(await panel.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId)).toContain('không có mục riêng');
});
