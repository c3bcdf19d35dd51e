import { compact, confidenceOf, procedureFromLabels, textOf, type SiteAdapter } from '../kit/adapter';
import { nationalCodeOf } from '../kit/labels';
import { NATIONAL_CODE_IN_TEXT } from '../kit/page';

/*
 * Cơ sở dữ liệu quốc gia về thủ tục hành chính — csdl.dichvucong.gov.vn.
 * Its page addresses were not observed (portals.md: unverified), so the URL
 * stage accepts the host's pages and the DOM stage decides by the labels
 * "Mã thủ tục" / "Mã số hồ sơ TTHC" and the national code pattern.
 */
export const adapter: SiteAdapter = {
  id: 'national-csdl',
  label: 'CSDL quốc gia về thủ tục hành chính',
  hosts: ['csdl.dichvucong.gov.vn'],
  examples: [
    { url: 'https://csdl.dichvucong.gov.vn/web/jsp/view_tthc.jsp?maTTHC=1.001193', kind: 'procedure-info' },
    { url: 'https://csdl.dichvucong.gov.vn/web/jsp/tra_cuu_tthc.jsp?keyword=khai+sinh', kind: 'procedure-list' },
    // Not mine: downloads and pictures on the same host.
    { url: 'https://csdl.dichvucong.gov.vn/web/files/bieu-mau.docx', kind: null },
    { url: 'https://csdl.dichvucong.gov.vn/web/images/logo.png', kind: null },
  ],
  matchUrl(url) {
    if (/\.(docx?|xlsx?|pdf|png|jpe?g|gif|svg|zip)$/i.test(url.pathname)) return null;
    const raw = url.searchParams.get('maTTHC') ?? url.searchParams.get('ma_thu_tuc');
    const code = raw ? nationalCodeOf(raw) : undefined;
    if (/tra[_-]?cuu|search|danh[_-]?sach/i.test(url.pathname)) return { kind: 'procedure-list', rule: 'csdl-search' };
    return { kind: 'procedure-info', rule: 'csdl-page', ...(code ? { code } : {}) };
  },
  readDom(doc, url, match) {
    const codes = new Set((doc.body?.textContent ?? '').match(NATIONAL_CODE_IN_TEXT) ?? []);
    const landmarks = [`codes ×${codes.size}`];
    if (match.kind === 'procedure-list' || codes.size > 3) {
      return {
        site: this.id,
        pageKind: 'procedure-list',
        url: url.href,
        procedure: null,
        confidence: codes.size > 1 ? 0.85 : 0.5,
        evidence: { urlRule: match.rule, landmarks, tried: [] },
      };
    }
    const { procedure, hits } = procedureFromLabels(doc.body ?? doc);
    if (!procedure.code && match.code) procedure.code = match.code;
    if (!procedure.name) {
      const h = doc.querySelector('h1, h2');
      if (textOf(h)) procedure.name = textOf(h);
    }
    const found = compact(procedure);
    if (!found?.code) return null; // not sure: let the generic reader try
    return {
      site: this.id,
      pageKind: 'procedure-info',
      url: url.href,
      procedure: found,
      confidence: confidenceOf({ url: true, name: Boolean(found.name), code: true, labels: hits.length }),
      evidence: { urlRule: match.rule, landmarks: [...landmarks, ...hits.map((h) => `label:${h.label}`)], tried: [] },
    };
  },
};
