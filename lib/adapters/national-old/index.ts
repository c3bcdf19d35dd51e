import { acceptCode, nationalCodeOf } from '../kit/labels';
import { compact, confidenceOf, procedureFromLabels, textOf, type SiteAdapter, type UrlMatch } from '../kit/adapter';
import { NATIONAL_CODE, NATIONAL_CODE_IN_TEXT, type RecognizedPage } from '../kit/page';

/*
 * Cổng Dịch vụ công quốc gia, the old pages (portals.md §2): /p/home/<page>.html
 * on thutuc.dichvucong.gov.vn and vpcp.dichvucong.gov.vn (and old links on
 * dichvucong.gov.vn). ma_thu_tuc is the internal numeric id on the full and
 * the liên thông detail pages, and the national code on the summary,
 * "ngành dọc" and shared pages. The raw server HTML is several <html>
 * fragments concatenated; the first h1.main-title can be empty.
 */

const DETAIL_BY_ID = 'dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html';
const LIEN_THONG_BY_ID = 'dvc-tthc-thu-tuc-hanh-chinh-lien-thong-chi-tiet.html';
const BY_CODE: Record<string, string> = {
  'dvc-chi-tiet-thu-tuc-hanh-chinh.html': 'summary-by-code',
  'dvc-chi-tiet-thu-tuc-nganh-doc.html': 'sector-procedure',
  'dvc-chi-tiet-thu-tuc-dung-chung.html': 'shared-procedure',
};
const LISTS = [
  'dvc-tthc-thu-tuc-hanh-chinh.html',
  'dvc-ket-qua-thu-tuc.html',
  'dvc-danh-sach-dich-vu-cong.html',
  'dvc-danh-sach-thu-tuc-theo-nhom-su-kien.html',
  'dvc-dich-vu-cong-truc-tuyen-ds.html',
];
const SUBMIT = 'dvc-nop-ho-so-truc-tuyen.html';
/** The code the page's own script sets: `obj.procedure_code = '1.001640'` (read as text, never run). */
const SCRIPT_CODE = /procedure_code\s*=\s*["']([^"']{1,40})["']/;

function idOrCode(value: string | null): Pick<UrlMatch, 'portalId' | 'code'> {
  if (!value) return {};
  const code = nationalCodeOf(value);
  if (code) return { code };
  if (/^\d{1,9}$/.test(value)) return { portalId: value };
  return {};
}

function scriptCode(doc: Document): string | undefined {
  const scripts = doc.querySelectorAll('script:not([src])');
  for (let i = 0; i < scripts.length && i < 200; i++) {
    const text = (scripts[i].textContent ?? '').slice(0, 200_000);
    const m = SCRIPT_CODE.exec(text);
    const code = m ? nationalCodeOf(m[1]) : undefined;
    if (code) return code;
  }
  return undefined;
}

export const adapter: SiteAdapter = {
  id: 'national-old',
  label: 'Cổng Dịch vụ công quốc gia (trang cũ /p/home)',
  hosts: ['thutuc.dichvucong.gov.vn', 'vpcp.dichvucong.gov.vn', 'dichvucong.gov.vn'],
  examples: [
    { url: `https://thutuc.dichvucong.gov.vn/p/home/${DETAIL_BY_ID}?ma_thu_tuc=373812`, kind: 'procedure-info' },
    { url: `https://vpcp.dichvucong.gov.vn/p/home/${DETAIL_BY_ID}?ma_thu_tuc=6007&open_popup=1`, kind: 'procedure-info' },
    { url: `https://dichvucong.gov.vn/p/home/${DETAIL_BY_ID}?ma_thu_tuc=373812`, kind: 'procedure-info' },
    { url: `https://thutuc.dichvucong.gov.vn/p/home/${LIEN_THONG_BY_ID}?ma_thu_tuc=392711`, kind: 'procedure-info' },
    { url: 'https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=1.001193', kind: 'procedure-info' },
    { url: 'https://thutuc.dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-nganh-doc.html?ma_thu_tuc=1.001640', kind: 'procedure-info' },
    { url: 'https://vpcp.dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-dung-chung.html?ma_thu_tuc=2.000986', kind: 'procedure-info' },
    { url: 'https://thutuc.dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh.html', kind: 'procedure-list' },
    { url: 'https://thutuc.dichvucong.gov.vn/p/home/dvc-ket-qua-thu-tuc.html?tukhoa=khai%20sinh', kind: 'procedure-list' },
    { url: 'https://vpcp.dichvucong.gov.vn/p/home/dvc-danh-sach-dich-vu-cong.html', kind: 'procedure-list' },
    { url: 'https://thutuc.dichvucong.gov.vn/p/home/dvc-danh-sach-thu-tuc-theo-nhom-su-kien.html', kind: 'procedure-list' },
    { url: 'https://dichvucong.gov.vn/p/home/dvc-dich-vu-cong-truc-tuyen-ds.html?pCoQuanId=387628', kind: 'procedure-list' },
    { url: `https://dichvucong.gov.vn/p/home/${SUBMIT}?ma_thu_tuc=1.001193`, kind: 'online-submission' },
    // Not mine: news, a missing page, an export, pictures.
    { url: 'https://thutuc.dichvucong.gov.vn/p/home/dvc-tin-tuc.html?id=12', kind: null },
    { url: 'https://vpcp.dichvucong.gov.vn/p/home/khong-ton-tai.html', kind: null },
    { url: 'https://thutuc.dichvucong.gov.vn/jsp/tthc/export/export_word_detail_tthc.jsp?maTTHC=1.001193', kind: null },
    { url: 'https://thutuc.dichvucong.gov.vn/', kind: null },
  ],

  matchUrl(url) {
    if (!url.pathname.startsWith('/p/home/')) return null;
    const page = url.pathname.split('/').pop() ?? '';
    const value = url.searchParams.get('ma_thu_tuc') ?? url.searchParams.get('maTTHC');
    if (page === DETAIL_BY_ID) return { kind: 'procedure-info', rule: 'detail-by-internal-id', ...idOrCode(value) };
    if (page === LIEN_THONG_BY_ID) return { kind: 'procedure-info', rule: 'lien-thong-by-internal-id', ...idOrCode(value) };
    if (BY_CODE[page]) return { kind: 'procedure-info', rule: BY_CODE[page], ...idOrCode(value) };
    if (LISTS.includes(page)) return { kind: 'procedure-list', rule: 'old-list' };
    // The old submission page (unverified address): only a visible code makes it one.
    if (page === SUBMIT) return { kind: 'online-submission', rule: 'old-submission', ...idOrCode(value) };
    return null;
  },

  readDom(doc, url, match): RecognizedPage | null {
    const landmarks: string[] = [];
    const tried: string[] = [];
    const base = { site: this.id, url: url.href };

    if (match.kind === 'procedure-list') {
      const items = doc.querySelectorAll('#content_DVCTT_List li');
      const links = doc.querySelectorAll(`a[href*="ma_thu_tuc="]`);
      if (items.length) landmarks.push(`#content_DVCTT_List li ×${items.length}`);
      else tried.push('#content_DVCTT_List li');
      if (links.length) landmarks.push(`procedure links ×${links.length}`);
      return {
        ...base,
        pageKind: 'procedure-list',
        procedure: null,
        confidence: items.length || links.length ? 0.9 : 0.6,
        evidence: { urlRule: match.rule, landmarks, tried },
      };
    }

    // The first h1.main-title may be empty: the name is the first non-empty one.
    let name = '';
    for (const h of Array.from(doc.querySelectorAll('h1.main-title'))) {
      name = textOf(h);
      if (name) break;
    }
    if (name) landmarks.push('h1.main-title');
    else {
      tried.push('h1.main-title');
      name = textOf(doc.querySelector('main h1, h1'));
      if (name) landmarks.push('h1');
    }

    const modal = doc.querySelector('#popupChitietTTHC');
    if (modal) landmarks.push('#popupChitietTTHC');
    else tried.push('#popupChitietTTHC');
    const { procedure, hits } = procedureFromLabels(modal ?? doc.body ?? doc);
    for (const h of hits) landmarks.push(`label:${h.label}`);
    if (!hits.some((h) => h.key === 'code')) tried.push('label:Mã thủ tục');

    if (!procedure.code && match.code) procedure.code = match.code;
    if (!procedure.code) {
      const fromScript = scriptCode(doc);
      if (fromScript) {
        procedure.code = fromScript;
        landmarks.push('script:procedure_code');
      } else {
        tried.push('script:procedure_code');
      }
    }
    if (match.portalId) procedure.portalId = match.portalId;
    if (!procedure.portalId) {
      // "Xem chi tiết" links to the full page by internal id.
      const detail = doc.querySelector<HTMLAnchorElement>(`a[href*="${DETAIL_BY_ID}"], a[href*="${LIEN_THONG_BY_ID}"]`);
      const id = detail ? /ma_thu_tuc=(\d{1,9})\b/.exec(detail.getAttribute('href') ?? '')?.[1] : undefined;
      if (id) {
        procedure.portalId = id;
        landmarks.push('a[href*=chi-tiet] (internal id)');
      }
    }
    if (name) procedure.name = name;
    else if (procedure.name) landmarks.push('label:Tên thủ tục');
    if (procedure.code && !NATIONAL_CODE.test(procedure.code)) {
      const accepted = acceptCode(procedure.code, false);
      if (accepted) procedure.code = accepted;
    }

    // A page listing many procedure codes is not one procedure.
    const codes = modal ? new Set<string>() : new Set((doc.body?.textContent ?? '').match(NATIONAL_CODE_IN_TEXT) ?? []);
    if (codes.size > 3) {
      return {
        ...base,
        pageKind: 'procedure-list',
        procedure: null,
        confidence: 0.7,
        evidence: { urlRule: match.rule, landmarks: [...landmarks, `codes ×${codes.size}`], tried },
      };
    }

    const found = compact(procedure);
    const needsCode = match.kind === 'online-submission';
    if ((!found?.name && !found?.code) || (needsCode && !found?.code)) {
      // The URL looked right but the page shows no procedure (yet): unknown, with evidence.
      return { ...base, pageKind: 'unknown', procedure: found, confidence: 0.1, evidence: { urlRule: match.rule, landmarks, tried } };
    }
    let kind = match.kind;
    if (kind === 'online-submission') {
      const form = doc.querySelector('form');
      if (form) landmarks.push('form');
      if (!form && !/nộp hồ sơ|nop ho so/i.test(doc.body?.textContent ?? '')) kind = 'procedure-info';
    }
    return {
      ...base,
      pageKind: kind,
      procedure: found,
      confidence: confidenceOf({ url: true, name: Boolean(found?.name), code: Boolean(found?.code), labels: hits.length }),
      evidence: { urlRule: match.rule, landmarks, tried },
    };
  },
};
