import { DEMO_PROCEDURES, type DemoProcedure } from './procedures';

/*
 * The demo screens of the Đào tạo page: our own markup, shaped like the portals
 * as they are today (shared/docs/portals.md: the 2026 national app and its
 * submission steps, an old-style national page, Thanh Hóa's one-stop list with
 * the dossier and intake modals, Thanh Hóa's public portal). Each screen has
 * the real address it stands for (per route): the demo page hands that address
 * to the same sensor and adapters the content script runs.
 *
 * Behaviour is declared with data attributes and run by the demo page's own
 * script (extension pages allow no inline script):
 *   data-demo-go="<route index>"   an in-app navigation (address and content change, no page load)
 *   data-demo-modal="<key>"        opens the modal `modals[key]` in #modal-host
 *   data-demo-close                closes the open modal
 *   data-demo-toggle="<id>"        shows/hides the element with that id
 */

export type DemoPortal = 'national-spa' | 'national-old' | 'thanhhoa-motcua' | 'thanhhoa-portal';

export interface DemoRoute {
  url: string;
  html: string;
}

export interface DemoScreen {
  id: string;
  portal: DemoPortal;
  title: { vi: string; en: string };
  /** The field(s) the screen demonstrates (lĩnh vực). */
  field: string;
  /** The procedure the screen opens on (for tests and the bench: what recognition must give). */
  expect: { code?: string; name?: string; dossierCode?: string; kind: 'procedure-info' | 'dossier' | 'procedure-list' | 'online-submission' };
  routes: DemoRoute[];
  modals?: Record<string, string>;
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ESC[c]!);

const p = (id: string): DemoProcedure => {
  const found = DEMO_PROCEDURES[id];
  if (!found) throw new Error(`no demo procedure ${id}`);
  return found;
};

// ---------------------------------------------------------------- national app (2026)

const spaHeader = `<header class="spa-header"><div class="spa-brand"><span class="spa-logo" aria-hidden="true">★</span><a href="#" data-demo-go="0">Cổng Dịch vụ công Quốc gia</a></div>
<nav class="spa-nav"><a href="#">Thông tin và dịch vụ</a><a href="#">Thủ tục hành chính</a><a href="#">Dịch vụ công trực tuyến</a><a href="#">Thanh toán trực tuyến</a><a href="#">Phản ánh kiến nghị</a></nav>
<button type="button" class="spa-login">Đăng nhập</button></header>`;
const spaFooter = `<footer class="spa-footer">Cơ quan chủ quản: Trung tâm dữ liệu quốc gia · Bộ Công an — màn hình mô phỏng phục vụ đào tạo</footer>`;

function pair(label: string, value: string): string {
  return `<div class="spa-label" style="font-weight:700">${esc(label)}</div><div class="spa-value">${esc(value)}</div>`;
}

function spaDetail(proc: DemoProcedure, nextRoute: number | null): string {
  const papers = proc.papers
    .map((x) => `<tr><td>${esc(x.name)}</td><td>${x.name.includes('Tờ khai') ? '<a href="#">mau-to-khai.docx</a>' : ''}</td><td>${esc(x.count)}</td></tr>`)
    .join('');
  return `<div id="root" class="spa">${spaHeader}
<div class="spa-layout"><main class="spa-content">
<div class="spa-crumb"><a href="#">Trang chủ</a> / <a href="#">Thủ tục hành chính</a> / <span>Chi tiết thủ tục</span></div>
<div class="spa-title-row"><h3 data-tour="name">${esc(proc.name)}</h3><span class="spa-pdf" role="img" aria-label="Tải PDF">PDF</span></div>
<div class="spa-grid">
<div class="spa-row">${pair('Tên thủ tục', proc.name)}${pair('Mã thủ tục', proc.code ?? '')}</div>
<div class="spa-row">${pair('Số quyết định', proc.decision)}${pair('Cấp thực hiện', proc.level)}</div>
<div class="spa-row">${pair('Loại thủ tục', 'TTHC được luật giao quy định chi tiết')}${pair('Lĩnh vực', proc.field)}</div>
<div class="spa-row">${pair('Đối tượng thực hiện', 'Công dân Việt Nam')}${pair('Cơ quan có thẩm quyền', proc.agency)}</div>
<div class="spa-row">${pair('Địa chỉ tiếp nhận HS', 'Bộ phận Một cửa')}${pair('Cơ quan được ủy quyền', 'Không có thông tin')}</div>
<div class="spa-row">${pair('Cơ quan phối hợp', 'Không có thông tin')}</div>
</div>
<section class="spa-section"><h4>Trình Tự Thực Hiện</h4><p>${esc(proc.steps)}</p></section>
<section class="spa-section" data-tour="fees"><h4>Cách Thức Thực Hiện</h4>
<table class="spa-table"><thead><tr><th>Hình thức nộp</th><th>Thời hạn giải quyết</th><th>Phí, lệ phí</th></tr></thead>
<tbody><tr><td>${esc(proc.channels)}</td><td>${esc(proc.deadline)}</td><td>${esc(proc.fee)}</td></tr></tbody></table></section>
<section class="spa-section" data-tour="papers"><h4>Thành phần hồ sơ</h4><h5>Giấy tờ phải nộp</h5>
<table class="spa-table"><thead><tr><th>Tên giấy tờ</th><th>Mẫu đơn, tờ khai</th><th>Số lượng</th></tr></thead><tbody>${papers}</tbody></table></section>
<section class="spa-section"><h4>Căn cứ pháp lý</h4><p>${esc(proc.legal)}</p></section>
<section class="spa-section"><h4>Kết quả xử lý</h4><p>${esc(proc.result)}</p></section>
${proc.interlinked ? `<section class="spa-section" data-tour="interlinked"><h4>Mô tả</h4><p>Thủ tục nằm trong nhóm dịch vụ công liên thông. <a href="#">${esc(proc.interlinked.label)}</a> (mã ${esc(proc.interlinked.code)}).</p></section>` : '<section class="spa-section"><h4>Mô tả</h4><p>Không có thông tin</p></section>'}
<div class="spa-card" data-tour="submit"><h4>Chọn cơ quan thực hiện</h4>
<div class="spa-combos"><div role="combobox" aria-expanded="false" aria-label="Tỉnh/Thành phố" tabindex="0">Thanh Hóa</div><div role="combobox" aria-expanded="false" aria-label="Phường/Xã" tabindex="0">Phường Hạc Thành</div></div>
<button type="button" class="spa-btn"${nextRoute === null ? '' : ` data-demo-go="${nextRoute}"`}>Nộp hồ sơ</button> <button type="button" class="spa-btn spa-btn-light">Đồng ý</button></div>
</main>
<aside class="spa-side"><div class="box-popular"><div class="box-title"><h3>Tìm kiếm nhiều nhất</h3></div><ul>
<li><a href="#"><h3>Cấp Phiếu lý lịch tư pháp</h3></a><div>Công an tỉnh</div></li>
<li><a href="#"><h3>Gia hạn tạm trú</h3></a><div>Công an cấp xã</div></li>
<li><a href="#"><h3>Cấp giấy phép xây dựng</h3></a><div>Ủy ban nhân dân cấp xã</div></li></ul></div></aside></div>
${spaFooter}</div>`;
}

function spaChooseAgency(proc: DemoProcedure, nextRoute: number): string {
  return `<div id="root" class="spa">${spaHeader}<main class="spa-content spa-narrow">
<div class="spa-crumb"><a href="#" data-demo-go="0">Chi tiết thủ tục</a> / <span>Nộp hồ sơ trực tuyến</span></div>
<ol class="spa-steps"><li class="done">Chọn thủ tục</li><li class="active">Chọn cơ quan thực hiện</li><li>Kê khai hồ sơ</li></ol>
<h3>${esc(proc.name)}</h3>
<div class="spa-cards">
<div class="spa-card"><div>Cơ quan thực hiện: Ủy ban nhân dân phường Hạc Thành</div><button type="button" class="spa-btn" data-demo-go="${nextRoute}">Nộp trực tuyến</button></div>
<div class="spa-card"><div>Cơ quan thực hiện: Ủy ban nhân dân xã Quảng Phú</div><button type="button" class="spa-btn" data-demo-go="${nextRoute}">Nộp trực tuyến</button></div>
</div></main>${spaFooter}</div>`;
}

function spaForm(proc: DemoProcedure): string {
  // The applicant's data is invented (and marked so); the extension never reads it.
  return `<div id="root" class="spa">${spaHeader}<main class="spa-content spa-narrow">
<h3>${esc(proc.name)}</h3>
<ol class="spa-steps"><li class="done">Thông tin chung</li><li class="active">Thông tin chủ hồ sơ</li><li>Kê khai thông tin</li></ol>
<div class="sd-root-modern"><form class="sd-container-modern"><div class="sd-page">
<h4 class="sd-title sd-page__title">Thông tin chủ hồ sơ (điền sẵn từ tài khoản VNeID)</h4>
<div class="sd-question" data-name="hoTen"><h5 class="sd-question__title">Họ và tên</h5><input class="sd-input" aria-label="Họ và tên" value="Người Dân Mẫu"></div>
<div class="sd-question" data-name="soDinhDanh"><h5 class="sd-question__title">Số định danh cá nhân</h5><input class="sd-input" aria-label="Số định danh cá nhân" value="000000000001"></div>
<div class="sd-question" data-name="dienThoai"><h5 class="sd-question__title">Số điện thoại</h5><input class="sd-input" aria-label="Số điện thoại" value="0900000000"></div>
<div class="sd-question" data-name="email"><h5 class="sd-question__title">Email</h5><input class="sd-input" aria-label="Email" value="nguoidan.mau@example.invalid"></div>
</div></form></div>
<p class="spa-note">Lệ phí (nếu có) được thanh toán trực tuyến ở bước cuối.</p>
<button type="button" class="spa-btn">Tiếp tục</button></main>${spaFooter}</div>`;
}

// ---------------------------------------------------------------- old-style national page

function oldDetail(proc: DemoProcedure): string {
  const rows: [string, string][] = [
    ['Mã thủ tục:', proc.code ?? ''],
    ['Số quyết định:', proc.decision],
    ['Tên thủ tục:', proc.name],
    ['Cấp thực hiện:', proc.level],
    ['Loại thủ tục:', 'TTHC được luật giao quy định chi tiết'],
    ['Lĩnh vực:', proc.field],
    ['Cơ quan thực hiện:', proc.agency],
    ['Phí, lệ phí:', proc.fee],
  ];
  return `<div class="old">
<header class="old-header"><div class="old-brand">CỔNG DỊCH VỤ CÔNG QUỐC GIA</div><nav><a href="#">Giới thiệu</a><a href="#">Thủ tục hành chính</a><a href="#">Dịch vụ công trực tuyến</a><a href="#">Hỗ trợ</a></nav></header>
<main class="old-main">
<h1 class="main-title -none"></h1>
<h1 class="main-title -none" data-tour="name">${esc(proc.name)}</h1>
<a class="url old-link" data-toggle="modal" href="#" data-demo-toggle="popupChitietTTHC" data-tour="details">Xem chi tiết</a>
<div id="popupChitietTTHC" class="modal old-popup" hidden>
${rows.map(([l, v]) => `<div class="info-row"><div class="label">${esc(l)}</div><div class="value">${esc(v)}</div></div>`).join('\n')}
<button type="button" class="old-close" data-demo-toggle="popupChitietTTHC">Đóng</button>
</div>
<h2 class="main-title-sub">Trình tự thực hiện</h2><p>${esc(proc.steps)}</p>
<h2 class="main-title-sub">Cách thức thực hiện</h2><p>${esc(proc.channels)}. Thời hạn: ${esc(proc.deadline)}.</p>
<h2 class="main-title-sub" data-tour="papers">Thành phần hồ sơ</h2>
<div class="list-expand"><div class="item"><div class="title">Giấy tờ phải nộp</div><div class="content"><ul>${proc.papers.map((x) => `<li>${esc(x.name)} — ${esc(x.count)}</li>`).join('')}</ul></div></div></div>
<h2 class="main-title-sub">Căn cứ pháp lý</h2><p>${esc(proc.legal)}</p>
<p><a class="old-btn" href="#">Nộp hồ sơ trực tuyến</a></p>
</main>
<footer class="old-footer">Văn phòng Chính phủ — màn hình mô phỏng phục vụ đào tạo</footer></div>`;
}

// ---------------------------------------------------------------- Thanh Hóa one-stop (antd)

interface DemoDossier {
  code: string;
  procedure: string;
  /** Invented trích yếu (personal: the extension never reads it). */
  summary: string;
  owner: string;
  due: string;
}

const DOSSIERS: DemoDossier[] = [
  { code: '000.00.12.H56-261120-0001', procedure: 'khai-sinh', summary: 'Đăng ký khai sinh cho cháu Người Dân Mẫu Một', owner: 'Người Dân Mẫu Một', due: '20/11/2026' },
  { code: '000.00.12.H56-261120-0002', procedure: 'gia-han-bhyt', summary: 'Gia hạn thẻ BHYT hộ gia đình Người Dân Mẫu Hai', owner: 'Người Dân Mẫu Hai', due: '25/11/2026' },
  { code: '000.00.12.H56-261120-0003', procedure: 'khai-tu', summary: 'Đăng ký khai tử cho ông Người Dân Mẫu Ba', owner: 'Người Dân Mẫu Ba', due: '20/11/2026' },
];

const motcuaShell = (title: string, inner: string, active: string) => `<div id="root" class="ant-layout mc">
<header class="mc-header"><span class="mc-brand">Hệ thống Một cửa điện tử tỉnh Thanh Hóa</span><span class="mc-user">Cán bộ một cửa · UBND phường Hạc Thành</span></header>
<div class="mc-body"><aside class="ant-layout-sider mc-sider"><ul class="ant-menu">
<li class="${active === 'tiep-nhan' ? 'ant-menu-item-selected' : ''}"><a href="#">Tiếp nhận hồ sơ</a></li>
<li class="${active === 'xu-ly' ? 'ant-menu-item-selected' : ''}"><a href="#">Xử lý hồ sơ</a></li>
<li><a href="#">Trả kết quả</a></li><li><a href="#">Thu phí, lệ phí</a></li><li><a href="#">Số hóa hồ sơ</a></li><li><a href="#">Tra cứu</a></li></ul></aside>
<main class="ant-layout-content mc-content"><h2>${esc(title)}</h2>${inner}</main></div></div>
<div id="modal-host"></div>`;

function input(form: string, id: string, label: string, value: string, area = false): string {
  const control = area
    ? `<textarea id="${form}_${id}" disabled class="ant-input">${esc(value)}</textarea>`
    : `<input id="${form}_${id}" disabled class="ant-input" value="${esc(value)}">`;
  return `<div class="ant-form-item"><div class="ant-row ant-form-item-row"><div class="ant-col ant-form-item-label"><label for="${form}_${id}" title="${esc(label)}">${esc(label)}</label></div><div class="ant-col ant-form-item-control">${control}</div></div></div>`;
}

function dossierModal(d: DemoDossier): string {
  const proc = p(d.procedure);
  const f = 'ChiTietHoSoModal';
  return `<div class="ant-modal-root"><div class="ant-modal-mask"></div><div class="ant-modal-wrap" role="dialog" aria-modal="true" aria-labelledby="mc-modal-title">
<div class="ant-modal"><div class="ant-modal-content">
<button type="button" aria-label="Đóng" class="ant-modal-close" data-demo-close><span class="ant-modal-close-x">×</span></button>
<div class="ant-modal-header"><div class="ant-modal-title" id="mc-modal-title" data-tour="dossier-code">Chi tiết hồ sơ ${esc(d.code)}</div></div>
<div class="ant-modal-body"><div class="ant-tabs"><div class="ant-tabs-nav" role="tablist"><div class="ant-tabs-tab ant-tabs-tab-active" role="tab" aria-selected="true">Thông tin chung</div><div class="ant-tabs-tab" role="tab" aria-selected="false">Quá trình xử lý</div><div class="ant-tabs-tab" role="tab" aria-selected="false">Quá trình trao đổi với công dân</div><div class="ant-tabs-tab" role="tab" aria-selected="false" data-tour="payment">Thanh toán phí, lệ phí</div><div class="ant-tabs-tab" role="tab" aria-selected="false">Bổ sung hồ sơ</div><div class="ant-tabs-tab" role="tab" aria-selected="false">Quy trình xử lý</div></div></div>
<form id="${f}" class="ant-form ant-form-horizontal mc-form">
${input(f, 'loaiChuHoSo', 'Loại chủ hồ sơ', 'Công dân')}
${input(f, 'soGiayTo', 'Số giấy tờ', '000000000002')}
${input(f, 'hoTen', 'Họ và tên', d.owner)}
${input(f, 'soDienThoai', 'Số điện thoại', '0900000000')}
${input(f, 'kenhThucHien', 'Kênh thực hiện', 'Trực tiếp')}
${input(f, 'ngayNop', 'Ngày nộp hồ sơ', '20/11/2026 08:10')}
${input(f, 'ngayHenTra', 'Ngày hẹn trả', `${d.due} 16:00`)}
${input(f, 'trichYeu', 'Nội dung hồ sơ', d.summary, true)}
${input(f, 'donViTiepNhan', 'Đơn vị tiếp nhận', 'UBND phường Hạc Thành')}
<div data-tour="procedure-name">${input(f, 'tenTTHC', 'Tên thủ tục', proc.name)}</div>
${input(f, 'truongHop', 'Trường hợp thủ tục', 'Đúng hạn')}
${input(f, 'thoiHan', 'Thời hạn giải quyết', proc.deadline)}
</form></div>
<div class="ant-modal-footer"><button type="button" class="ant-btn" data-demo-close>Đóng</button></div>
</div></div></div></div>`;
}

function motcuaList(): string {
  const rows = DOSSIERS.map(
    (d, i) =>
      `<tr class="ant-table-row" data-row-key="${i + 1}"><td><a class="open-dossier" href="#" data-demo-modal="${esc(d.code)}"${i === 0 ? ' data-tour="dossier-row"' : ''}>${esc(d.code)} - ${esc(d.summary)}</a></td><td>${esc(p(d.procedure).field)}</td><td>${esc(d.due)}</td></tr>`,
  ).join('');
  return motcuaShell(
    'Hồ sơ đang xử lý',
    `<div class="mc-toolbar"><span class="mc-filter">Lĩnh vực: Tất cả</span><button type="button" class="ant-btn">Tìm kiếm</button></div>
<div class="ant-table"><table><thead><tr><th>Mã hồ sơ - Trích yếu</th><th>Lĩnh vực</th><th>Ngày hẹn trả</th></tr></thead><tbody class="ant-table-tbody">${rows}</tbody></table></div>`,
    'xu-ly',
  );
}

function select(form: string, id: string, label: string, chosen: string): string {
  return `<div class="ant-form-item"><div class="ant-row ant-form-item-row"><div class="ant-col ant-form-item-label"><label for="${form}_${id}" class="ant-form-item-required" title="${esc(label)}">${esc(label)}</label></div><div class="ant-col ant-form-item-control"><div class="ant-select ant-select-single ant-select-show-search"><div class="ant-select-selector"><span class="ant-select-selection-search"><input id="${form}_${id}" role="combobox" aria-expanded="false" class="ant-select-selection-search-input" autocomplete="off" value=""></span><span class="ant-select-selection-item" title="${esc(chosen)}">${esc(chosen)}</span></div></div></div></div></div>`;
}

function intakeModal(proc: DemoProcedure): string {
  const f = 'TiepNhanHoSo';
  return `<div class="ant-modal-root"><div class="ant-modal-mask"></div><div class="ant-modal-wrap" role="dialog" aria-modal="true" aria-labelledby="mc-intake-title">
<div class="ant-modal"><div class="ant-modal-content">
<button type="button" aria-label="Đóng" class="ant-modal-close" data-demo-close><span class="ant-modal-close-x">×</span></button>
<div class="ant-modal-header"><div class="ant-modal-title" id="mc-intake-title">Tiếp nhận hồ sơ</div></div>
<div class="ant-modal-body"><form id="${f}" class="ant-form mc-form">
<div data-tour="intake-field">${select(f, 'maLinhVuc', 'Chọn lĩnh vực', proc.field)}</div>
<div data-tour="intake-procedure">${select(f, 'maTTHC', 'Chọn thủ tục', proc.name)}</div>
${input(f, 'loaiTiepNhan', 'Loại tiếp nhận', 'Trực tiếp')}
${input(f, 'ngayTiepNhan', 'Ngày tiếp nhận', '20/11/2026')}
${input(f, 'ngayHenTra', 'Ngày hẹn trả', '04/12/2026')}
${input(f, 'soBoHoSo', 'Số bộ hồ sơ', '1')}
${input(f, 'trichYeu', 'Nội dung hồ sơ', 'Đề nghị trợ cấp xã hội hằng tháng cho bà Người Dân Mẫu Bốn', true)}
</form></div>
<div class="ant-modal-footer"><button type="button" class="ant-btn" data-demo-close>Đóng</button><button type="button" class="ant-btn ant-btn-primary" data-demo-close>Tiếp nhận</button></div>
</div></div></div></div>`;
}

function motcuaIntake(): string {
  return motcuaShell(
    'Hồ sơ mới tiếp nhận',
    `<div class="mc-toolbar"><button type="button" class="ant-btn ant-btn-primary" data-demo-modal="intake" data-tour="intake-open">Tiếp nhận hồ sơ</button></div>
<div class="ant-table"><table><thead><tr><th>Mã hồ sơ - Trích yếu</th><th>Ngày hẹn trả</th></tr></thead><tbody class="ant-table-tbody"><tr class="ant-table-row"><td>Chưa có hồ sơ mới trong ngày</td><td></td></tr></tbody></table></div>`,
    'tiep-nhan',
  );
}

// ---------------------------------------------------------------- Thanh Hóa public portal

function portalDetail(proc: DemoProcedure, nextRoute: number): string {
  const rows: [string, string][] = [
    ['Mã thủ tục:', proc.code ?? ''],
    ['Tên thủ tục:', proc.name],
    ['Cấp thực hiện:', proc.level],
    ['Loại thủ tục:', 'TTHC được luật giao quy định chi tiết'],
    ['Lĩnh vực:', proc.field],
    ['Cơ quan thực hiện:', proc.agency],
    ['Thời hạn giải quyết:', proc.deadline],
    ['Phí, lệ phí:', proc.fee],
  ];
  return `<div id="root" class="tth">
<header class="tth-header"><div class="tth-brand">HỆ THỐNG THÔNG TIN GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TỈNH THANH HÓA</div>
<div class="menu"><a href="#">Trang chủ</a><a href="#">Thủ tục hành chính</a><a href="#">Nộp hồ sơ</a><a href="#">Tra cứu</a><a href="#">Thanh toán</a></div></header>
<div class="chi-tiet-thu-tuc-dvcqg">
<div class="main-title"><h2 data-tour="name">${esc(proc.name)}</h2></div>
<table class="table-detail">${rows.map(([l, v]) => `<tr><td class="key"><b>${esc(l)}</b></td><td>${esc(v)}</td></tr>`).join('')}</table>
<h3 class="tth-sub" data-tour="papers">Thành phần hồ sơ</h3>
<table class="table-detail"><tr><th>Tên giấy tờ</th><th>Số lượng</th></tr>${proc.papers.map((x) => `<tr><td>${esc(x.name)}</td><td>${esc(x.count)}</td></tr>`).join('')}</table>
<p><button type="button" class="tth-btn" data-demo-go="${nextRoute}" data-tour="submit">Nộp hồ sơ trực tuyến</button></p>
</div>
<footer class="tth-footer">Đường dây nóng: 02373.900.900 — màn hình mô phỏng phục vụ đào tạo</footer></div>`;
}

function portalSubmission(proc: DemoProcedure): string {
  return `<div id="root" class="tth">
<header class="tth-header"><div class="tth-brand">HỆ THỐNG THÔNG TIN GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TỈNH THANH HÓA</div><div class="menu"><a href="#" data-demo-go="0">Thủ tục hành chính</a></div></header>
<div class="tth-form"><div class="main-title"><h2>Nộp hồ sơ trực tuyến</h2></div>
<table class="table-detail"><tr><td class="key"><b>Mã thủ tục:</b></td><td>${esc(proc.code ?? '')}</td></tr><tr><td class="key"><b>Tên thủ tục:</b></td><td>${esc(proc.name)}</td></tr>
<tr><td class="key"><b>Cơ quan thực hiện:</b></td><td>${esc(proc.agency)}</td></tr></table>
<p>Đăng nhập bằng tài khoản định danh điện tử VNeID để kê khai.</p><button type="button" class="tth-btn">Đăng nhập VNeID</button></div>
<footer class="tth-footer">Màn hình mô phỏng phục vụ đào tạo</footer></div>`;
}

// ---------------------------------------------------------------- the library

const SPA = 'https://dichvucong.gov.vn';
const CASE_ID = '019d2bfd-4a11-7c3e-8f00-1a2b3c4d5e6f';

function spaScreen(id: string, procId: string, title: { vi: string; en: string }, withSteps: boolean): DemoScreen {
  const proc = p(procId);
  const detail = `${SPA}/thu-tuc-hanh-chinh/${proc.portalId}`;
  const routes: DemoRoute[] = [{ url: detail, html: spaDetail(proc, withSteps ? 1 : null) }];
  if (withSteps) {
    routes.push({ url: `${SPA}/tim-kiem-thu-tuc-hanh-chinh?formalityId=${proc.portalId}&formalityCaseId=${CASE_ID}`, html: spaChooseAgency(proc, 2) });
    routes.push({ url: `${SPA}/nop-ho-so?formalityId=${proc.portalId}`, html: spaForm(proc) });
  }
  return { id, portal: 'national-spa', title, field: proc.field, expect: { code: proc.code, kind: 'procedure-info' }, routes };
}

function oldScreen(id: string, procId: string, title: { vi: string; en: string }): DemoScreen {
  const proc = p(procId);
  return {
    id,
    portal: 'national-old',
    title,
    field: proc.field,
    expect: { code: proc.code, kind: 'procedure-info' },
    routes: [{ url: `https://thutuc.dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=${proc.code}`, html: oldDetail(proc) }],
  };
}

function portalScreen(id: string, procId: string, title: { vi: string; en: string }): DemoScreen {
  const proc = p(procId);
  const base = 'https://dichvucong.thanhhoa.gov.vn/portaldvc';
  return {
    id,
    portal: 'thanhhoa-portal',
    title,
    field: proc.field,
    expect: { code: proc.code, kind: 'procedure-info' },
    routes: [
      { url: `${base}/danh-muc-tthc?MaThuTuc=${proc.code}`, html: portalDetail(proc, 1) },
      { url: `${base}/nop-ho-so-truc-tuyen?maTTHC=${proc.code}`, html: portalSubmission(proc) },
    ],
  };
}

export const DEMO_SCREENS: readonly DemoScreen[] = [
  spaScreen('spa-khai-sinh', 'khai-sinh', { vi: 'Cổng DVC quốc gia (mới): Đăng ký khai sinh và các bước nộp hồ sơ', en: 'National portal (new): birth registration and its submission steps' }, true),
  spaScreen('spa-ket-hon', 'ket-hon', { vi: 'Cổng DVC quốc gia (mới): Đăng ký kết hôn', en: 'National portal (new): marriage registration' }, false),
  spaScreen('spa-thuong-tru', 'thuong-tru', { vi: 'Cổng DVC quốc gia (mới): Đăng ký thường trú', en: 'National portal (new): permanent residence registration' }, false),
  oldScreen('old-khai-tu', 'khai-tu', { vi: 'Trang thủ tục kiểu cũ: Đăng ký khai tử', en: 'Old-style national page: death registration' }),
  oldScreen('old-ly-lich-tu-phap', 'ly-lich-tu-phap', { vi: 'Trang thủ tục kiểu cũ: Cấp Phiếu lý lịch tư pháp', en: 'Old-style national page: criminal record certificate' }),
  {
    id: 'motcua-xu-ly',
    portal: 'thanhhoa-motcua',
    title: { vi: 'Một cửa Thanh Hóa: danh sách hồ sơ và hộp «Chi tiết hồ sơ» (khai sinh, BHYT, khai tử)', en: 'Thanh Hóa one-stop: dossier list and the dossier modal (birth, health insurance, death)' },
    field: 'Hộ tịch; Bảo hiểm y tế',
    expect: { kind: 'procedure-list' },
    routes: [{ url: 'https://motcua.thanhhoa.gov.vn/dvc/xu-ly-ho-so/dang-xu-ly', html: motcuaList() }],
    modals: Object.fromEntries(DOSSIERS.map((d) => [d.code, dossierModal(d)])),
  },
  {
    id: 'motcua-tiep-nhan',
    portal: 'thanhhoa-motcua',
    title: { vi: 'Một cửa Thanh Hóa: hộp «Tiếp nhận hồ sơ» (trợ cấp xã hội hằng tháng)', en: 'Thanh Hóa one-stop: the intake modal (monthly social allowance)' },
    field: 'Bảo trợ xã hội',
    expect: { kind: 'procedure-list' },
    routes: [{ url: 'https://motcua.thanhhoa.gov.vn/dvc/tiep-nhan-ho-so/moi-tiep-nhan', html: motcuaIntake() }],
    modals: { intake: intakeModal(p('tro-cap-xa-hoi')) },
  },
  portalScreen('tth-dat-dai', 'dat-dai', { vi: 'Cổng DVC Thanh Hóa: Đăng ký biến động đất đai', en: 'Thanh Hóa public portal: land registration change' }),
  portalScreen('tth-chung-thuc', 'chung-thuc', { vi: 'Cổng DVC Thanh Hóa: Chứng thực bản sao từ bản chính', en: 'Thanh Hóa public portal: certified copy from the original' }),
];

export function demoScreen(id: string): DemoScreen | undefined {
  return DEMO_SCREENS.find((s) => s.id === id);
}

/** The dossiers of the one-stop demo, for tests (the code each modal must give). */
export const DEMO_DOSSIERS: readonly { code: string; procedureName: string }[] = DOSSIERS.map((d) => ({ code: d.code, procedureName: p(d.procedure).name }));

/** A whole document around a route's markup (Node tests; the demo page fills its own body the same way). */
export function demoDocumentHtml(bodyHtml: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Demo</title></head><body><div id="demo-screen">${bodyHtml}</div></body></html>`;
}
