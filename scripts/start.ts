/**
 * `npm start`: open Chromium with the built extension on a bundled demo
 * procedure page (served at its real portal URL, no network needed).
 * With a display: a normal window; click the toolbar icon to open the panel.
 * Without one: headless, and a screenshot of page + panel is saved.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT } from './catalog-io';
import { chromeExtensionDir, launchWithExtension } from './chromium';

const EXTENSION = chromeExtensionDir(ROOT);
const DEMO_URL = 'https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=373812';
const DEMO_HTML = readFileSync(join(ROOT, 'lib', 'adapters', 'national-old', 'fixtures', 'procedure-detail.html'), 'utf8');
const SCREENSHOT = resolve(process.env.DA06_SCREENSHOT ?? 'da06-demo.png');

async function main() {
  const headless = !process.env.DISPLAY || process.env.DA06_HEADLESS === '1';
  const context = await launchWithExtension(EXTENSION, {
    headless,
    viewport: headless ? { width: 900, height: 900 } : null,
  });
  await context.route('https://dichvucong.gov.vn/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: DEMO_HTML }),
  );
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(DEMO_URL);
  const tabId = await worker.evaluate(async (url: string) => {
    const c = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number }[]> } } }).chrome;
    return (await c.tabs.query({ url }))[0]?.id ?? null;
  }, DEMO_URL);
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html${tabId === null ? '' : `?tab=${tabId}`}`);

  if (!headless) {
    await page.bringToFront();
    console.log('Chromium is open on a demo procedure page with the extension loaded.');
    console.log('Click the toolbar icon "Trợ lý Đề án 06" to open the side panel (also open in the second tab).');
    console.log('Close the browser window to finish.');
    await new Promise<void>((done) => context.on('close', () => done()));
    return;
  }

  await panel.waitForSelector('[data-testid="count-tasks"]');
  await panel.waitForSelector('[data-testid="current-page"]', { timeout: 5000 }).catch(() => undefined);
  const pageShot = (await page.screenshot()).toString('base64');
  const panelShot = (await panel.screenshot({ fullPage: true })).toString('base64');
  const board = await context.newPage();
  await board.setViewportSize({ width: 1820, height: 940 });
  await board.setContent(
    `<body style="margin:0;display:flex;gap:20px;background:#d0d7de;padding:10px;font-family:sans-serif">
      <figure style="margin:0"><figcaption>Trang thủ tục (demo) — ${DEMO_URL}</figcaption><img src="data:image/png;base64,${pageShot}" width="900"></figure>
      <figure style="margin:0"><figcaption>Bảng bên — Trợ lý Đề án 06</figcaption><img src="data:image/png;base64,${panelShot}" width="900"></figure>
    </body>`,
  );
  await board.screenshot({ path: SCREENSHOT, fullPage: true });
  await context.close();
  console.log(`No display found: ran headless. Screenshot of the demo page and the side panel saved to ${SCREENSHOT}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
