import { acceptCode, fold, readLabels, type LabelTable } from '../kit/labels';
import { compact, confidenceOf, param, textOf, type SiteAdapter, type UrlMatch } from '../kit/adapter';
import { NATIONAL_CODE, PORTAL_UUID, type RecognizedPage, type RecognizedProcedure } from '../kit/page';

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
const NOT_A_NAME = /^(trinh tu thuc hien|cach thuc thuc hien|thanh phan ho so|can cu phap ly|ket qua xu ly|chon co quan thuc hien|thong tin chung|ke khai thong tin|thong tin chu ho so|nop ho so|danh sach|tim kiem)/;

function sideBoxes(doc: Document): Element[] {
  const boxes: Element[] = [];
  for (const h of Array.from(doc.querySelectorAll('h2, h3, h4, h5, h6, strong, b, .title, [class*="title"]'))) {
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
  if (el.closest('form, [class*="sd-"], [data-name], [contenteditable], input, textarea, select, [role="dialog"], nav, footer')) return true;
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
  label: 'Cổng Dịch vụ công quốc gia (2026)',
  hosts: ['dichvucong.gov.vn', 'lienthong.dichvucong.gov.vn'],
  examples: [
    { url: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7', kind: 'procedure-info' },
    { url: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7?tab=1#thanh-phan', kind: 'procedure-info' },
    { url: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh', kind: 'procedure-list' },
    { url: 'https://dichvucong.gov.vn/dvc-ket-qua-thu-tuc?keyword=khai%20sinh', kind: 'procedure-list' },
    { url: 'https://dichvucong.gov.vn/dvc-dich-vu-cong-truc-tuyen', kind: 'procedure-list' },
    {
      url: 'https://dichvucong.gov.vn/tim-kiem-thu-tuc-hanh-chinh?formalityId=019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7&formalityCaseId=019d2bfd-4a11-7c3e-8f00-1a2b3c4d5e6f',
      kind: 'online-submission',
    },
    { url: 'https://dichvucong.gov.vn/nop-ho-so?formalityId=019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7', kind: 'online-submission' },
    { url: 'https://lienthong.dichvucong.gov.vn/#/ke-khai/2.000987', kind: 'online-submission' },
    // Not procedure pages on the same hosts.
    { url: 'https://dichvucong.gov.vn/tra-cuu-ho-so', kind: 'unknown' },
    { url: 'https://dichvucong.gov.vn/thanh-toan-truc-tuyen', kind: 'unknown' },
    { url: 'https://dichvucong.gov.vn/quyet-dinh-cong-bo/019d2c00-1111-7aaa-8bbb-123456789abc', kind: 'unknown' },
    { url: 'https://dichvucong.gov.vn/tin-tuc/huong-dan-nop-ho-so-truc-tuyen', kind: 'unknown' },
    { url: 'https://dichvucong.gov.vn/khong-ton-tai', kind: 'unknown' },
    { url: 'https://lienthong.dichvucong.gov.vn/#/tra-cuu', kind: 'unknown' },
    { url: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/1.001193', kind: 'unknown' },
  ],

  matchUrl(url) {
    if (url.hostname === 'lienthong.dichvucong.gov.vn') {
      const m = /^#\/ke-khai\/([^/?#]+)/.exec(url.hash);
      const code = m ? acceptCode(decodeURIComponent(m[1]), false) : undefined;
      return code && NATIONAL_CODE.test(code)
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
    const base = { site: this.id, url: url.href };
    const evidence = (landmarks: string[], tried: string[]) => ({ urlRule: match.rule, landmarks, tried });
    if (match.kind === 'unknown') {
      return { ...base, pageKind: 'unknown', procedure: null, confidence: 0.2, evidence: evidence([], ['not a procedure route']) };
    }
    if (match.kind === 'procedure-list') {
      const links = doc.querySelectorAll('a[href*="/thu-tuc-hanh-chinh/"]').length;
      return {
        ...base,
        pageKind: 'procedure-list',
        procedure: null,
        confidence: links ? 0.9 : 0.6,
        evidence: evidence(links ? [`procedure links ×${links}`] : [], links ? [] : ['a[href*=/thu-tuc-hanh-chinh/]']),
      };
    }
    const landmarks: string[] = [];
    const tried: string[] = [];
    const procedure: RecognizedProcedure = {};
    if (match.portalId) procedure.portalId = match.portalId;
    if (match.code) procedure.code = match.code;
    const boxes = sideBoxes(doc);
    if (boxes.length) landmarks.push(`side boxes skipped ×${boxes.length}`);

    if (match.kind === 'procedure-info') {
      const hits = readLabels(doc.body ?? doc, { labels: GRID, skip: (el) => unsafe(el, boxes) });
      for (const h of hits) {
        landmarks.push(`label:${h.label}`);
        if (h.key === 'code') {
          const code = acceptCode(h.value, true);
          if (code) procedure.code = code;
        } else if (h.key !== 'dossierCode') {
          procedure[h.key] = h.value;
        }
      }
      if (!hits.some((h) => h.key === 'code')) tried.push('label:Mã thủ tục');
    }
    // The heading names the procedure on the detail page and (sometimes) on
    // the submission steps; form fields and SurveyJS questions are never read.
    const heading = headingName(doc, boxes);
    if (heading) {
      procedure.name = heading;
      landmarks.push('h3');
    } else {
      tried.push('h3');
    }
    const found = compact(procedure);
    const complete = Boolean(found?.name && (found.code || match.kind !== 'procedure-info'));
    return {
      ...base,
      pageKind: match.kind,
      procedure: found,
      confidence: complete
        ? confidenceOf({ url: true, name: Boolean(found?.name), code: Boolean(found?.code || found?.portalId), labels: landmarks.length })
        : 0.35,
      evidence: evidence(landmarks, tried),
    };
  },
};
