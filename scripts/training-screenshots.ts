/**
 * Screenshots for the trainer's guide (README): `npx tsx scripts/training-screenshots.ts`
 * after `npm run build:chrome`. Offline (every http(s) request aborted). Writes docs/img/training-*.png.
 */
import { writeFileSync } from 'node:fs';
import { chromeExtensionDir, launchWithExtension } from './chromium';

async function main() {
  const context = await launchWithExtension(chromeExtensionDir(process.cwd()));
  try {
    await context.route(/^https?:\/\//, (route) => route.abort('internetdisconnected'));
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const id = new URL(worker.url()).host;
    const page = await context.newPage();
    await page.setViewportSize({ width: 1000, height: 640 });

    // 1. The Đào tạo page.
    await page.goto(`chrome-extension://${id}/training.html`);
    await page.getByTestId('training-page').waitFor();
    await page.screenshot({ path: 'docs/img/training-page.png' });

    // 2. A tour step over the national portal's demo screen.
    await page.goto(`chrome-extension://${id}/demo.html?screen=spa-khai-sinh&tour=khai-sinh-cong-quoc-gia`);
    await page.waitForFunction(() => document.documentElement.dataset.tour === 'running');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.documentElement.dataset.tourStep === '1');
    await page.waitForTimeout(300);
    await page.screenshot({ path: 'docs/img/training-tour.png' });

    // 3. The one-stop demo with a dossier open and its badge, beside the panel in presenter mode.
    await page.goto(`chrome-extension://${id}/training.html`);
    await page.getByTestId('presenter-toggle').check();
    await page.goto(`chrome-extension://${id}/demo.html?screen=motcua-xu-ly`);
    await page.locator('a.open-dossier').first().click();
    await page.waitForFunction(() => document.querySelector('[data-da06-badge]')?.shadowRoot?.querySelector('.count')?.textContent);
    const demoShot = await page.screenshot();
    const tabId = await worker.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id, page.url());
    const panel = await context.newPage();
    await panel.setViewportSize({ width: 420, height: 640 });
    await panel.goto(`chrome-extension://${id}/sidepanel.html?tab=${tabId}`);
    await panel.getByTestId('checklist').waitFor({ timeout: 15_000 });
    const panelShot = await panel.screenshot();
    if (process.env.DEBUG_SHOTS) await panel.screenshot({ path: '/tmp/training-panel-full.png', fullPage: true });
    const both = await context.newPage();
    await both.setViewportSize({ width: 1420, height: 640 });
    await both.setContent(
      `<body style="margin:0;display:flex;background:#888"><img src="data:image/png;base64,${demoShot.toString('base64')}" width="1000" height="640"><img src="data:image/png;base64,${panelShot.toString('base64')}" width="420" height="640"></body>`,
    );
    const shot = await both.screenshot({ scale: 'css' });
    writeFileSync('docs/img/training-presenter.png', shot);
  } finally {
    await context.close();
  }
}
void main();
