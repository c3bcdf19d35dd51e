import { compact, confidenceOf, codeFromUrl, param, procedureFromLabels, textOf, type SiteAdapter, type UrlMatch } from '../kit/adapter';
import { acceptDossierCode } from '../kit/labels';
import { NATIONAL_CODE_IN_TEXT, type RecognizedPage } from '../kit/page';

/*
 * Thanh Hóa's public portal — dichvucong.thanhhoa.gov.vn (React routes under
 * /portaldvc/, portals.md §4) and the service centre hcc.thanhhoa.gov.vn
 * (older ASP.NET pages, still linked). One procedure is
 * /portaldvc/danh-muc-tthc?MaThuTuc=<code> (the same route without it is the
 * list); a filing starts at nop-ho-so-truc-tuyen?maTTHC= or arrives from the
 * national portal at KenhTin/dich-vu-cong-nop-ho-so-dvc-quoc-gia?MaTTHCDP=.
 * Labels are `td.key > b` cells ending in a colon.
 */

const PORTAL = '/portaldvc/';

export const adapter: SiteAdapter = {
  id: 'thanhhoa-portal',
  label: 'Cổng dịch vụ công tỉnh Thanh Hóa',
  hosts: ['dichvucong.thanhhoa.gov.vn', 'hcc.thanhhoa.gov.vn'],
  examples: [
    { url: 'https://dichvucong.thanhhoa.gov.vn/portaldvc/danh-muc-tthc?MaThuTuc=1.001193', kind: 'procedure-info' },
    { url: 'https://dichvucong.thanhhoa.gov.vn/portaldvc/danh-muc-tthc', kind: 'procedure-list' },
    { url: 'https://dichvucong.thanhhoa.gov.vn/portaldvc/nop-ho-so-truc-tuyen?maTTHC=1.001193&donVi=000.00.06.H56&truongHopId=7', kind: 'online-submission' },
    {
      url: 'https://dichvucong.thanhhoa.gov.vn/portaldvc/KenhTin/dich-vu-cong-nop-ho-so-dvc-quoc-gia?MaTTHCDP=2.000986.000.00.00.H56&MaCoQuanThucHien=H56.27&vneid=1',
      kind: 'online-submission',
    },
    { url: 'https://dichvucong.thanhhoa.gov.vn/portaldvc/KenhTin/thanh-toan.aspx?mahoso=000.00.12.H56-250701-0001', kind: 'dossier' },
    { url: 'https://dichvucong.thanhhoa.gov.vn/portaldvc/KenhTin/dich-vu-cong-truc-tuyen.aspx?matt=1.001193', kind: 'procedure-info' },
    { url: 'https://dichvucong.thanhhoa.gov.vn/portaldvc/KenhTin/dich-vu-cong-truc-tuyen.aspx', kind: 'procedure-list' },
    { url: 'https://hcc.thanhhoa.gov.vn/portaldvc/KenhTin/tra-cuu.aspx?mahs=000.00.12.H56-250701-0002', kind: 'dossier' },
    // Not procedure pages on the same hosts.
    { url: 'https://dichvucong.thanhhoa.gov.vn/portaldvc/home', kind: 'unknown' },
    { url: 'https://dichvucong.thanhhoa.gov.vn/portaldvc/tra-cuu', kind: 'unknown' },
    { url: 'https://dichvucong.thanhhoa.gov.vn/portaldvc/thanh-toan', kind: 'unknown' },
    { url: 'https://hcc.thanhhoa.gov.vn/portaldvc/KenhTin/tin-tuc.aspx?id=12', kind: 'unknown' },
    { url: 'https://dichvucong.thanhhoa.gov.vn/portaldvc/Photos/banner.png', kind: null },
    { url: 'https://dichvucong.thanhhoa.gov.vn/khong-ton-tai', kind: null },
  ],

  matchUrl(url) {
    const path = url.pathname.toLowerCase();
    if (!path.startsWith(PORTAL) || path.startsWith('/portaldvc/photos/')) return null;
    const page = path.slice(PORTAL.length).replace(/\/+$/, '');
    const mahoso = param(url, 'mahoso') ?? param(url, 'mahs');
    if (mahoso) {
      const dossierCode = acceptDossierCode(mahoso);
      return { kind: 'dossier', rule: 'dossier-by-mahoso', ...(dossierCode ? { dossierCode } : {}) };
    }
    const code = codeFromUrl(url)?.code;
    const withCode = (m: UrlMatch): UrlMatch => (code ? { ...m, code } : m);
    if (page === 'danh-muc-tthc') return code ? { kind: 'procedure-info', rule: 'procedure-by-code', code } : { kind: 'procedure-list', rule: 'procedure-list' };
    if (page === 'nop-ho-so-truc-tuyen') return withCode({ kind: 'online-submission', rule: 'submission' });
    if (page === 'kenhtin/dich-vu-cong-nop-ho-so-dvc-quoc-gia') return withCode({ kind: 'online-submission', rule: 'national-handoff' });
    if (page.startsWith('kenhtin/dich-vu-cong-truc-tuyen')) {
      return code ? { kind: 'procedure-info', rule: 'old-procedure-by-code', code } : { kind: 'procedure-list', rule: 'old-procedure-list' };
    }
    // Home, look-up, payment and news pages: read only if their labels name a procedure.
    return { kind: 'unknown', rule: 'portal-page' };
  },

  readDom(doc, url, match): RecognizedPage | null {
    const root = doc.querySelector('.chi-tiet-thu-tuc-dvcqg') ?? doc.body ?? doc;
    const { procedure, dossierCode, hits } = procedureFromLabels(root);
    const landmarks = hits.map((h) => `label:${h.label}`);
    const tried: string[] = [];
    if (root !== doc.body) landmarks.push('.chi-tiet-thu-tuc-dvcqg');
    if (match.code) procedure.code = match.code;
    const title = textOf(doc.querySelector('.main-title h2'));
    if (title && (match.kind === 'procedure-info' || !procedure.name)) {
      procedure.name = title;
      landmarks.push('.main-title h2');
    }
    const base = { site: this.id, url: url.href };
    const evidence = { urlRule: match.rule, landmarks, tried };
    if (match.kind === 'procedure-list') {
      return { ...base, pageKind: 'procedure-list', procedure: null, confidence: 0.8, evidence };
    }
    const found = compact(procedure);
    const dossier = dossierCode ?? match.dossierCode;
    if (match.kind === 'dossier' || dossier) {
      if (!dossier) tried.push('label:Mã hồ sơ');
      return {
        ...base,
        pageKind: 'dossier',
        procedure: found,
        ...(dossier ? { dossierCode: dossier } : {}),
        confidence: confidenceOf({ url: true, name: Boolean(found?.name), code: Boolean(found?.code), labels: hits.length }),
        evidence,
      };
    }
    const codes = new Set((doc.body?.textContent ?? '').match(NATIONAL_CODE_IN_TEXT) ?? []);
    if (match.kind === 'unknown') {
      if (codes.size > 3) return { ...base, pageKind: 'procedure-list', procedure: null, confidence: 0.7, evidence: { ...evidence, landmarks: [...landmarks, `codes ×${codes.size}`] } };
      // Not a procedure route: only labelled procedure facts make it one; else the generic reader may try.
      if (!found?.code || !hits.length) return null;
    }
    if (!found?.code && !found?.name) {
      if (match.kind === 'procedure-info') return { ...base, pageKind: 'unknown', procedure: null, confidence: 0.1, evidence: { ...evidence, tried: ['label:Mã thủ tục', '.main-title h2'] } };
      return null;
    }
    return {
      ...base,
      pageKind: match.kind === 'unknown' ? 'procedure-info' : match.kind,
      procedure: found,
      confidence: confidenceOf({ url: match.kind !== 'unknown', name: Boolean(found?.name), code: Boolean(found?.code), labels: hits.length }),
      evidence,
    };
  },
};
