import type { Browser, Page } from 'puppeteer-core';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { FIXTURES } from '../fixtures/index';
import { fixtureSource } from '../fixtures/load';
import { EXTENSION_ORIGIN } from '../../scripts/firefox';
import {
  badgeCount,
  badgeNow,
  browserWindow,
  extensionPage,
  extensionPages,
  FIREFOX_TIMEOUTS,
  launchFirefox,
  portalTab,
  reloadPage,
  ABSENT_MARGIN_MS,
  tabIdOf,
  WIDGET_ID,
  type ExtensionGlobal,
} from './firefox';

/*
 * The extension in a real Firefox (Debian firefox-esr, the built MV2 add-on),
 * driven over WebDriver BiDi. Clicks are real input events, so they count as
 * user actions where Firefox asks for one (permissions.request); the message
 * a content script sends on a click does not carry that user action to the
 * background, so the badge opens the panel as a tab (sidebarAction.open is
 * refused), the same as for a user.
 */

/** One fixture case by what it is (not by where its file lives). */
function fixture(what: string, is: (f: (typeof FIXTURES)[number]) => boolean) {
  const found = FIXTURES.find(is);
  if (!found) throw new Error(`no fixture: ${what}`);
  return found;
}
const detail = fixture('national detail page of "Đăng ký khai sinh"', (f) =>
  f.url === 'https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=373812' && f.kind === 'procedure-info');
const dossier = fixture('Thanh Hóa one-stop dossier screen', (f) =>
  f.site === 'thanhhoa-motcua' && f.kind === 'dossier' && f.dossierCode === '000.00.12.H56-250701-0001');
const nationalList = fixture('national list of procedures', (f) => f.kind === 'procedure-list' && new URL(f.url).host === 'dichvucong.gov.vn');
const otherProvince = fixture('another province\'s portal (no built-in host)', (f) => f.url.startsWith('https://dichvucong.ninhbinh.gov.vn/'));

let browser: Browser;
/** A fresh Firefox for each test of the block (`systemAccess`: BiDi may reach the toolbar). */
function freshFirefox(options: { systemAccess?: boolean } = {}) {
  beforeEach(async () => {
    browser = await launchFirefox(options);
  });
  afterEach(async () => {
    await browser?.close();
  });
}

/** Portal page → badge → click → the panel tab the extension opens. */
async function openPanelFromBadge(pageUrl: string, html: string): Promise<{ portal: Page; panel: Page; href: string; count: string }> {
  const portal = await portalTab(browser, new Map([[pageUrl, html]]));
  await portal.goto(pageUrl);
  const count = await badgeCount(portal);
  expect(await extensionPages(browser, '/sidepanel.html')).toEqual([]);
  const button = await portal.waitForSelector('[data-da06-badge] >>> button');
  await button!.click();
  const { page: panel, href } = await extensionPage(browser, '/sidepanel.html');
  return { portal, panel, href, count };
}

async function bandOf(panel: Page, ref: string): Promise<string | null> {
  return panel.evaluate((r) => document.querySelector(`[data-testid="item-${CSS.escape(r)}"]`)?.getAttribute('data-band') ?? null, ref);
}

describe('Firefox: badge, panel tab, checklist', () => {
  freshFirefox();
  test('the badge on a national procedure page opens the panel as a tab for that page, listing the procedure\'s items', { timeout: FIREFOX_TIMEOUTS.test }, async () => {
    const { portal, panel, href, count } = await openPanelFromBadge(detail.url, fixtureSource(detail));
    expect(Number(count)).toBeGreaterThan(0);
    const label = await portal.$eval('[data-da06-badge] >>> button', (b) => b.getAttribute('aria-label'));
    expect(label).toBe(`Đề án 06: ${count} mục cho thủ tục này`);

    // The tab the extension opened is the panel pinned to the portal page's tab.
    const tabId = await tabIdOf(panel, detail.url);
    expect(tabId).not.toBeNull();
    expect(href).toBe(`${EXTENSION_ORIGIN}/sidepanel.html?tab=${tabId}`);
    // The toolbar button's badge (MV2 browserAction in Firefox) carries the same number.
    expect(await panel.evaluate((id) => (globalThis as unknown as ExtensionGlobal).browser.browserAction.getBadgeText({ tabId: id }), tabId!)).toBe(count);

    await panel.waitForSelector('[data-testid="match-view"] [data-band="specific"]', { timeout: FIREFOX_TIMEOUTS.panelItems });
    expect(await panel.$eval('[data-testid="current-page"]', (e) => e.textContent)).toContain('Đăng ký khai sinh');
    for (const ref of ['kh-tinh-2024#16', 'ct-04-2024#B25', 'kh-tinh-2024#32']) expect(await bandOf(panel, ref), ref).toBe('specific');
    expect(await bandOf(panel, 'kh-tinh-2024#41')).not.toBe('specific');
    // The badge says what the panel lists.
    expect(await panel.$eval('[data-testid="band-count-specific"]', (e) => e.textContent?.trim())).toBe(count);
    expect(await panel.$$eval('[data-band="specific"]', (items) => items.length)).toBe(Number(count));
  });

  test('a tick on a dossier survives a reload of the panel tab (IndexedDB)', { timeout: FIREFOX_TIMEOUTS.test }, async () => {
    const { panel } = await openPanelFromBadge(dossier.url, fixtureSource(dossier));
    await panel.waitForSelector('[data-testid="checklist"]', { timeout: FIREFOX_TIMEOUTS.panelItems });
    expect(await panel.$eval('[data-testid="session-label"]', (e) => e.textContent)).toContain(dossier.dossierCode!);
    expect(await bandOf(panel, 'kh-tinh-2024#16')).toBe('specific');

    // The checklist is folded to its progress line until opened (the choice is remembered).
    await panel.click('[data-testid="checklist-toggle"]');
    await panel.click('[data-testid="check-dinh-danh"] [data-testid="tick-done"]');
    await panel.waitForSelector('[data-testid="check-dinh-danh"][data-state="done"]', { timeout: FIREFOX_TIMEOUTS.action });
    await panel.click('[data-testid="check-so-hoa"] [data-testid="tick-na"]');
    // The note field appears once the "not applicable" tick is committed (a tick shows only when saved).
    await panel.waitForSelector('[data-testid="check-so-hoa"] [data-testid="na-note"]', { timeout: FIREFOX_TIMEOUTS.action });
    await panel.type('[data-testid="check-so-hoa"] [data-testid="na-note"]', 'Hồ sơ đã có bản điện tử');
    await panel.click('[data-testid="check-so-hoa"] [data-testid="na-note-save"]');
    await panel.waitForSelector('[data-testid="check-so-hoa"][data-state="na"]', { timeout: FIREFOX_TIMEOUTS.action });

    await reloadPage(panel);
    await panel.waitForSelector('[data-testid="check-dinh-danh"][data-state="done"]', { timeout: FIREFOX_TIMEOUTS.panelItems });
    expect(await panel.$eval('[data-testid="check-so-hoa"]', (e) => e.getAttribute('data-state'))).toBe('na');
    expect(await panel.$eval('[data-testid="check-so-hoa"] [data-testid="na-note"]', (e) => (e as HTMLInputElement).value)).toBe('Hồ sơ đã có bản điện tử');
    expect(await panel.$eval('[data-testid="check-thanh-toan"]', (e) => e.getAttribute('data-state'))).toBe('none');

    // Kept in the add-on's IndexedDB, with the dossier code and nothing personal.
    const stored = await panel.evaluate(async () => {
      const open = indexedDB.open('da06-journal');
      const db: IDBDatabase = await new Promise((resolve, reject) => {
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const all = (store: string) =>
        new Promise<unknown[]>((resolve) => {
          const r = db.transaction(store).objectStore(store).getAll();
          r.onsuccess = () => resolve(r.result);
        });
      const events = (await all('events')) as { checkId: string; state: string }[];
      return { events: events.map((e) => `${e.checkId}:${e.state}`), text: JSON.stringify([await all('sessions'), events]) };
    });
    expect(stored.events).toEqual(expect.arrayContaining(['dinh-danh:done', 'so-hoa:na']));
    expect(stored.text).toContain(dossier.dossierCode!);
    for (const s of dossier.forbidden ?? []) expect(stored.text).not.toContain(s);
  });
});

/** What a single-page portal does: swap its own content (the badge stays) and push the new address. */
async function swapContent(page: Page, html: string, url: string): Promise<void> {
  await page.evaluate(
    (h, u) => {
      const doc = new DOMParser().parseFromString(h, 'text/html');
      for (const el of [...document.body.children]) if (!el.hasAttribute('data-da06-badge')) el.remove();
      document.body.prepend(...[...doc.body.children].map((el) => document.importNode(el, true)));
      history.pushState({}, '', u);
    },
    html,
    url,
  );
}

describe('Firefox: badges follow the page', () => {
  freshFirefox();

  test('leaving a procedure by in-page navigation removes the in-page badge and clears the toolbar badge; coming back restores both', { timeout: FIREFOX_TIMEOUTS.test }, async () => {
    const { portal, panel, count } = await openPanelFromBadge(detail.url, fixtureSource(detail));
    const tabId = (await tabIdOf(panel, detail.url))!;
    const toolbar = () => panel.evaluate((id) => (globalThis as unknown as ExtensionGlobal).browser.browserAction.getBadgeText({ tabId: id }), tabId);
    expect(await toolbar()).toBe(count);

    await swapContent(portal, fixtureSource(nationalList), nationalList.url);
    await portal.waitForFunction(() => !document.querySelector('[data-da06-badge]'), { timeout: FIREFOX_TIMEOUTS.badge });
    await expect.poll(toolbar, { timeout: FIREFOX_TIMEOUTS.action }).toBe('');

    await swapContent(portal, fixtureSource(detail), detail.url);
    expect(await badgeCount(portal)).toBe(count);
    await expect.poll(toolbar, { timeout: FIREFOX_TIMEOUTS.action }).toBe(count);
  });
});

describe('Firefox: a host added in Options', () => {
  freshFirefox();
  const pattern = `*://${new URL(otherProvince.url).host}/*`;

  test('is granted on the user\'s click (never without one), runs the sensor there, and removing it stops it', { timeout: FIREFOX_TIMEOUTS.test }, async () => {
    // Options, opened the way the add-ons manager opens it.
    const { panel } = await openPanelFromBadge(detail.url, fixtureSource(detail));
    await panel.evaluate(() => (globalThis as unknown as ExtensionGlobal).browser.runtime.openOptionsPage());
    const { page: options } = await extensionPage(browser, '/options.html');
    await options.waitForSelector('[data-testid="no-user-hosts"]', { timeout: FIREFOX_TIMEOUTS.action });

    const contains = () => options.evaluate((p) => (globalThis as unknown as ExtensionGlobal).browser.permissions.contains({ origins: [p] }), pattern);
    expect(await contains()).toBe(false);
    // Firefox's rule: no permission request outside a user action.
    const scripted = await options.evaluate((p) =>
      (globalThis as unknown as ExtensionGlobal).browser.permissions.request({ origins: [p] }).then(String, (e: Error) => e.message),
    pattern);
    expect(scripted).toMatch(/user input handler/);
    expect(await contains()).toBe(false);

    // The user's click: type the host and press "Thêm" in the hosts form.
    const hostForm = 'form:has(input[name="host"])';
    await options.type(`${hostForm} input[name="host"]`, 'https://dichvucong.ninhbinh.gov.vn/thu-tuc');
    await options.click(`${hostForm} button[type="submit"]`);
    await options.waitForSelector('[data-testid="options-message"]', { timeout: FIREFOX_TIMEOUTS.action });
    expect(await options.$eval('[data-testid="options-message"]', (e) => e.textContent)).toContain('Đã thêm dichvucong.ninhbinh.gov.vn');
    expect(await options.$eval('[data-testid="user-hosts"]', (e) => e.textContent)).toContain('dichvucong.ninhbinh.gov.vn');
    expect(await contains()).toBe(true);

    // A page on that host now gets the sensor (generic reader) and the badge.
    const province = await portalTab(browser, new Map([[otherProvince.url, fixtureSource(otherProvince)]]));
    const loaded = Date.now();
    await province.goto(otherProvince.url);
    expect(Number(await badgeCount(province, FIREFOX_TIMEOUTS.genericBadge))).toBeGreaterThan(0);
    const tookMs = Date.now() - loaded;

    // Removing the host gives the permission back and the sensor no longer runs there.
    await options.click('[data-testid="user-hosts"] button[aria-label="Gỡ dichvucong.ninhbinh.gov.vn"]');
    await options.waitForSelector('[data-testid="no-user-hosts"]', { timeout: FIREFOX_TIMEOUTS.action });
    expect(await contains()).toBe(false);
    await reloadPage(province);
    // As long as the badge took to come while the host was added, plus a margin.
    await new Promise((r) => setTimeout(r, tookMs + ABSENT_MARGIN_MS));
    expect(await badgeNow(province)).toBeNull();
  });
});

describe('Firefox: the toolbar button', () => {
  freshFirefox({ systemAccess: true });

  test('opens the sidebar with the panel of the active procedure page, and closes it', { timeout: FIREFOX_TIMEOUTS.test }, async () => {
    const portal = await portalTab(browser, new Map([[detail.url, fixtureSource(detail)]]));
    await portal.goto(detail.url);
    const count = await badgeCount(portal);
    const win = await browserWindow(browser);
    const sidebarState = () => win(`[SidebarController.isOpen, SidebarController.currentID].join(' ')`);
    const ours = `true ${WIDGET_ID}-sidebar-action`;
    // The user pins the add-on's button to the toolbar, then clicks it.
    await win(`CustomizableUI.addWidgetToArea('${WIDGET_ID}-browser-action', CustomizableUI.AREA_NAVBAR)`);
    expect(await sidebarState()).not.toBe(ours);
    await win(`document.getElementById('${WIDGET_ID}-BAP').click()`);
    await expect.poll(sidebarState, { timeout: FIREFOX_TIMEOUTS.action }).toBe(ours);
    const sidebarPage = () => win(`SidebarController.browser.contentDocument.getElementById('webext-panels-browser')?.currentURI.spec ?? null`);
    await expect.poll(sidebarPage, { timeout: FIREFOX_TIMEOUTS.action }).toBe(`${EXTENSION_ORIGIN}/sidepanel.html`);

    // What the sidebar shows, read through an extension page opened in a background tab
    // (the sidebar follows the active tab, which stays the portal page).
    await win(`gBrowser.addTab('${EXTENSION_ORIGIN}/options.html', { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() }); 0`);
    const { page: extensionTab } = await extensionPage(browser, '/options.html');
    const sidebar = () =>
      extensionTab.evaluate(() => {
        const views = (globalThis as unknown as { browser: { extension: { getViews(o: object): Window[] } } }).browser.extension.getViews({ type: 'sidebar' });
        const doc = views[0]?.document;
        return {
          views: views.length,
          page: doc?.querySelector('[data-testid="current-page"]')?.textContent ?? null,
          specific: doc?.querySelectorAll('[data-testid="match-view"] [data-band="specific"]').length ?? 0,
        };
      });
    await expect.poll(async () => (await sidebar()).specific, { timeout: FIREFOX_TIMEOUTS.panelItems }).toBe(Number(count));
    const shown = await sidebar();
    expect(shown.views).toBe(1);
    expect(shown.page).toContain('Đăng ký khai sinh');

    // A second click closes it.
    await win(`document.getElementById('${WIDGET_ID}-BAP').click()`);
    await expect.poll(sidebarState, { timeout: FIREFOX_TIMEOUTS.action }).toBe('false ');
  });
});
