import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { fixtureByFile } from '../fixtures/index';
import { fixtureSource } from '../fixtures/load';
import { badgeCount, BADGE_HOST, clickBadge, readBadge } from './badge';
import { expect, servePages, tabIdOf, test } from './fixtures';
import { RECOGNIZED } from './timeouts';

/*
 * Issue 15, cause 5: the page boundary. A portal page at its real address
 * carries hostile CSS and script (tests/fixtures/hostile/badge-attacks.html):
 * it pre-empts the badge's old element name, restyles, hides and removes what
 * the extension adds, reads whatever it can, and clicks the badge by script.
 * The badge must stay visible and usable, tell the page nothing beyond a
 * marker, and open the panel only on a real click.
 */

const detail = fixtureByFile('lib/adapters/national-old/fixtures/procedure-detail.html');
const HOSTILE = readFileSync('tests/fixtures/hostile/badge-attacks.html', 'utf8');
const hostilePage = (html: string) => html.replace('</head>', `${HOSTILE}</head>`);

/** Panel pages open anywhere (side panel targets and tabs). */
async function panelTargets(context: BrowserContext, page: Page, extensionId: string): Promise<{ type: string; url: string }[]> {
  const cdp = await context.newCDPSession(page);
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    return targetInfos.filter((t) => t.url.includes(`${extensionId}/sidepanel.html`)).map((t) => ({ type: t.type, url: t.url }));
  } finally {
    await cdp.detach();
  }
}

async function toolbarCount(context: BrowserContext, extensionId: string, tabId: number): Promise<string> {
  const ext = await context.newPage();
  await ext.goto(`chrome-extension://${extensionId}/options.html`);
  const text = await ext.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
  await ext.close();
  return text;
}

test('attack: hostile CSS and script hide, move, restyle and remove the badge → it stays visible at its corner, same count', async ({ ext }) => {
  await servePages(ext.context, new Map([[detail.url, hostilePage(fixtureSource(detail))]]));
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 1200, height: 800 });
  await page.goto(detail.url);
  const count = await badgeCount(page);
  const tabId = await tabIdOf(ext.worker, detail.url);
  expect(await toolbarCount(ext.context, ext.extensionId, tabId)).toBe(count);
  // Give the page's observer time to act on the badge (it removes it 50 ms after each insertion).
  await page.waitForTimeout(1000);
  const seen = await readBadge(page);
  expect(seen).toMatchObject({ present: true, count, label: `Đề án 06: ${count} mục cho thủ tục này` });
  const box = await page.locator(BADGE_HOST).boundingBox();
  expect(box).not.toBeNull();
  // Bottom-right corner, its own size (the page's 40px fonts and 0 sizes do not apply).
  expect(box!.width).toBeGreaterThan(60);
  expect(box!.width).toBeLessThan(260);
  expect(box!.height).toBeGreaterThan(20);
  expect(box!.height).toBeLessThan(60);
  expect(1200 - (box!.x + box!.width)).toBeCloseTo(16, 0);
  expect(800 - (box!.y + box!.height)).toBeCloseTo(16, 0);
  // What the page's own hit test finds there is the badge (nothing covers it, pointer events reach it).
  const hit = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.hasAttribute('data-da06-badge') ?? false, { x: box!.x + box!.width / 2, y: box!.y + box!.height / 2 });
  expect(hit).toBe(true);
  await page.screenshot({ path: 'test-results/boundary-hostile-page.png' });
});

test('attack: page reads the badge (shadowRoot, text, attributes) → only the marker, no count, no words', async ({ ext }) => {
  await servePages(ext.context, new Map([[detail.url, hostilePage(fixtureSource(detail))]]));
  const page = await ext.context.newPage();
  await page.goto(detail.url);
  const count = await badgeCount(page);
  expect((await readBadge(page)).mode).toBe('closed');
  const visible = await page.evaluate(() => {
    const host = document.querySelector('[data-da06-badge]')!;
    return {
      shadowRoot: host.shadowRoot === null,
      text: host.textContent,
      html: host.innerHTML,
      attributes: [...host.attributes].map((a) => `${a.name}=${a.value}`),
      leak: (window as unknown as { __leak: string[] }).__leak.join('\n'),
    };
  });
  expect(visible).toMatchObject({ shadowRoot: true, text: '', html: '', attributes: ['data-da06-badge='] });
  expect(visible.leak).not.toContain(count);
  expect(visible.leak).not.toContain('Đề án');
  expect(visible.leak).not.toContain('mục');
});

test('attack: 20 synthetic clicks on the badge (click(), dispatchEvent, elementFromPoint) → 0 panels; a real click → 1', async ({ ext }) => {
  await servePages(ext.context, new Map([[detail.url, fixtureSource(detail)]]));
  const page = await ext.context.newPage();
  await page.goto(detail.url);
  await badgeCount(page);
  const tabId = await tabIdOf(ext.worker, detail.url);
  expect(await panelTargets(ext.context, page, ext.extensionId)).toEqual([]);
  // A script of the page (main world) clicks by every route it has to the badge's button.
  await page.evaluate(() => {
    for (let i = 0; i < 20; i++) {
      const host = document.querySelector('[data-da06-badge]') ?? document.querySelector('da06-badge');
      (host?.shadowRoot?.querySelector('button') as HTMLElement | null | undefined)?.click();
      (host as HTMLElement | null)?.click();
      host?.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, clientX: innerWidth - 40, clientY: innerHeight - 30 }));
      host?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
      const hit = document.elementFromPoint(innerWidth - 40, innerHeight - 30);
      if (hit instanceof HTMLElement) hit.click();
    }
  });
  // As long as a real click takes to open the panel, and more.
  await page.waitForTimeout(3000);
  expect(await panelTargets(ext.context, page, ext.extensionId)).toEqual([]);
  // A person clicks (twice, quickly): one panel, pinned to this tab.
  await clickBadge(page);
  await clickBadge(page);
  await expect.poll(async () => (await panelTargets(ext.context, page, ext.extensionId)).length, { timeout: RECOGNIZED }).toBe(1);
  expect((await panelTargets(ext.context, page, ext.extensionId))[0].url).toContain(`sidepanel.html?tab=${tabId}`);
  await page.waitForTimeout(1000);
  expect(await panelTargets(ext.context, page, ext.extensionId)).toHaveLength(1);
});

test('attack: an element named like the old badge created by the page first → the badge still shows', async ({ ext }) => {
  const decoy = fixtureSource(detail).replace('<body>', '<body><da06-badge id="decoy">decoy</da06-badge>');
  expect(decoy).toContain('id="decoy"');
  await servePages(ext.context, new Map([[detail.url, decoy]]));
  const page = await ext.context.newPage();
  await page.goto(detail.url);
  const count = await badgeCount(page);
  expect((await readBadge(page)).label).toBe(`Đề án 06: ${count} mục cho thủ tục này`);
  await expect(page.locator('#decoy')).toHaveText('decoy');
});

test('attack: page removes the badge again and again → it comes back (bounded), and goes away when the procedure does', async ({ ext }) => {
  await servePages(ext.context, new Map([[detail.url, fixtureSource(detail)]]));
  const page = await ext.context.newPage();
  await page.goto(detail.url);
  const count = await badgeCount(page);
  for (let i = 0; i < 5; i++) {
    await page.evaluate(() => document.querySelector('[data-da06-badge]')?.remove());
    await expect.poll(async () => (await readBadge(page)).count, { timeout: RECOGNIZED }).toBe(count);
  }
});
