import { FIXTURES } from '../fixtures/index';
import { fixtureSource } from '../fixtures/load';
import { expect, servePages, tabIdOf, test } from './fixtures';
import { LONG_FLOW, PANEL_LIST, RECOGNIZED } from './timeouts';

const owned = FIXTURES.filter((f) => f.ownedHost);

test('the panel shows the procedure recognized on each fixture page, at its real URL', async ({ ext }) => {
  test.setTimeout(LONG_FLOW);
  await servePages(ext.context, new Map(owned.map((f) => [f.url, fixtureSource(f)])));
  const panel = await ext.context.newPage();
  for (const f of owned) {
    await test.step(f.name, async () => {
      const page = await ext.context.newPage();
      await page.goto(f.url);
      const tabId = await tabIdOf(ext.worker, f.url);
      await panel.goto(`chrome-extension://${ext.extensionId}/sidepanel.html?tab=${tabId}`);
      const view = panel.getByTestId('current-page');
      await expect(view).toHaveAttribute('data-kind', f.kind, { timeout: PANEL_LIST });
      if (f.procedure?.name) await expect(panel.getByTestId('recognized-name')).toHaveText(f.procedure.name, { timeout: PANEL_LIST });
      if (f.procedure?.code) await expect(panel.getByTestId('recognized-code')).toHaveText(f.procedure.code, { timeout: PANEL_LIST });
      if (f.dossierCode) await expect(panel.getByTestId('recognized-dossierCode')).toHaveText(f.dossierCode);
      if (!f.procedure) await expect(panel.getByTestId('recognized-name')).toHaveCount(0);
      const shown = await panel.locator('main').innerText();
      for (const s of f.forbidden ?? []) expect(shown).not.toContain(s);
      await page.close();
    });
  }
});

test('in-page navigation updates the recognized procedure', async ({ ext }) => {
  const detail = FIXTURES.find((f) => f.file === 'lib/adapters/national-old/fixtures/procedure-detail.html')!;
  const list = FIXTURES.find((f) => f.file === 'lib/adapters/national-old/fixtures/list.html')!;
  await servePages(ext.context, new Map([[detail.url, fixtureSource(detail)], [list.url, fixtureSource(list)]]));
  const page = await ext.context.newPage();
  await page.goto(list.url);
  const tabId = await tabIdOf(ext.worker, list.url);
  const panel = await ext.context.newPage();
  await panel.goto(`chrome-extension://${ext.extensionId}/sidepanel.html?tab=${tabId}`);
  await expect(panel.getByTestId('current-page')).toHaveAttribute('data-kind', 'procedure-list');
  // The portal swaps its content and pushes a new address without a page load.
  const html = fixtureSource(detail);
  await page.evaluate(
    ({ html, url }) => {
      const doc = new DOMParser().parseFromString(html, 'text/html');
      document.body.replaceWith(document.importNode(doc.body, true));
      history.pushState({}, '', url);
    },
    { html, url: detail.url },
  );
  await expect(panel.getByTestId('current-page')).toHaveAttribute('data-kind', 'procedure-info', { timeout: RECOGNIZED });
  await expect(panel.getByTestId('recognized-code')).toHaveText('1.001193');
  await expect(panel.getByTestId('recognized-portalId')).toHaveText('373812');
});

test('hostile markup on a page is shown as inert text and executes nothing in the extension', async ({ ext }) => {
  const hostile = FIXTURES.find((f) => f.file === 'lib/adapters/national-old/fixtures/hostile.html')!;
  await servePages(ext.context, new Map([[hostile.url, fixtureSource(hostile)]]));
  const page = await ext.context.newPage();
  await page.goto(hostile.url);
  const tabId = await tabIdOf(ext.worker, hostile.url);
  const panel = await ext.context.newPage();
  const dialogs: string[] = [];
  panel.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await panel.goto(`chrome-extension://${ext.extensionId}/sidepanel.html?tab=${tabId}`);
  await expect(panel.getByTestId('recognized-name')).toHaveText('Cấp bản sao trích lục <script>alert("x")</script> hộ tịch');
  await expect(panel.getByTestId('recognized-field')).toHaveText('Hộ tịch');
  expect(await panel.locator('main img, main script, main b').count()).toBe(0);
  const flags = await panel.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    return [w.__pwnedByImg, w.__pageScriptRan, w.__pwnedByHover, w.__pwnedField];
  });
  expect(flags).toEqual([undefined, undefined, undefined, undefined]);
  expect(dialogs).toEqual([]);
});

test('options page validates hosts and explains the empty list', async ({ ext }) => {
  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await expect(options.getByTestId('no-user-hosts')).toBeVisible();
  const hosts = options.getByRole('region', { name: 'Trang web thêm' });
  await hosts.getByLabel('Tên miền').fill('not a host');
  await hosts.getByRole('button', { name: 'Thêm', exact: true }).click();
  await expect(options.getByRole('alert')).toContainText('không phải tên miền hợp lệ');
  // The ministries' portals named in the facts are offered ready-made (same permission flow).
  await expect(hosts.getByTestId('suggested-hosts')).toContainText('dichvucongnganhtuphap.moj.gov.vn');
  await expect(hosts.getByRole('button', { name: 'Thêm dvc.moc.gov.vn' })).toBeVisible();
});
