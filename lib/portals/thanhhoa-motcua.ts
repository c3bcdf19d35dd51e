import { compact, confidenceOf, procedureFromLabels, type SiteAdapter } from '../recognize/adapter';

/*
 * Thanh Hóa's "Hệ thống thông tin giải quyết TTHC" as used by one-stop staff:
 * a single-page app whose dossier screens show Mã hồ sơ, Mã thủ tục and Thủ tục
 * (portals.md §2). Its host is not public; motcua.thanhhoa.gov.vn follows the
 * pattern other provinces use (§3) and users add the real host in Options.
 * The same screens show the applicant's personal data: only the labels in
 * lib/recognize/labels.ts are read, and "Trích yếu hồ sơ" (which often names
 * the applicant) is never used.
 */
export const thanhhoaMotcuaAdapter: SiteAdapter = {
  id: 'thanhhoa-motcua',
  label: 'Hệ thống giải quyết TTHC tỉnh Thanh Hóa (một cửa)',
  hosts: ['motcua.thanhhoa.gov.vn'],
  examples: [
    { url: 'https://motcua.thanhhoa.gov.vn/#/ho-so/tiep-nhan/000.00.12.H56-250701-0001', kind: 'dossier' },
    { url: 'https://motcua.thanhhoa.gov.vn/ho-so/chi-tiet?id=8812345', kind: 'dossier' },
    { url: 'https://motcua.thanhhoa.gov.vn/#/ho-so/danh-sach', kind: 'procedure-list' },
  ],
  matchUrl(url) {
    if (!this.hosts.includes(url.hostname)) return null;
    const route = `${url.pathname}${url.hash}`.toLowerCase();
    if (/danh-sach|tim-kiem|list/.test(route)) return { kind: 'procedure-list', rule: 'dossier-list' };
    if (/ho-so/.test(route)) return { kind: 'dossier', rule: 'dossier-screen' };
    return { kind: 'unknown', rule: 'app-page' };
  },
  readDom(doc, url, match) {
    const { procedure, dossierCode, hits } = procedureFromLabels(doc.body ?? doc);
    const found = compact(procedure);
    const landmarks = hits.map((h) => `label:${h.label}`);
    if (match.kind === 'procedure-list') {
      const rows = doc.querySelectorAll('table tbody tr').length;
      return {
        site: this.id,
        pageKind: 'procedure-list',
        url: url.href,
        procedure: null,
        confidence: rows > 1 ? 0.85 : 0.6,
        evidence: { urlRule: match.rule, landmarks: [`table rows ×${rows}`], tried: [] },
      };
    }
    if (!dossierCode && !found) return null;
    return {
      site: this.id,
      pageKind: dossierCode ? 'dossier' : 'procedure-info',
      url: url.href,
      procedure: found,
      ...(dossierCode ? { dossierCode } : {}),
      confidence: confidenceOf({ url: match.kind === 'dossier', name: Boolean(found?.name), code: Boolean(found?.code), labels: hits.length }),
      evidence: { urlRule: match.rule, landmarks, tried: dossierCode ? [] : ['label:Mã hồ sơ'] },
    };
  },
};
