import { codeFromUrl, compact, confidenceOf, procedureFromLabels, type SiteAdapter } from '../kit/adapter';
import type { RecognizedPage } from '../kit/page';

/*
 * Hand-off pages (portals.md §3): a ministry's or another province's portal
 * that the national portal sends the user to, with the code in the URL
 * (MaTTHC=, MaTTHCDP= with a local suffix, MaDVC= with a service suffix).
 * It owns no host: it answers on any host the user enabled in Options, after
 * that host's own adapter (if any) declined. The ministries' portals named
 * in the facts are offered in Options as ready-made hosts.
 */

export const adapter: SiteAdapter = {
  id: 'handoff',
  label: 'Cổng của bộ, ngành, tỉnh (mã thủ tục trong địa chỉ)',
  hosts: [],
  anyHost: true,
  suggestedHosts: ['dichvucongnganhtuphap.moj.gov.vn', 'dvc.moc.gov.vn'],
  examples: [
    { url: 'https://dichvucongnganhtuphap.moj.gov.vn/danh-sach-thu-tuc?MaTTHC=1.000894&vneid=1', kind: 'procedure-info' },
    { url: 'https://dvc.moc.gov.vn/vi/nps/apply?MaTTHC=1.013229&MaDVC=1.013229.01&vnconnect=1', kind: 'online-submission' },
    { url: 'https://dichvucong.quangninh.gov.vn/nop-ho-so?MaTTHC=1.115835', kind: 'online-submission' },
    { url: 'https://dichvucong.thainguyen.gov.vn/dvc?MaTTHCDP=2.000815.000.00.00.H55&MaCoQuanThucHien=H55.1', kind: 'procedure-info' },
    { url: 'https://dvc.example-bo.gov.vn/#/thu-tuc?maTTHC=2.002156', kind: 'procedure-info' },
    // Look-alikes and pages without a code: not mine.
    { url: 'https://dichvucongnganhtuphap.moj.gov.vn/danh-sach-thu-tuc?MaTTHC=1.004850A', kind: null },
    { url: 'https://dichvucongnganhtuphap.moj.gov.vn/tin-tuc/thong-bao', kind: null },
    { url: 'https://dvc.moc.gov.vn/vi/khong-ton-tai', kind: null },
    { url: 'https://dvc.moc.gov.vn/vi/nps/apply?MaCoQuanThucHien=H56.1', kind: null },
  ],

  matchUrl(url) {
    const found = codeFromUrl(url);
    if (!found) return null;
    const submission = /nop-ho-so|apply|nop_ho_so|submit/i.test(`${url.pathname}${url.hash}`);
    return { kind: submission ? 'online-submission' : 'procedure-info', rule: `url-code:${found.param}`, code: found.code };
  },

  readDom(doc, url, match): RecognizedPage {
    // The code comes from the URL; labelled values on the page add name, field, level.
    const { procedure, hits } = procedureFromLabels(doc.body ?? doc);
    procedure.code = match.code;
    const found = compact(procedure);
    return {
      site: this.id,
      pageKind: match.kind,
      url: url.href,
      procedure: found,
      confidence: confidenceOf({ url: true, name: Boolean(found?.name), code: true, labels: hits.length }),
      evidence: { urlRule: match.rule, landmarks: hits.map((h) => `label:${h.label}`), tried: hits.length ? [] : ['labels'] },
    };
  },
};
