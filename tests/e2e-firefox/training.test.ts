import type { Browser, HTTPRequest, Page } from 'puppeteer-core';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { FIXTURES } from '../fixtures/index';
import { fixtureSource } from '../fixtures/load';
import { EXTENSION_ORIGIN } from '../../scripts/firefox';
import { badgeCount, extensionPage, FIREFOX_TIMEOUTS, launchFirefox, portalTab, type ExtensionGlobal } from './firefox';

/*
 * The training demo flow in Firefox (issue 13), with the network blocked for
 * every page. BiDi cannot open moz-extension:// pages itself, so the flow
 * starts as a user's would: a portal page's badge opens the panel tab, whose
 * "Trang Đào tạo" link opens the Đào tạo page; from there everything is clicks.
 */

let browser: Browser;
beforeEach(async () => {
  browser = await launchFirefox();
});
afterEach(async () => {
  await browser?.close();
});

/** Abort every http(s) request of a page (extension pages load from moz-extension://). */
async function blockNetwork(page: Page, attempted: string[]): Promise<void> {
  await page.setRequestInterception(true);
  page.on('request', (request: HTTPRequest) => {
    if (/^https?:/.test(request.url())) {
      attempted.push(request.url());
      void request.abort('internetdisconnected');
    } else void request.continue();
  });
}

const detail = FIXTURES.find((f) => f.url === 'https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=373812' && f.kind === 'procedure-info')!;

describe('Firefox: training', () => {
  test('Đào tạo page → demo screen offline → badge, panel tab with the items, demo-flagged tick; a tour by keyboard', { timeout: FIREFOX_TIMEOUTS.test * 2 }, async () => {
    // The way in: a portal page's badge → the panel tab → its link to the Đào tạo page.
    const portal = await portalTab(browser, new Map([[detail.url, fixtureSource(detail)]]));
    await portal.goto(detail.url);
    await badgeCount(portal);
    await (await portal.waitForSelector('[data-da06-badge] >>> button'))!.click();
    const { page: firstPanel } = await extensionPage(browser, '/sidepanel.html');
    // The link opens a new tab, which BiDi does not hand to Puppeteer: follow it in this tab instead.
    await firstPanel.waitForSelector('[data-testid="open-training"]', { timeout: FIREFOX_TIMEOUTS.panelItems });
    const training = firstPanel;
    const attempted: string[] = [];
    await blockNetwork(training, attempted);
    await training.evaluate(() => {
      location.href = (document.querySelector('[data-testid="open-training"]') as HTMLAnchorElement).href;
    });
    await training.waitForFunction(() => location.pathname === '/training.html' && document.querySelector('[data-testid="training-page"]'), { timeout: FIREFOX_TIMEOUTS.extensionTab });
    await portal.close();

    // A demo screen of the one-stop system: open a dossier.
    await (await training.waitForSelector('[data-testid="screen-motcua-xu-ly"]', { timeout: FIREFOX_TIMEOUTS.extensionTab }))!.click();
    await training.waitForFunction(() => location.pathname === '/demo.html' && document.querySelector('a.open-dossier'), { timeout: FIREFOX_TIMEOUTS.extensionTab });
    const marker = await training.$eval('da06-training-bar >>> [data-testid="training-marker"]', (e) => e.textContent);
    expect(marker).toBe('ĐÀO TẠO');
    await training.click('a.open-dossier');
    const count = await badgeCount(training);
    expect(Number(count)).toBeGreaterThan(0);
    const demoHref = await training.evaluate(() => location.href);
    const tabId = await training.evaluate(async (u) => (await (globalThis as unknown as ExtensionGlobal).browser.tabs.query({})).find((t) => t.url === u)?.id ?? null, demoHref);
    expect(tabId).not.toBeNull();
    expect(await training.evaluate((id) => (globalThis as unknown as ExtensionGlobal).browser.browserAction.getBadgeText({ tabId: id }), tabId!)).toBe(count);

    // The badge opens the panel (as a tab in Firefox) for this demo tab, with the same items.
    await (await training.waitForSelector('[data-da06-badge] >>> button'))!.click();
    const { page: panel, href } = await extensionPage(browser, '/sidepanel.html');
    expect(href).toBe(`${EXTENSION_ORIGIN}/sidepanel.html?tab=${tabId}`);
    await panel.waitForSelector('[data-testid="match-view"] [data-band="specific"]', { timeout: FIREFOX_TIMEOUTS.panelItems });
    expect(await panel.$eval('[data-testid="band-count-specific"]', (e) => e.textContent?.trim())).toBe(count);
    expect(await panel.$eval('[data-testid="current-page"]', (e) => e.textContent)).toContain('000.00.12.H56-261120-0001');
    expect(await panel.$eval('[data-testid="panel-training-marker"]', (e) => e.textContent)).toBe('ĐÀO TẠO');

    // A tick on the demo screen is stored flagged demo.
    await panel.waitForSelector('[data-testid="checklist"]', { timeout: FIREFOX_TIMEOUTS.panelItems });
    // The checklist is folded to its progress line until opened.
    await panel.click('[data-testid="checklist-toggle"]');
    await panel.click('[data-testid="check-dinh-danh"] [data-testid="tick-done"]');
    await panel.waitForSelector('[data-testid="check-dinh-danh"][data-state="done"]', { timeout: FIREFOX_TIMEOUTS.action });
    const demoFlags = await panel.evaluate(async () => {
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
      return [...(await all('sessions')), ...(await all('events'))].map((x) => x.demo);
    });
    expect(demoFlags.length).toBeGreaterThan(1);
    expect(demoFlags.every(Boolean)).toBe(true);

    // A tour on this screen, by keyboard, to the end.
    await training.bringToFront();
    await training.click('da06-training-bar >>> [data-testid="start-tour-mot-cua-ma-ho-so"]');
    await training.waitForFunction(() => document.documentElement.dataset.tour === 'running', { timeout: FIREFOX_TIMEOUTS.action });
    const steps: string[] = [];
    for (let i = 0; i < 10; i++) {
      const step = await training.evaluate(() => document.querySelector('da06-tour')?.shadowRoot?.querySelector('[data-testid="tour-dialog"]')?.getAttribute('data-step') ?? null);
      if (!step) break;
      steps.push(step);
      await training.keyboard.press('ArrowRight');
      await training.waitForFunction(
        (prev) => document.documentElement.dataset.tour === 'finished' || document.querySelector('da06-tour')?.shadowRoot?.querySelector('[data-testid="tour-dialog"]')?.getAttribute('data-step') !== prev,
        { timeout: FIREFOX_TIMEOUTS.action },
        step,
      );
    }
    expect(steps).toEqual(['danh-sach', 'ma-ho-so', 'ten-thu-tuc', 'thanh-toan']);
    expect(await training.evaluate(() => document.documentElement.dataset.tour)).toBe('finished');
    expect(attempted).toEqual([]);
  });
});
