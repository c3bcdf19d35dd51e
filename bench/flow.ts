/**
 * The E2E flow timed in both browsers, side by side (printed, never asserted):
 * a fresh browser with the built extension → the national detail fixture at
 * its real URL → the in-page badge → the panel listing the procedure's items.
 *
 * - Chromium (Playwright, .output/chrome-mv3): the panel page opened as a tab
 *   (the docked side panel cannot be driven).
 * - Firefox (puppeteer-core over WebDriver BiDi, .output/firefox-mv2): the
 *   badge is clicked and the panel is the tab the extension opens, as in the
 *   Firefox E2E (sidebarAction.open is refused without a user action).
 * Each run starts a new browser with a new profile; medians of RUNS runs.
 */
import { existsSync } from 'node:fs';
import { ROOT } from '../scripts/catalog-io';
import { chromeExtensionDir, launchWithExtension } from '../scripts/chromium';
import { FIREFOX_PATH, firefoxExtensionDir, launchFirefoxWithExtension } from '../scripts/firefox';
import { FIXTURES } from '../tests/fixtures/index';
import { fixtureSource } from '../tests/fixtures/load';
import { badgeCount, extensionPage, portalTab } from '../tests/e2e-firefox/firefox';
import { median } from './stats';
import type { Figure } from './browser';
import { badgeCount as chromiumBadgeCount } from '../tests/e2e/badge';

const RUNS = 3;
const ITEMS = '[data-testid="match-view"] [data-band="specific"]';


interface FlowTimes {
  launch: number;
  badge: number;
  panelItems: number;
}

const fixture = () => FIXTURES.find((x) => x.file === 'national/procedure-detail.html')!;

async function chromiumFlow(): Promise<FlowTimes> {
  const f = fixture();
  const html = fixtureSource(f);
  const t0 = performance.now();
  const context = await launchWithExtension(chromeExtensionDir(ROOT));
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const launch = performance.now() - t0;
    await context.route('https://dichvucong.gov.vn/**', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
    const page = await context.newPage();
    await page.goto(f.url);
    await chromiumBadgeCount(page, 15_000);
    const badge = performance.now() - t0;
    const tabId = await worker.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id ?? null, f.url);
    const panel = await context.newPage();
    await panel.goto(`chrome-extension://${new URL(worker.url()).host}/sidepanel.html?tab=${tabId}`);
    await panel.locator(ITEMS).first().waitFor({ timeout: 20_000 });
    return { launch, badge, panelItems: performance.now() - t0 };
  } finally {
    await context.close();
  }
}

async function firefoxFlow(): Promise<FlowTimes> {
  const f = fixture();
  const t0 = performance.now();
  const { browser } = await launchFirefoxWithExtension(firefoxExtensionDir(ROOT));
  try {
    const launch = performance.now() - t0;
    const page = await portalTab(browser, new Map([[f.url, fixtureSource(f)]]));
    await page.goto(f.url);
    await badgeCount(page);
    const badge = performance.now() - t0;
    const button = await page.waitForSelector('[data-da06-badge] >>> button');
    await button!.click();
    const { page: panel } = await extensionPage(browser, '/sidepanel.html');
    await panel.waitForSelector(ITEMS, { timeout: 20_000 });
    return { launch, badge, panelItems: performance.now() - t0 };
  } finally {
    await browser.close();
  }
}

function summarize(prefix: string, label: string, runs: FlowTimes[]): Record<string, Figure> {
  const m = (k: keyof FlowTimes) => Math.round(median(runs.map((r) => r[k])));
  return {
    [`${prefix}LaunchMs`]: { value: m('launch'), unit: 'ms', note: `${label}: start → extension running (median of ${runs.length} fresh browsers)` },
    [`${prefix}LaunchToBadgeMs`]: { value: m('badge'), unit: 'ms', note: `${label}: start → in-page badge on the national detail fixture` },
    [`${prefix}LaunchToPanelItemsMs`]: { value: m('panelItems'), unit: 'ms', note: `${label}: start → panel tab listing the specific items` },
  };
}

/** The E2E flow in Chromium and in Firefox (needs both builds). */
export async function flowFigures(): Promise<Record<string, Figure>> {
  const figures: Record<string, Figure> = {};
  const chromium: FlowTimes[] = [];
  for (let i = 0; i < RUNS; i++) chromium.push(await chromiumFlow());
  Object.assign(figures, summarize('chromiumFlow', 'Chromium', chromium));
  if (!existsSync(FIREFOX_PATH)) {
    console.error(`bench: ${FIREFOX_PATH} is missing; Firefox flow skipped (npm run browsers)`);
    return figures;
  }
  const firefox: FlowTimes[] = [];
  for (let i = 0; i < RUNS; i++) firefox.push(await firefoxFlow());
  Object.assign(figures, summarize('firefoxFlow', 'Firefox ESR (badge clicked, panel opened by the extension)', firefox));
  return figures;
}
