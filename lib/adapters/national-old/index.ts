import { nationalCodeOf } from '../kit/labels';
import { compact, pageOf, procedureFromLabels, scoreOf, textOf, Trail, type SiteAdapter, type UrlMatch } from '../kit/adapter';
import { NATIONAL_CODE_IN_TEXT, type RecognizedPage } from '../kit/page';

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
  hosts: ['thutuc.dichvucong.gov.vn', 'vpcp.dichvucong.gov.vn', 'dichvucong.gov.vn'],

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
    const trail = new Trail();
    const result = (kind: RecognizedPage['pageKind'], procedure: RecognizedPage['procedure'], confidence: number) =>
      pageOf(this.id, url, match, kind, procedure, confidence, trail.landmarks, trail.tried);

    if (match.kind === 'procedure-list') {
      const n = doc.querySelectorAll('#content_DVCTT_List li').length;
      const items = trail.see(`#content_DVCTT_List li ×${n}`, n);
      const links = doc.querySelectorAll('a[href*="ma_thu_tuc="]').length;
      return result('procedure-list', null, items || links ? 0.9 : 0.6);
    }

    // The first h1.main-title may be empty: the name is the first non-empty one.
    const name = trail.see('h1.main-title', Array.from(doc.querySelectorAll('h1.main-title'), textOf).find(Boolean)) ?? textOf(doc.querySelector('h1'));
    const modal = trail.see('#popupChitietTTHC', doc.querySelector('#popupChitietTTHC'));
    const { procedure, hits } = procedureFromLabels(modal ?? doc.body ?? doc);
    for (const h of hits) trail.landmarks.push(`label:${h.label}`);
    trail.see('label:Mã thủ tục', procedure.code);
    procedure.code ??= match.code ?? trail.see('script:procedure_code', scriptCode(doc));
    // "Xem chi tiết" links to the full page by internal id.
    const detail = doc.querySelector(`a[href*="${DETAIL_BY_ID}"], a[href*="${LIEN_THONG_BY_ID}"]`);
    procedure.portalId = match.portalId ?? /ma_thu_tuc=(\d{1,9})\b/.exec(detail?.getAttribute('href') ?? '')?.[1];
    if (name) procedure.name = name;

    // A page listing many procedure codes is not one procedure.
    const codes = modal ? 0 : new Set((doc.body?.textContent ?? '').match(NATIONAL_CODE_IN_TEXT)).size;
    if (codes > 3) return result('procedure-list', null, 0.7);

    const found = compact(procedure);
    // The URL looked right but the page shows no procedure (yet), or a submission page without a code: unknown.
    if (!found?.code && (!found?.name || match.kind === 'online-submission')) return result('unknown', found, 0.1);
    const kind = match.kind === 'online-submission' && !doc.querySelector('form') ? 'procedure-info' : match.kind;
    return result(kind, found, scoreOf(found, hits.length));
  },
};
