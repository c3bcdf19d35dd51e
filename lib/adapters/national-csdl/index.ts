import { compact, pageOf, procedureFromLabels, scoreOf, textOf, type SiteAdapter } from '../kit/adapter';
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
  hosts: ['csdl.dichvucong.gov.vn'],
  matchUrl(url) {
    if (/\.(docx?|xlsx?|pdf|png|jpe?g|gif|svg|zip)$/i.test(url.pathname)) return null;
    const raw = url.searchParams.get('maTTHC') ?? url.searchParams.get('ma_thu_tuc');
    const code = raw ? nationalCodeOf(raw) : undefined;
    if (/tra[_-]?cuu|search|danh[_-]?sach/i.test(url.pathname)) return { kind: 'procedure-list', rule: 'csdl-search' };
    return { kind: 'procedure-info', rule: 'csdl-page', ...(code ? { code } : {}) };
  },
  readDom(doc, url, match) {
    const codes = new Set((doc.body?.textContent ?? '').match(NATIONAL_CODE_IN_TEXT)).size;
    const landmarks = [`codes ×${codes}`];
    if (match.kind === 'procedure-list' || codes > 3) return pageOf(this.id, url, match, 'procedure-list', null, codes > 1 ? 0.85 : 0.5, landmarks);
    const { procedure, hits } = procedureFromLabels(doc.body ?? doc);
    procedure.code ??= match.code;
    procedure.name ||= textOf(doc.querySelector('h1, h2'));
    const found = compact(procedure);
    if (!found?.code) return null; // not sure: let the generic reader try
    for (const h of hits) landmarks.push(`label:${h.label}`);
    return pageOf(this.id, url, match, 'procedure-info', found, scoreOf(found, hits.length), landmarks);
  },
};
