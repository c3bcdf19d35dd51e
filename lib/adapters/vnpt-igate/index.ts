import { codeFromUrl, compact, pageOf, scoreOf, procedureFromLabels, textOf, type SiteAdapter } from '../kit/adapter';
import { DOSSIER_CODE_IN_TEXT } from '../kit/labels';
import type { RecognizedPage } from '../kit/page';

/*
 * VNPT iGate, the Angular one-stop product many provinces run (portals.md §5):
 * staff screens /vi/dossier/processing/<id>, /vi/dossier/search/<id> on
 * motcua.<province>.gov.vn, public procedure pages /vi/procedure/detail/<id>
 * on dichvucong.<province>.gov.vn. It owns no host: a user picks it in
 * Options for their province's host. Staff-screen labels are unverified, so
 * values are read by the usual labels only; codes may carry a local suffix.
 */

const ROUTES: [RegExp, 'dossier' | 'procedure-info' | 'procedure-list', string][] = [
  [/^\/vi\/dossier\/(processing|search)\/[^/]+\/?$/, 'dossier', 'igate-dossier'],
  [/^\/vi\/procedure\/detail\/[^/]+\/?$/, 'procedure-info', 'igate-procedure'],
  [/^\/vi\/(dossier|procedure)(\/[a-z-]+)?\/?$/, 'procedure-list', 'igate-list'],
];

export const adapter: SiteAdapter = {
  id: 'vnpt-igate',
  hosts: [],

  matchUrl(url) {
    for (const [re, kind, rule] of ROUTES) {
      if (re.test(url.pathname)) {
        const code = codeFromUrl(url)?.code;
        return { kind, rule, ...(code ? { code } : {}) };
      }
    }
    return null;
  },

  readDom(doc, url, match): RecognizedPage | null {
    if (match.kind === 'procedure-list') return pageOf(this.id, url, match, 'procedure-list', null, 0.7);
    const { procedure, dossierCode, hits } = procedureFromLabels(doc.body ?? doc);
    if (!procedure.code && match.code) procedure.code = match.code;
    const landmarks = hits.map((h) => `label:${h.label}`);
    const tried: string[] = hits.length ? [] : ['labels'];
    let dossier = dossierCode;
    if (match.kind === 'dossier' && !dossier) {
      // The staff screen's header often carries the mã hồ sơ in the one-stop shape.
      dossier = DOSSIER_CODE_IN_TEXT.exec(textOf(doc.querySelector('h1, h2, h3, .title, [class*="title"]')))?.[0];
      if (dossier) landmarks.push('heading: mã hồ sơ');
    }
    const found = compact(procedure);
    if (!found && !dossier) return null;
    return pageOf(this.id, url, match, match.kind, found, scoreOf(found, hits.length), landmarks, tried, dossier);
  },
};
