import { compact, confidenceOf, procedureFromLabels, textOf, type SiteAdapter } from '../recognize/adapter';
import { acceptDossierCode } from '../recognize/labels';
import { NATIONAL_CODE_IN_TEXT } from '../recognize/page';

/*
 * Thanh Hóa's public portal — dichvucong.thanhhoa.gov.vn, ASP.NET pages under
 * /portaldvc/ (portals.md §2), and the service centre hcc.thanhhoa.gov.vn.
 * A fee-payment page carries the dossier code in `mahoso`; procedure pages are
 * read by their labels.
 */
export const thanhhoaPortalAdapter: SiteAdapter = {
  id: 'thanhhoa-portal',
  label: 'Cổng dịch vụ công tỉnh Thanh Hóa',
  hosts: ['dichvucong.thanhhoa.gov.vn', 'hcc.thanhhoa.gov.vn'],
  examples: [
    { url: 'https://dichvucong.thanhhoa.gov.vn/portaldvc/KenhTin/thanh-toan.aspx?mahoso=000.00.12.H56-250701-0001', kind: 'dossier' },
    { url: 'https://dichvucong.thanhhoa.gov.vn/portaldvc/KenhTin/dich-vu-cong-truc-tuyen.aspx?matt=1.001193', kind: 'procedure-info' },
    { url: 'https://dichvucong.thanhhoa.gov.vn/portaldvc/KenhTin/dich-vu-cong-truc-tuyen.aspx', kind: 'procedure-list' },
    { url: 'https://hcc.thanhhoa.gov.vn/portaldvc/KenhTin/tra-cuu-ho-so.aspx?mahoso=000.00.12.H56-250701-0002', kind: 'dossier' },
  ],
  matchUrl(url) {
    if (!this.hosts.includes(url.hostname)) return null;
    if (!url.pathname.toLowerCase().startsWith('/portaldvc/')) return null;
    if (url.pathname.toLowerCase().startsWith('/portaldvc/photos/')) return null;
    const mahoso = url.searchParams.get('mahoso') ?? url.searchParams.get('maHoSo');
    if (mahoso) {
      const dossierCode = acceptDossierCode(mahoso);
      return { kind: 'dossier', rule: 'dossier-by-mahoso', ...(dossierCode ? { dossierCode } : {}) };
    }
    const code = url.searchParams.get('matt') ?? url.searchParams.get('ma_thu_tuc');
    if (code) return { kind: 'procedure-info', rule: 'procedure-by-code', ...(/^\d\.\d{6}$/.test(code) ? { code } : {}) };
    return { kind: 'procedure-list', rule: 'portal-page' };
  },
  readDom(doc, url, match) {
    const { procedure, dossierCode, hits } = procedureFromLabels(doc.body ?? doc);
    const landmarks = hits.map((h) => `label:${h.label}`);
    if (!procedure.code && match.code) procedure.code = match.code;
    const codes = new Set((doc.body?.textContent ?? '').match(NATIONAL_CODE_IN_TEXT) ?? []);
    const found = compact(procedure);
    const dossier = dossierCode ?? match.dossierCode;
    if (match.kind === 'dossier' || dossier) {
      return {
        site: this.id,
        pageKind: 'dossier',
        url: url.href,
        procedure: found,
        ...(dossier ? { dossierCode: dossier } : {}),
        confidence: confidenceOf({ url: true, name: Boolean(found?.name), code: Boolean(found?.code), labels: hits.length }),
        evidence: { urlRule: match.rule, landmarks, tried: dossier ? [] : ['label:Mã hồ sơ'] },
      };
    }
    if (codes.size > 3) {
      return {
        site: this.id,
        pageKind: 'procedure-list',
        url: url.href,
        procedure: null,
        confidence: 0.8,
        evidence: { urlRule: match.rule, landmarks: [...landmarks, `codes ×${codes.size}`], tried: [] },
      };
    }
    if (!found?.code && !found?.name) return null;
    if (found && !found.name) {
      const h = textOf(doc.querySelector('h1, h2'));
      if (h) found.name = h;
    }
    return {
      site: this.id,
      pageKind: 'procedure-info',
      url: url.href,
      procedure: found,
      confidence: confidenceOf({ url: true, name: Boolean(found?.name), code: Boolean(found?.code), labels: hits.length }),
      evidence: { urlRule: match.rule, landmarks, tried: [] },
    };
  },
};
