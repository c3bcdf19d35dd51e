import { resolve } from 'node:path';
import type { Browser, HTTPRequest, Page } from 'puppeteer-core';
import { ADDON_ID, EXTENSION_ORIGIN, firefoxExtensionDir, launchFirefoxWithExtension } from '../../scripts/firefox';
import { FIREFOX_TIMEOUTS } from '../e2e/timeouts';

/** The named waits of the Firefox E2E live with the others in tests/e2e/timeouts.ts. */
export { ABSENT_MARGIN_MS, FIREFOX_TIMEOUTS } from '../e2e/timeouts';

/*
 * Helpers for the Firefox E2E: Debian's firefox-esr driven by puppeteer-core
 * over WebDriver BiDi, with the built add-on (.output/firefox-mv2) installed.
 *
 * What Firefox allows here, and how the helpers live with it:
 * - BiDi refuses to navigate a tab to a moz-extension:// URL, so extension
 *   pages are only reached when the extension itself opens them (the panel
 *   tab the badge opens, the options page). `extensionPage` finds such a tab.
 * - Puppeteer's page.url() stays "about:blank" for those tabs (no navigation
 *   event reaches it), so tabs are told apart by their own location.href.
 * - page.reload() on them waits for that missing event too; `reloadPage`
 *   reloads from inside the page and waits for the new document.
 */

export const FIREFOX_EXTENSION_PATH = firefoxExtensionDir(resolve('.'));

export async function launchFirefox(options: { systemAccess?: boolean } = {}): Promise<Browser> {
  const { browser } = await launchFirefoxWithExtension(FIREFOX_EXTENSION_PATH, options);
  return browser;
}

/** Firefox's widget id for the add-on (ext-common's makeWidgetId). */
export const WIDGET_ID = ADDON_ID.toLowerCase().replace(/[^a-z0-9_-]/g, '_');

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
}

/**
 * Evaluate an expression in Firefox's own browser window (chrome scope), where
 * the toolbar and the sidebar live. Needs `launchFirefox({ systemAccess: true })`.
 * Puppeteer has no API for it; this sends the raw BiDi commands on its connection.
 */
export async function browserWindow(browser: Browser): Promise<(expression: string) => Promise<unknown>> {
  const connection = (browser as unknown as { connection: BidiConnection }).connection;
  const tree = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const [top] = tree.result.contexts as { context: string; url: string }[];
  if (!top?.url.startsWith('chrome://browser/')) throw new Error(`no browser window in the chrome scope: ${JSON.stringify(tree.result)}`);
  return async (expression) => {
    const { result } = await connection.send('script.evaluate', { expression, target: { context: top.context }, awaitPromise: true });
    const outcome = result as { type: string; result?: { value?: unknown }; exceptionDetails?: { text: string } };
    if (outcome.type !== 'success') throw new Error(`in the browser window: ${outcome.exceptionDetails?.text ?? JSON.stringify(outcome)}`);
    return outcome.result?.value;
  };
}

/**
 * A new tab whose requests to the fixtures' hosts are answered with the
 * fixture pages (by URL without the fragment), so portal pages load at their
 * real addresses with no network; other requests to those hosts get 404.
 */
export async function portalTab(browser: Browser, pages: Map<string, string>): Promise<Page> {
  const byUrl = new Map([...pages].map(([url, html]) => [url.split('#')[0], html]));
  const hosts = new Set([...byUrl.keys()].map((u) => new URL(u).host));
  const page = await browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (request: HTTPRequest) => {
    const url = request.url().split('#')[0];
    let host = '';
    try {
      host = new URL(url).host;
    } catch {
      // data:, about: and the like: not ours.
    }
    if (!hosts.has(host)) {
      void request.continue();
      return;
    }
    const body = byUrl.get(url);
    void (body === undefined
      ? request.respond({ status: 404, contentType: 'text/plain', body: 'not found' })
      : request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body }));
  });
  return page;
}

/** A tab's own location ('' when it cannot answer now, e.g. in the middle of a navigation). */
async function hrefOf(page: Page): Promise<string> {
  const askMs = 2_000;
  return Promise.race([
    page.evaluate(() => location.href).catch(() => ''),
    new Promise<string>((resolve) => setTimeout(() => resolve(''), askMs)),
  ]);
}

/** Every open tab that shows an extension page whose path starts with `path` (e.g. "/sidepanel.html"). */
export async function extensionPages(browser: Browser, path: string): Promise<{ page: Page; href: string }[]> {
  const found: { page: Page; href: string }[] = [];
  for (const page of await browser.pages()) {
    const href = await hrefOf(page);
    if (href.startsWith(`${EXTENSION_ORIGIN}${path}`)) found.push({ page, href });
  }
  return found;
}

/** Wait for the extension to open a tab on `path`; returns it and its URL. */
export async function extensionPage(browser: Browser, path: string, timeout: number = FIREFOX_TIMEOUTS.extensionTab): Promise<{ page: Page; href: string }> {
  const until = Date.now() + timeout;
  while (Date.now() < until) {
    const [first] = await extensionPages(browser, path);
    if (first) return first;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the extension opened no tab on ${EXTENSION_ORIGIN}${path} within ${timeout} ms`);
}

/** Reload a page from inside it and wait for the new document to be complete. */
export async function reloadPage(page: Page, timeout: number = FIREFOX_TIMEOUTS.panelItems): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __da06BeforeReload?: boolean }).__da06BeforeReload = true;
    location.reload();
  });
  await page.waitForFunction(
    () => !(window as unknown as { __da06BeforeReload?: boolean }).__da06BeforeReload && document.readyState === 'complete',
    { timeout },
  );
}

/** The in-page badge's count, once it shows (Firefox keeps its shadow root open; the host carries data-da06-badge). */
export async function badgeCount(page: Page, timeout: number = FIREFOX_TIMEOUTS.badge): Promise<string> {
  const handle = await page.waitForFunction(
    () => document.querySelector('[data-da06-badge]')?.shadowRoot?.querySelector('.count')?.textContent || null,
    { timeout },
  );
  return (await handle.jsonValue()) as string;
}

/** The badge's text right now, or null when there is none. */
export async function badgeNow(page: Page): Promise<string | null> {
  return page.evaluate(() => document.querySelector('[data-da06-badge]')?.shadowRoot?.querySelector('.count')?.textContent ?? null);
}

/** The id of the tab showing `url`, asked of the extension from one of its pages. */
export async function tabIdOf(extensionPage: Page, url: string): Promise<number | null> {
  return extensionPage.evaluate(async (u) => {
    return (await (globalThis as unknown as ExtensionGlobal).browser.tabs.query({})).find((t) => t.url === u)?.id ?? null;
  }, url);
}

/**
 * The few extension APIs the tests call from an extension page, typed for
 * `page.evaluate(() => (globalThis as unknown as ExtensionGlobal).browser…)`.
 * (BiDi evaluates in the page without its CSP; the page itself could not eval.)
 */
export interface ExtensionGlobal {
  browser: {
    permissions: {
      contains(p: { origins: string[] }): Promise<boolean>;
      request(p: { origins: string[] }): Promise<boolean>;
    };
    runtime: { openOptionsPage(): Promise<void> };
    browserAction: { getBadgeText(d: { tabId: number }): Promise<string> };
    tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
  };
}
