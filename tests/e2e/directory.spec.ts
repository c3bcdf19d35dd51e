import { expect, servePages, tabIdOf, test } from './fixtures';
import { expectBadgeCount } from './badge';

/*
 * The national directory in the panel: a page that shows only a code gets the
 * directory's name, field and specific items (badge included); a page that
 * contradicts the directory gets the disagreement in words. Pages are our own
 * small markup on Thanh Hóa's public portal (labels ending in a colon).
 */

// 1.000110 is not among the 47 reviewed procedures: only the directory knows it.
const CODE_ONLY_URL = 'https://dichvucong.thanhhoa.gov.vn/portaldvc/KenhTin/dich-vu-cong-truc-tuyen.aspx?matt=1.000110';
const CODE_ONLY_HTML = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Cổng dịch vụ công tỉnh Thanh Hóa</title></head>
<body><div id="root"><nav><a href="/portaldvc/home">Trang chủ</a></nav>
<div class="chi-tiet-thu-tuc-dvcqg"><p>Vui lòng đăng nhập để nộp hồ sơ trực tuyến.</p></div></div></body></html>`;

const CLASH_URL = 'https://dichvucong.thanhhoa.gov.vn/portaldvc/KenhTin/dich-vu-cong-truc-tuyen.aspx?matt=1.001193';
const CLASH_HTML = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Chi tiết thủ tục</title></head>
<body><div class="chi-tiet-thu-tuc-dvcqg"><div class="main-title"><h2>Đăng ký kết hôn</h2></div>
<table><tbody>
<tr><td class="key"><b>Mã thủ tục:</b></td><td>1.001193</td></tr>
<tr><td class="key"><b>Tên thủ tục:</b></td><td>Đăng ký kết hôn</td></tr>
<tr><td class="key"><b>Lĩnh vực:</b></td><td>Chứng thực</td></tr>
<tr><td class="key"><b>Cấp thực hiện:</b></td><td>Cấp Xã</td></tr>
</tbody></table></div></body></html>`;

test('a page showing only a code gets the directory name, field and specific items, and the badge', async ({ ext }) => {
  test.setTimeout(90_000);
  await servePages(ext.context, new Map([[CODE_ONLY_URL, CODE_ONLY_HTML]]));
  const page = await ext.context.newPage();
  await page.goto(CODE_ONLY_URL);
  const tabId = await tabIdOf(ext.worker, CODE_ONLY_URL);
  const panel = await ext.context.newPage();
  await panel.goto(`chrome-extension://${ext.extensionId}/sidepanel.html?tab=${tabId}`);

  await expect(panel.getByTestId('recognized-code')).toHaveText('1.000110', { timeout: 15_000 });
  await expect(panel.getByTestId('recognized-name')).toHaveCount(0);
  await expect(panel.getByTestId('directory-name')).toHaveText(
    'Thủ tục đăng ký khai sinh có yếu tố nước ngoài tại khu vực biên giới',
  );
  await expect(panel.getByTestId('directory-field')).toHaveText('Hộ tịch');
  await expect(panel.getByTestId('directory-level')).toHaveText('Cấp xã');
  await expect(panel.getByTestId('disagreements')).toHaveCount(0);

  // Birth registration items, found through the directory's name and field.
  await expect(panel.getByTestId('item-kh-tinh-2024#16')).toHaveAttribute('data-band', 'specific');
  const count = (await panel.getByTestId('band-count-specific').innerText()).trim();
  expect(Number(count)).toBeGreaterThan(0);
  await expectBadgeCount(page, count);
});

test('where the page and the directory disagree, the panel says so in words and keeps the page', async ({ ext }) => {
  test.setTimeout(90_000);
  await servePages(ext.context, new Map([[CLASH_URL, CLASH_HTML]]));
  const page = await ext.context.newPage();
  await page.goto(CLASH_URL);
  const tabId = await tabIdOf(ext.worker, CLASH_URL);
  const panel = await ext.context.newPage();
  await panel.goto(`chrome-extension://${ext.extensionId}/sidepanel.html?tab=${tabId}`);

  await expect(panel.getByTestId('recognized-name')).toHaveText('Đăng ký kết hôn', { timeout: 15_000 });
  const notes = panel.getByTestId('disagreement');
  await expect(notes).toHaveCount(2);
  await expect(panel.locator('[data-testid="disagreement"][data-what="name"]')).toHaveText(
    'Trang ghi tên thủ tục «Đăng ký kết hôn», còn Danh mục TTHC quốc gia (bản 07/2026) ghi «Thủ tục đăng ký khai sinh».',
  );
  await expect(panel.locator('[data-testid="disagreement"][data-what="field"]')).toContainText('«Chứng thực»');
  await expect(panel.locator('[data-testid="disagreement"][data-what="field"]')).toContainText('«Hộ tịch»');

  // In English too.
  await panel.getByRole('combobox', { name: /Ngôn ngữ|Language/ }).selectOption('en');
  await expect(panel.locator('[data-testid="disagreement"][data-what="name"]')).toHaveText(
    'The page names the procedure “Đăng ký kết hôn”, but the national procedure directory (July 2026 edition) lists “Thủ tục đăng ký khai sinh”.',
  );
  await page.close();
});
