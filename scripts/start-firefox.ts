/**
 * `npm run start:firefox`: open Debian's Firefox ESR with the built add-on on
 * the bundled demo procedure page (served at its real portal URL, no network).
 * With a display: a normal window; the toolbar button "Trợ lý Đề án 06" (in
 * the extensions menu until pinned) opens the sidebar. Without one: headless;
 * the in-page badge is clicked (the panel opens as a tab, as Firefox does for
 * that click) and a screenshot of the page and the panel tab is saved.
 */
import { resolve } from 'node:path';
import { ROOT } from './catalog-io';
import type { Browser, Page } from 'puppeteer-core';
import { firefoxExtensionDir, launchFirefoxWithExtension } from './firefox';
import { FIXTURES } from '../tests/fixtures/index';
import { fixtureSource } from '../tests/fixtures/load';

const DEMO_URL = 'https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=373812';
// The bundled fixture served at that URL (found by URL, wherever its file lives).
const DEMO = FIXTURES.find((f) => f.url === DEMO_URL && f.kind === 'procedure-info');
if (!DEMO) throw new Error(`no demo fixture for ${DEMO_URL}`);
const DEMO_HTML = fixtureSource(DEMO);
const SCREENSHOT = resolve(process.env.DA06_SCREENSHOT ?? 'da06-demo-firefox.png');

/** The panel tab the add-on opens when the badge is clicked. */
async function panelTab(browser: Browser): Promise<Page> {
  for (let i = 0; i < 100; i++) {
    for (const p of await browser.pages()) {
      if ((await p.evaluate(() => location.href).catch(() => '')).includes('/sidepanel.html')) return p;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the panel tab did not open');
}

async function main() {
  const headless = !process.env.DISPLAY || process.env.DA06_HEADLESS === '1';
  const { browser } = await launchFirefoxWithExtension(firefoxExtensionDir(ROOT), { headless });
  try {
    const page = await browser.newPage();
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      void (new URL(request.url()).host === 'dichvucong.gov.vn'
        ? request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: DEMO_HTML })
        : request.continue());
    });
    await page.goto(DEMO_URL);
    if (!headless) {
      console.log('Firefox is open on a demo procedure page with the add-on installed.');
      console.log('Click the toolbar button "Trợ lý Đề án 06" (extensions menu, or pin it) to open the sidebar.');
      console.log('Close the browser window to finish.');
      await new Promise<void>((done) => browser.on('disconnected', () => done()));
      return;
    }
    const button = await page.waitForSelector('[data-da06-badge] >>> button', { timeout: 15_000 });
    await button!.click();
    const panel = await panelTab(browser);
    await panel.waitForSelector('[data-testid="match-view"] [data-band]', { timeout: 20_000 });
    for (const p of [page, panel]) await p.setViewport({ width: 900, height: 900 });
    const pageShot = Buffer.from(await page.screenshot()).toString('base64');
    const panelShot = Buffer.from(await panel.screenshot()).toString('base64');
    const board = await browser.newPage();
    await board.setViewport({ width: 1820, height: 940 });
    await board.setContent(
      `<body style="margin:0;display:flex;gap:20px;background:#d0d7de;padding:10px;font-family:sans-serif">
        <figure style="margin:0"><figcaption>Firefox — trang thủ tục (demo) — ${DEMO_URL}</figcaption><img src="data:image/png;base64,${pageShot}" width="900"></figure>
        <figure style="margin:0"><figcaption>Bảng Trợ lý Đề án 06 (mở thành thẻ khi bấm huy hiệu)</figcaption><img src="data:image/png;base64,${panelShot}" width="900"></figure>
      </body>`,
    );
    await board.screenshot({ path: SCREENSHOT as `${string}.png`, fullPage: true });
    console.log(`No display found: ran headless. Screenshot of the demo page and the panel saved to ${SCREENSHOT}`);
  } finally {
    if (browser.connected) await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
