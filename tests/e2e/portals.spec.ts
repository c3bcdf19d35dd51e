import type { Page, Worker } from '@playwright/test';
import { fixtureByFile } from '../fixtures/index';
import { fixtureSource } from '../fixtures/load';
import { expect, servePages, tabIdOf, test } from './fixtures';
import { expectBadgeCount, expectNoBadge } from './badge';

/*
 * The portals as staff use them in 2026: the national single-page app (late
 * render, route changes without page loads) and Thanh Hóa's one-stop screen
 * (a dossier modal over a list, no URL of its own). Fixtures are tiny fakes
 * that behave like those apps; they are served at the real addresses.
 */

const UUID = '019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7';
const SPA = 'lib/adapters/national-spa/fixtures/spa-app.html';
const ONE_STOP = 'lib/adapters/thanhhoa-motcua/fixtures/one-stop-app.html';

function panelUrl(extensionId: string, tabId: number): string {
  return `chrome-extension://${extensionId}/sidepanel.html?tab=${tabId}`;
}

/** Everything the extension keeps: every IndexedDB database of its origin, storage.local and storage.session. */
async function everythingStored(panel: Page, worker: Worker): Promise<string> {
  const idb = await panel.evaluate(async () => {
    const out: Record<string, unknown> = {};
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db: IDBDatabase = await new Promise((resolve, reject) => {
        const open = indexedDB.open(info.name!);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        out[`${info.name}/${store}`] = await new Promise((resolve) => {
          const r = db.transaction(store).objectStore(store).getAll();
          r.onsuccess = () => resolve(r.result);
        });
      }
      db.close();
    }
    return out;
  });
  const storage = await worker.evaluate(async () => ({
    local: await chrome.storage.local.get(null),
    session: await chrome.storage.session.get(null),
  }));
  return JSON.stringify({ idb, storage });
}

test('new national portal: list → detail → submission step in one tab without reloads, panel and badge follow', async ({ ext }) => {
  test.setTimeout(90_000);
  const html = fixtureSource({ file: SPA });
  const list = 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh';
  // The app answers every route with the same shell; it renders late and routes by itself.
  await servePages(ext.context, new Map([[list, html], [`https://dichvucong.gov.vn/thu-tuc-hanh-chinh/${UUID}`, html]]));
  const page = await ext.context.newPage();
  let loads = 0;
  page.on('load', () => loads++);
  await page.goto(list);
  const tabId = await tabIdOf(ext.worker, list);
  const panel = await ext.context.newPage();
  await panel.goto(panelUrl(ext.extensionId, tabId));
  const view = panel.getByTestId('current-page');

  await test.step('the list, after the bot check', async () => {
    await expect(view).toHaveAttribute('data-kind', 'procedure-list', { timeout: 15_000 });
    await expectNoBadge(page);
  });

  await test.step('a click opens the detail through history.pushState; it renders late', async () => {
    await page.getByRole('link', { name: 'Đăng ký khai sinh' }).click();
    await expect(page).toHaveURL(new RegExp(`/thu-tuc-hanh-chinh/${UUID}$`));
    await expect(view).toHaveAttribute('data-kind', 'procedure-info', { timeout: 15_000 });
    await expect(panel.getByTestId('recognized-name')).toHaveText('Đăng ký khai sinh', { timeout: 15_000 });
    await expect(panel.getByTestId('recognized-code')).toHaveText('1.001193', { timeout: 15_000 });
    await expect(panel.getByTestId('recognized-portalId')).toHaveText(UUID);
    await expect(panel.getByTestId('recognized-level')).toHaveText('Cấp xã');
    await expect(panel.getByTestId('recognized-agency')).toHaveText('Ủy ban nhân dân cấp xã');
    // Nothing from the "Tìm kiếm nhiều nhất" box.
    await expect(panel.locator('main')).not.toContainText('Gia hạn tạm trú');
    await expectBadgeCount(page, /^\d+$/);
  });

  await test.step('"Nộp hồ sơ" goes to submission step 2 (formalityId in the address)', async () => {
    await page.getByRole('link', { name: 'Nộp hồ sơ' }).click();
    await expect(page).toHaveURL(/tim-kiem-thu-tuc-hanh-chinh\?formalityId=/);
    await expect(view).toHaveAttribute('data-kind', 'online-submission', { timeout: 15_000 });
    await expect(panel.getByTestId('recognized-portalId')).toHaveText(UUID);
    await expect(panel.getByTestId('recognized-name')).toHaveText('Đăng ký khai sinh');
    await expectBadgeCount(page, /^\d+$/);
  });

  await test.step('back to the list with the browser\'s back button (popstate)', async () => {
    await page.goBack();
    await page.goBack();
    await expect(page).toHaveURL(list);
    await expect(view).toHaveAttribute('data-kind', 'procedure-list', { timeout: 15_000 });
    // A list is no procedure: the badge goes away.
    await expectNoBadge(page);
  });
  expect(loads).toBe(1);
});

test('one-stop screen: list → dossier modal → closed → another dossier, each with its own checklist; nothing personal stored', async ({ ext }) => {
  test.setTimeout(90_000);
  const f = fixtureByFile(ONE_STOP);
  await servePages(ext.context, new Map([[f.url, fixtureSource(f)]]));
  const page = await ext.context.newPage();
  await page.goto(f.url);
  const tabId = await tabIdOf(ext.worker, f.url);
  const panel = await ext.context.newPage();
  await panel.goto(panelUrl(ext.extensionId, tabId));
  const view = panel.getByTestId('current-page');

  await test.step('the list', async () => {
    await expect(view).toHaveAttribute('data-kind', 'procedure-list', { timeout: 15_000 });
    await expectNoBadge(page);
  });

  await test.step('open the first dossier: recognized, badge shows, its own checklist session', async () => {
    await page.getByRole('link', { name: /000\.00\.12\.H56-250701-0001/ }).click();
    await expect(view).toHaveAttribute('data-kind', 'dossier', { timeout: 15_000 });
    await expect(panel.getByTestId('recognized-dossierCode')).toHaveText('000.00.12.H56-250701-0001');
    await expect(panel.getByTestId('recognized-name')).toHaveText('Đăng ký khai sinh');
    await expectBadgeCount(page, /^\d+$/);
    await expect(panel.getByTestId('checklist-progress')).toBeVisible({ timeout: 15_000 });
    // The checklist is folded to its progress line until opened.
    await panel.getByTestId('checklist-toggle').click();
    await expect(panel.getByTestId('session-label')).toContainText('000.00.12.H56-250701-0001', { timeout: 15_000 });
    await panel.getByTestId('check-dinh-danh').getByTestId('tick-done').click();
    await expect(panel.getByTestId('check-dinh-danh')).toHaveAttribute('data-state', 'done');
  });

  await test.step('close it: the tab is back on the list and the badge is gone', async () => {
    await page.getByRole('button', { name: 'Close' }).click();
    await expect(view).toHaveAttribute('data-kind', 'procedure-list', { timeout: 15_000 });
    await expect(panel.getByTestId('recognized-dossierCode')).toHaveCount(0);
    await expectNoBadge(page);
  });

  await test.step('open another dossier: new code, new procedure, a fresh checklist session', async () => {
    await page.getByRole('link', { name: /000\.00\.12\.H56-250701-0002/ }).click();
    await expect(panel.getByTestId('recognized-dossierCode')).toHaveText('000.00.12.H56-250701-0002', { timeout: 15_000 });
    await expect(panel.getByTestId('recognized-name')).toHaveText('Đăng ký kết hôn');
    await expect(panel.getByTestId('session-label')).toContainText('000.00.12.H56-250701-0002', { timeout: 15_000 });
    await expect(panel.getByTestId('check-dinh-danh')).not.toHaveAttribute('data-state', 'done');
    await expectBadgeCount(page, /^\d+$/);
  });

  await test.step('nothing personal in IndexedDB, storage.local or storage.session', async () => {
    const stored = await everythingStored(panel, ext.worker);
    expect(stored).toContain('000.00.12.H56-250701-0001');
    for (const s of f.forbidden ?? []) expect(stored).not.toContain(s);
    for (const s of ['Trần Văn Cường', 'Trần Thị Bình', 'Hoàng Văn Đức', '038085009876', '0987654321', 'cuong.tran@example.vn', 'Lê Lợi']) {
      expect(stored).not.toContain(s);
    }
    const shown = await panel.locator('main').innerText();
    for (const s of ['Trần Văn Cường', '038085009876', 'Hoàng Văn Đức']) expect(shown).not.toContain(s);
  });
});
