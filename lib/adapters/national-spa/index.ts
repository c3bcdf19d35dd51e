import { fold, nationalCodeOf, type LabelTable } from '../kit/labels';
import { compact, pageOf, param, procedureFromLabels, scoreOf, textOf, Trail, type SiteAdapter, type UrlMatch } from '../kit/adapter';
import { PORTAL_UUID, type RecognizedPage, type RecognizedProcedure } from '../kit/page';

/*
 * Cổng Dịch vụ công quốc gia, the 2026 single-page app (portals.md §1) —
 * dichvucong.gov.vn routes without /p/, and the liên thông declarations on
 * lienthong.dichvucong.gov.vn. The app renders after a bot check and changes
 * route without page loads; the sensor re-runs this adapter on every change.
 */

const DETAIL = /^\/thu-tuc-hanh-chinh\/([^/]+)\/?$/;
const LISTS = ['/thu-tuc-hanh-chinh', '/dvc-ket-qua-thu-tuc', '/dvc-dich-vu-cong-truc-tuyen'];
const STEP_AGENCY = '/tim-kiem-thu-tuc-hanh-chinh';
const STEP_FORM = '/nop-ho-so';
const NOT_PROCEDURE = /^\/(tra-cuu-ho-so|thanh-toan-truc-tuyen|quyet-dinh-cong-bo)(\/|$)/;

/** The detail grid's labels, exactly as the app writes them (folded). */
const GRID: LabelTable = {
  name: ['ten thu tuc'],
  code: ['ma thu tuc'],
  level: ['cap thuc hien'],
  field: ['linh vuc'],
  agency: ['co quan co tham quyen'],
};

/** Side boxes listing OTHER procedures: never read. */
const SIDE_TITLES = ['tim kiem nhieu nhat', 'thu tuc lien quan', 'dich vu cong noi bat', 'thu tuc hanh chinh moi'];

/** Headings that are section titles, not a procedure's name. */
const NOT_A_NAME = /^(trinh tu|cach thuc|thanh phan|can cu|ket qua|chon co quan|thong tin|ke khai|nop ho so|danh sach|tim kiem)/;

function sideBoxes(doc: Document): Element[] {
  const boxes: Element[] = [];
  for (const h of Array.from(doc.querySelectorAll('h2,h3,h4,h5,strong,b,[class*=title]'))) {
    const title = fold(h.textContent ?? '');
    if (title.length > 40 || !SIDE_TITLES.some((t) => title.startsWith(t))) continue;
    // The box is the nearest ancestor that holds more than its title.
    let box: Element = h;
    while (box.parentElement && box.parentElement !== doc.body && fold((box.textContent ?? '').slice(0, 400)).length <= title.length + 2) {
      box = box.parentElement;
    }
    boxes.push(box);
  }
  return boxes;
}

/** Inside a form, a SurveyJS question, an editable area or a side box: never read. */
function unsafe(el: Element, boxes: Element[]): boolean {
  if (el.closest('form,[class*="sd-"],[data-name],[contenteditable],[role=dialog],nav,footer')) return true;
  return boxes.some((b) => b.contains(el));
}

/** The procedure's name: the first h3 that is not a section title, side box or form text. */
function headingName(doc: Document, boxes: Element[]): string | undefined {
  for (const h of Array.from(doc.querySelectorAll('main h3, h3, main h1, h1'))) {
    if (unsafe(h, boxes)) continue;
    const text = textOf(h);
    if (text.length < 6 || NOT_A_NAME.test(fold(text))) continue;
    return text;
  }
  return undefined;
}

export const adapter: SiteAdapter = {
  id: 'national-spa',
  hosts: ['dichvucong.gov.vn', 'lienthong.dichvucong.gov.vn'],

  matchUrl(url) {
    if (url.hostname === 'lienthong.dichvucong.gov.vn') {
      const m = /^#\/ke-khai\/([^/?#]+)/.exec(url.hash);
      const code = m ? nationalCodeOf(decodeURIComponent(m[1])) : undefined;
      return code
        ? { kind: 'online-submission', rule: 'lienthong-ke-khai', code }
        : { kind: 'unknown', rule: 'lienthong-other' };
    }
    const path = url.pathname.replace(/\/+$/, '') || '/';
    // The old /p/home/*.html pages belong to the national-old adapter.
    if (path.startsWith('/p/') || path.startsWith('/jsp/')) return null;
    const detail = DETAIL.exec(path);
    if (detail) {
      const id = decodeURIComponent(detail[1]);
      return PORTAL_UUID.test(id)
        ? { kind: 'procedure-info', rule: 'spa-detail', portalId: id.toLowerCase() }
        : { kind: 'unknown', rule: 'spa-detail-bad-id' };
    }
    if (LISTS.includes(path)) return { kind: 'procedure-list', rule: 'spa-list' };
    if (path === STEP_AGENCY || path === STEP_FORM) {
      const id = param(url, 'formalityId');
      const match: UrlMatch = { kind: 'online-submission', rule: path === STEP_AGENCY ? 'spa-choose-agency' : 'spa-submission-form' };
      if (id && PORTAL_UUID.test(id)) match.portalId = id.toLowerCase();
      return match;
    }
    if (NOT_PROCEDURE.test(path)) return { kind: 'unknown', rule: 'spa-not-procedure' };
    // Any other route of the app (home, news, a 404 screen): not a procedure,
    // and no snapshot of it leaves the page.
    return { kind: 'unknown', rule: 'spa-other' };
  },

  readDom(doc, url, match): RecognizedPage {
    if (match.kind === 'unknown') return pageOf(this.id, url, match, 'unknown', null, 0.2, [], ['not a procedure route']);
    if (match.kind === 'procedure-list') {
      const links = doc.querySelectorAll('a[href*="/thu-tuc-hanh-chinh/"]').length;
      return pageOf(this.id, url, match, 'procedure-list', null, links ? 0.9 : 0.6, [`procedure links ×${links}`]);
    }
    const trail = new Trail();
    const boxes = sideBoxes(doc);
    trail.landmarks.push(`side boxes ×${boxes.length}`);
    // The grid (detail page only), read by its exact labels; the side box is skipped.
    const { procedure, hits } =
      match.kind === 'procedure-info' ? procedureFromLabels(doc.body ?? doc, { labels: GRID, skip: (el) => unsafe(el, boxes) }) : { procedure: {} as RecognizedProcedure, hits: [] };
    for (const h of hits) trail.landmarks.push(`label:${h.label}`);
    if (match.kind === 'procedure-info') trail.see('label:Mã thủ tục', procedure.code);
    procedure.portalId = match.portalId;
    procedure.code ??= match.code;
    // The heading names the procedure on the detail page and (sometimes) on
    // the submission steps; form fields and SurveyJS questions are never read.
    procedure.name = trail.see('h3', headingName(doc, boxes)) ?? procedure.name;
    const found = compact(procedure);
    const complete = found?.name && (found.code || match.kind !== 'procedure-info');
    return pageOf(this.id, url, match, match.kind, found, complete ? scoreOf(found, hits.length) : 0.35, trail.landmarks, trail.tried);
  },
};
