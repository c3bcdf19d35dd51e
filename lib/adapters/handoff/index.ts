import { codeFromUrl, compact, pageOf, scoreOf, procedureFromLabels, type SiteAdapter } from '../kit/adapter';
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
  hosts: [],
  anyHost: true,
  suggestedHosts: ['dichvucongnganhtuphap.moj.gov.vn', 'dvc.moc.gov.vn'],

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
    return pageOf(this.id, url, match, match.kind, found, scoreOf(found, hits.length), hits.map((h) => `label:${h.label}`), hits.length ? [] : ['labels']);
  },
};
