import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import type { BrowserContext, Page } from '@playwright/test';
import { fixtureByFile } from '../fixtures/index';
import { fixtureSource } from '../fixtures/load';
import { badgeCount, BADGE_HOST, clickBadge, expectNoBadge, readBadge } from './badge';
import { expect, servePages, tabIdOf, test } from './fixtures';
import { CHECKLIST, LONG_FLOW, RECOGNIZED } from './timeouts';

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
  const list = fixtureByFile('lib/adapters/national-old/fixtures/list.html');
  await servePages(ext.context, new Map([[detail.url, fixtureSource(detail)]]));
  const page = await ext.context.newPage();
  await page.goto(detail.url);
  const count = await badgeCount(page);
  for (let i = 0; i < 5; i++) {
    await page.evaluate(() => document.querySelector('[data-da06-badge]')?.remove());
    await expect.poll(async () => (await readBadge(page)).count, { timeout: RECOGNIZED }).toBe(count);
  }
  // The portal shows its list (in-page navigation): no procedure, so the badge goes and stays gone.
  await page.evaluate(
    ({ html, url }) => {
      const doc = new DOMParser().parseFromString(html, 'text/html');
      document.body.replaceWith(document.importNode(doc.body, true));
      history.pushState({}, '', url);
    },
    { html: fixtureSource(list), url: list.url },
  );
  await expectNoBadge(page);
  await page.waitForTimeout(1000);
  expect((await readBadge(page)).present).toBe(false);
});

/** Every entry of a zip file (an XLSX), inflated, as text: enough to search it for a string. */
function zipText(buf: Buffer): string {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  const entries = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  let out = '';
  for (let i = 0; i < entries; i++) {
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const extra = buf.readUInt16LE(at + 30);
    const comment = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(dataStart, dataStart + size);
    out += (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    at += 46 + nameLength + extra + comment;
  }
  return out;
}

const APPLICANT = ['Trần Văn Cường', 'Tran Van Cuong', 'TRẦN VĂN CƯỜNG', '0912 000 111'];

test("attack: applicant's name in title and h1 on a portal path no adapter owns → in no tab state, IndexedDB or export", async ({ ext }) => {
  test.setTimeout(LONG_FLOW);
  const f = fixtureByFile('tests/fixtures/generic/applicant-dossier.html');
  await servePages(ext.context, new Map([[f.url, fixtureSource(f)]]));
  const page = await ext.context.newPage();
  await page.goto(f.url);
  const tabId = await tabIdOf(ext.worker, f.url);
  const panel = await ext.context.newPage();
  await panel.goto(`chrome-extension://${ext.extensionId}/sidepanel.html?tab=${tabId}`);
  // The generic reader recognizes the dossier (after the sensor's quiet time) by its labelled codes.
  await expect(panel.getByTestId('recognized-dossierCode')).toHaveText('000.00.12.H56-251120-0042', { timeout: LONG_FLOW / 4 });
  await expect(panel.getByTestId('recognized-code')).toHaveText('1.001193');
  // The name shown is the directory's, marked as such, never the page's title.
  await expect(panel.getByTestId('recognized-name')).toHaveCount(0);
  await expect(panel.getByTestId('session-label')).toContainText('000.00.12.H56-251120-0042', { timeout: CHECKLIST });
  // The checklist is folded to its progress line until opened.
  await panel.getByTestId('checklist-toggle').click();
  await panel.getByTestId('check-dinh-danh').getByTestId('tick-done').click();
  await expect(panel.getByTestId('check-dinh-danh')).toHaveAttribute('data-state', 'done');

  const stored = await panel.evaluate(async () => {
    const out: Record<string, unknown> = {};
    for (const info of await indexedDB.databases()) {
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
    const api = (globalThis as unknown as { chrome: { storage: Record<'local' | 'session', { get(k: null): Promise<unknown> }> } }).chrome.storage;
    return JSON.stringify({ out, local: await api.local.get(null), session: await api.session.get(null) });
  });
  expect(stored).toContain('000.00.12.H56-251120-0042');
  for (const s of APPLICANT) expect(stored, s).not.toContain(s);

  await panel.getByText('Xuất dữ liệu cho lãnh đạo').click();
  const exports: Record<string, string> = {};
  for (const kind of ['export-csv-wide', 'export-csv-long', 'export-xlsx', 'export-json']) {
    const [download] = await Promise.all([panel.waitForEvent('download'), panel.getByTestId(kind).click()]);
    const bytes = readFileSync((await download.path())!);
    exports[kind] = kind === 'export-xlsx' ? zipText(bytes) : bytes.toString('utf8');
  }
  expect(exports['export-json']).toContain('000.00.12.H56-251120-0042');
  expect(exports['export-xlsx']).toContain('000.00.12.H56-251120-0042');
  for (const [kind, text] of Object.entries(exports)) for (const s of APPLICANT) expect(text, `${kind}: ${s}`).not.toContain(s);
  expect(await panel.locator('main').innerText()).not.toContain('Trần Văn Cường');
});

test('attack: in-page navigation to a 3,000-character address → the new procedure, not the previous one; stored trimmed', async ({ ext }) => {
  const summary = fixtureByFile('lib/adapters/national-old/fixtures/procedure-summary.html');
  await servePages(ext.context, new Map([[detail.url, fixtureSource(detail)]]));
  const page = await ext.context.newPage();
  await page.goto(detail.url);
  await expect.poll(() => tabIdOf(ext.worker, detail.url).catch(() => null), { timeout: RECOGNIZED }).not.toBeNull();
  const tabId = await tabIdOf(ext.worker, detail.url);
  const panel = await ext.context.newPage();
  await panel.goto(`chrome-extension://${ext.extensionId}/sidepanel.html?tab=${tabId}`);
  await expect(panel.getByTestId('recognized-code')).toHaveText('1.001193', { timeout: RECOGNIZED });
  // The portal swaps in another procedure and pushes its address, with 3,000 characters of search state.
  const longUrl = `${summary.url}&utm_source=${'x'.repeat(3000)}#/thong-tin`;
  await page.evaluate(
    ({ html, url }) => {
      const doc = new DOMParser().parseFromString(html, 'text/html');
      for (const el of [...document.body.children]) el.remove();
      document.body.append(...[...doc.body.children].map((el) => document.importNode(el, true)));
      history.pushState({}, '', url);
    },
    { html: fixtureSource(summary), url: longUrl },
  );
  await expect(panel.getByTestId('recognized-code')).toHaveText('2.000986', { timeout: RECOGNIZED });
  await expect(panel.getByTestId('recognized-name')).toHaveText('Đăng ký thường trú');
  const stored = await ext.worker.evaluate(async (id) => (await chrome.storage.session.get(null))[`tab:${id}`] as { page: { url: string } }, tabId);
  expect(stored.page.url.length).toBeLessThanOrEqual(2048);
  expect(stored.page.url).toBe(`${summary.url}#/thong-tin`);
});

test('attack: a report that fails validation after a procedure → the panel says "trang không đọc được", no stale procedure', async ({ ext }) => {
  // An extension page in a tab speaks to the background as a content script does (sender.tab is set).
  const sender = await ext.context.newPage();
  await sender.goto(`chrome-extension://${ext.extensionId}/options.html`);
  type Send = { runtime: { sendMessage(m: unknown): Promise<unknown> }; tabs: { getCurrent(): Promise<{ id: number }> } };
  const send = (page: unknown) =>
    sender.evaluate((data) => (globalThis as unknown as { chrome: Send }).chrome.runtime.sendMessage({ da06: 'recognized', data }), { page, final: true });
  const tabId = await sender.evaluate(async () => (await (globalThis as unknown as { chrome: Send }).chrome.tabs.getCurrent()).id);
  const good = {
    site: 'national-old',
    pageKind: 'procedure-info',
    url: detail.url,
    procedure: { code: '1.001193', name: 'Đăng ký khai sinh' },
    confidence: 0.9,
    evidence: { urlRule: 'detail', landmarks: [], tried: [] },
  };
  await send(good);
  const panel = await ext.context.newPage();
  await panel.goto(`chrome-extension://${ext.extensionId}/sidepanel.html?tab=${tabId}`);
  await expect(panel.getByTestId('recognized-code')).toHaveText('1.001193', { timeout: RECOGNIZED });
  // The next page's report does not fit the schema (an address over 2,048 characters).
  await send({ ...good, url: `${detail.url}&x=${'a'.repeat(3000)}`, procedure: { code: '2.000986', name: 'Đăng ký thường trú' } });
  await expect(panel.getByTestId('unreadable-page')).toContainText('Trang không đọc được', { timeout: RECOGNIZED });
  await expect(panel.getByTestId('recognized-code')).toHaveCount(0);
  await expect(panel.getByTestId('match-view')).toHaveCount(0);
  await expect(panel.locator('main')).not.toContainText('Đăng ký khai sinh');
});
