import {
  compact,
  confidenceOf,
  procedureFromLabels,
  textOf,
  type SiteAdapter,
  type UrlMatch,
} from '../recognize/adapter';
import { NATIONAL_CODE, NATIONAL_CODE_IN_TEXT, type RecognizedPage } from '../recognize/page';

/*
 * Cổng Dịch vụ công quốc gia — dichvucong.gov.vn (facts: shared/docs/portals.md §1).
 * Procedure pages live under /p/home/<page>.html; ma_thu_tuc is the internal
 * numeric id on the full detail page and the national code on the summary page.
 */

const DETAIL_BY_ID = 'dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html';
const SUMMARY_BY_CODE = 'dvc-chi-tiet-thu-tuc-hanh-chinh.html';
const SECTOR = 'dvc-chi-tiet-thu-tuc-nganh-doc.html';
const SHARED = 'dvc-chi-tiet-thu-tuc-dung-chung.html';
const ONLINE_LIST = 'dvc-dich-vu-cong-truc-tuyen-ds.html';
const SEARCH = 'dvc-tthc-thu-tuc-hanh-chinh.html';

function idOrCode(value: string | null): Pick<UrlMatch, 'portalId' | 'code'> {
  if (!value) return {};
  if (NATIONAL_CODE.test(value)) return { code: value };
  if (/^\d{1,9}$/.test(value)) return { portalId: value };
  return {};
}

export const nationalAdapter: SiteAdapter = {
  id: 'national',
  label: 'Cổng Dịch vụ công quốc gia',
  hosts: ['dichvucong.gov.vn', 'thutuc.dichvucong.gov.vn', 'vpcp.dichvucong.gov.vn'],
  examples: [
    { url: `https://dichvucong.gov.vn/p/home/${DETAIL_BY_ID}?ma_thu_tuc=373812`, kind: 'procedure-info' },
    { url: `https://dichvucong.gov.vn/p/home/${DETAIL_BY_ID}?ma_thu_tuc=6007`, kind: 'procedure-info' },
    { url: `https://dichvucong.gov.vn/p/home/${SUMMARY_BY_CODE}?ma_thu_tuc=1.001193`, kind: 'procedure-info' },
    { url: `https://thutuc.dichvucong.gov.vn/p/home/${SUMMARY_BY_CODE}?ma_thu_tuc=2.000986`, kind: 'procedure-info' },
    { url: `https://dichvucong.gov.vn/p/home/${SECTOR}?ma_thu_tuc=1.000105`, kind: 'procedure-info' },
    { url: `https://dichvucong.gov.vn/p/home/${SHARED}?ma_thu_tuc=7603`, kind: 'procedure-info' },
    { url: `https://dichvucong.gov.vn/p/home/${ONLINE_LIST}?pCoQuanId=387628`, kind: 'procedure-list' },
    { url: `https://dichvucong.gov.vn/p/home/${ONLINE_LIST}?pkeyWord=khai%20sinh`, kind: 'procedure-list' },
    { url: `https://dichvucong.gov.vn/p/home/${SEARCH}`, kind: 'procedure-list' },
    { url: 'https://dichvucong.gov.vn/p/home/dvc-nop-ho-so-truc-tuyen.html?ma_thu_tuc=1.001193', kind: 'online-submission' },
  ],

  matchUrl(url) {
    if (!this.hosts.includes(url.hostname)) return null;
    const page = url.pathname.split('/').pop() ?? '';
    const param = url.searchParams.get('ma_thu_tuc') ?? url.searchParams.get('maTTHC');
    if (page === DETAIL_BY_ID) return { kind: 'procedure-info', rule: 'detail-by-internal-id', ...idOrCode(param) };
    if (page === SUMMARY_BY_CODE) return { kind: 'procedure-info', rule: 'summary-by-code', ...idOrCode(param) };
    if (page === SECTOR) return { kind: 'procedure-info', rule: 'sector-procedure', ...idOrCode(param) };
    if (page === SHARED) return { kind: 'procedure-info', rule: 'shared-procedure', ...idOrCode(param) };
    if (page === ONLINE_LIST) return { kind: 'procedure-list', rule: 'online-service-list' };
    if (page === SEARCH) return { kind: 'procedure-list', rule: 'procedure-search' };
    // The submission flow's URLs were not observed (unverified): any other page
    // that names a procedure with a submission form is read by its DOM.
    if (/nop-ho-so|dvc-nop|submit/i.test(page) || url.pathname.startsWith('/p/')) {
      return { kind: 'online-submission', rule: 'other-portal-page', ...idOrCode(param) };
    }
    return null;
  },

  readDom(doc, url, match): RecognizedPage | null {
    const landmarks: string[] = [];
    const tried: string[] = [];
    const base = { site: this.id, url: url.href };

    if (match.kind === 'procedure-list') {
      const items = doc.querySelectorAll('#content_DVCTT_List li');
      const links = doc.querySelectorAll(`a[href*="${DETAIL_BY_ID}"], a[href*="${SUMMARY_BY_CODE}"]`);
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

    const h1 = doc.querySelector('h1.main-title') ?? doc.querySelector('main h1, h1');
    const name = textOf(h1);
    if (name) landmarks.push(h1?.matches('h1.main-title') ? 'h1.main-title' : 'h1');
    else tried.push('h1.main-title');

    const modal = doc.querySelector('#popupChitietTTHC');
    if (modal) landmarks.push('#popupChitietTTHC');
    else tried.push('#popupChitietTTHC');
    const { procedure, hits } = procedureFromLabels(modal ?? doc.body ?? doc);
    for (const h of hits) landmarks.push(`label:${h.label}`);
    if (!hits.some((h) => h.key === 'code')) tried.push('label:Mã thủ tục');

    // The summary page carries the code in its URL; the detail link carries the internal id.
    if (!procedure.code && match.code) procedure.code = match.code;
    if (match.portalId) procedure.portalId = match.portalId;
    if (!procedure.portalId) {
      const detail = doc.querySelector<HTMLAnchorElement>(`a[href*="${DETAIL_BY_ID}"]`);
      const id = detail ? /ma_thu_tuc=(\d{1,9})\b/.exec(detail.getAttribute('href') ?? '')?.[1] : undefined;
      if (id) {
        procedure.portalId = id;
        landmarks.push('a[href*=chi-tiet] (internal id)');
      }
    }
    if (name) procedure.name = name;
    else if (procedure.name) landmarks.push('label:Tên thủ tục');

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
    // Outside the known procedure pages only a visible code makes it a procedure page.
    const needsCode = match.rule === 'other-portal-page';
    if ((!found?.name && !found?.code) || (needsCode && !found?.code)) {
      // The URL looked right but the page shows no procedure (yet): unknown, with evidence.
      return {
        ...base,
        pageKind: 'unknown',
        procedure: found,
        confidence: 0.1,
        evidence: { urlRule: match.rule, landmarks, tried },
      };
    }
    let kind = match.kind;
    if (kind === 'online-submission') {
      const form = doc.querySelector('form');
      const submitWords = /nộp hồ sơ|nop ho so/i.test(doc.body?.textContent ?? '');
      if (form) landmarks.push('form');
      if (!form && !submitWords) kind = 'procedure-info';
    }
    return {
      ...base,
      pageKind: kind,
      procedure: found,
      confidence: confidenceOf({ url: true, name: Boolean(found.name), code: Boolean(found.code), labels: hits.length }),
      evidence: { urlRule: match.rule, landmarks, tried },
    };
  },
};
