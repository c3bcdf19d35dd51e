import { codeFromUrl, compact, confidenceOf, procedureFromLabels, textOf, type SiteAdapter } from '../kit/adapter';
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
  label: 'VNPT iGate (một cửa các tỉnh)',
  hosts: [],
  examples: [
    { url: 'https://motcua.example-province.gov.vn/vi/dossier/processing/65a1f0c2e4b0a1b2c3d4e5f6?procedure=64f0aa11&task=7788', kind: 'dossier' },
    { url: 'https://motcua.example-province.gov.vn/vi/dossier/search/65a1f0c2e4b0a1b2c3d4e5f6', kind: 'dossier' },
    { url: 'https://dichvucong.example-province.gov.vn/vi/procedure/detail/64f0aa11b2c3d4e5f6a7b8c9', kind: 'procedure-info' },
    { url: 'https://dichvucong.example-province.gov.vn/vi/procedure/search', kind: 'procedure-list' },
    { url: 'https://motcua.example-province.gov.vn/vi/dossier/processing', kind: 'procedure-list' },
    { url: 'https://dichvucong.example-province.gov.vn/vi/news/thong-bao-nghi-le', kind: null },
    { url: 'https://dichvucong.example-province.gov.vn/vi/khong-ton-tai/1/2', kind: null },
  ],

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
    const base = { site: this.id, url: url.href };
    if (match.kind === 'procedure-list') {
      return { ...base, pageKind: 'procedure-list', procedure: null, confidence: 0.7, evidence: { urlRule: match.rule, landmarks: [], tried: [] } };
    }
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
    return {
      ...base,
      pageKind: match.kind,
      procedure: found,
      ...(dossier ? { dossierCode: dossier } : {}),
      confidence: confidenceOf({ url: true, name: Boolean(found?.name), code: Boolean(found?.code), labels: hits.length }),
      evidence: { urlRule: match.rule, landmarks, tried },
    };
  },
};
